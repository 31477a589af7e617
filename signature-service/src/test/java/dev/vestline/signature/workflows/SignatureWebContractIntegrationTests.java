package dev.vestline.signature.workflows;

import java.util.UUID;

import dev.vestline.signature.OpenWorkflows;
import dev.vestline.signature.SignatureIntegrationTest;
import dev.vestline.support.security.DevTokens;
import dev.vestline.testharness.WebContractTests;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The web kit's table of bad requests, sent to the signature service: cancelling a
 * workflow takes {@code If-Match}, setting a vehicle's party reads JSON.
 */
@SignatureIntegrationTest
class SignatureWebContractIntegrationTests implements WebContractTests {

	private static @Nullable UUID workflow;

	@LocalServerPort
	int port;

	@Autowired
	WorkflowOpening opening;

	@Autowired
	JdbcClient jdbc;

	@Override
	public Routes webContractRoutes() {
		if (workflow == null) {
			workflow = new OpenWorkflows(this.opening, this.jdbc).subscriptionPack();
		}
		DevTokens tokens = DevTokens.example();
		return new Routes(this.port, tokens.token("carl", "compliance", "operations"), tokens.token("nina", "nobody"),
				new Operation("POST", "/api/v1/workflows/" + workflow + "/cancel", "{\"reason\":\"contract\"}"),
				new Operation("PUT", "/api/v1/vehicles/" + UUID.randomUUID() + "/parties/ARRANGER",
						"{\"partyId\":\"arranger-2\",\"name\":\"Ann Arranger\"}"),
				"{\"partyId\":\"\",\"name\":\"\"}", "/api/v1/workflows/" + workflow,
				"/api/v1/workflows/" + workflow + "/nothing-here");
	}

}
