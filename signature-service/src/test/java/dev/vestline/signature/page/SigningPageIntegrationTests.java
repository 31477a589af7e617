package dev.vestline.signature.page;

import java.util.UUID;

import dev.vestline.signature.Api;
import dev.vestline.signature.CapturedLinks;
import dev.vestline.signature.OpenWorkflows;
import dev.vestline.signature.SignatureIntegrationTest;
import dev.vestline.signature.workflows.WorkflowOpening;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signing page over plain HTTP: what a browser gets for a link, before any script
 * runs.
 */
@SignatureIntegrationTest
class SigningPageIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	WorkflowOpening opening;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CapturedLinks links;

	Api api;

	UUID workflow;

	@BeforeEach
	void openWorkflow() {
		this.api = new Api(this.port);
		this.workflow = new OpenWorkflows(this.opening, this.jdbc).subscriptionPack();
	}

	@Test
	void opensTheLinkInABrowserAsAPageToSign() {
		Api.Response page = this.api.get("/sign/" + this.links.token(this.workflow, "INVESTOR"), "Accept", "text/html");

		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.text()).contains("<form", "Sign");
	}

}
