package dev.vestline.signature.web;

import java.util.List;
import java.util.UUID;

import dev.vestline.testharness.ProviderTokens;
import dev.vestline.testharness.RealInfrastructure;
import dev.vestline.testharness.RoleRuleChecks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signature's role rules with access tokens from an OpenID Connect provider, shaped as
 * Keycloak issues them (roles in {@code realm_access.roles}) and as Entra ID does (app
 * roles in {@code roles}, the application ID URI as audience), verified against the
 * provider's JWK set: each rule lets its roles in and keeps the others out with a 403
 * problem, and a token for another audience is a 401 problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(service = "signature")
class ProviderTokenRolesIntegrationTests {

	private static final ProviderTokens provider = ProviderTokens.shared();

	private RoleRuleChecks rules;

	@BeforeEach
	void checkOnThisService(@LocalServerPort int port) {
		this.rules = new RoleRuleChecks(provider, port);
	}

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) {
		provider.properties().forEach((name, value) -> registry.add(name, () -> value));
	}

	@Test
	void letsStaffButNoInvestorReadWorkflows() throws Exception {
		for (String staff : List.of("approver", "compliance", "operations")) {
			this.rules.assertAllowed("GET", "/api/v1/workflows/" + UUID.randomUUID(), staff);
		}
		this.rules.assertForbidden("GET", "/api/v1/workflows/" + UUID.randomUUID(), "investor");
		this.rules.assertForbidden("GET", "/api/v1/workflows/" + UUID.randomUUID(), "billing");
	}

	@Test
	void letsOnlyComplianceAndOperationsCancelOrReissue() throws Exception {
		String workflow = "/api/v1/workflows/" + UUID.randomUUID();
		this.rules.assertAllowed("POST", workflow + "/cancel", "compliance");
		this.rules.assertAllowed("POST", workflow + "/reissue", "operations");
		this.rules.assertForbidden("POST", workflow + "/cancel", "approver");
		this.rules.assertForbidden("POST", workflow + "/reissue", "investor");
	}

	@Test
	void letsOnlyOperationsConfigureAVehiclesParties() throws Exception {
		String party = "/api/v1/vehicles/" + UUID.randomUUID() + "/parties/ARRANGER";
		this.rules.assertAllowed("PUT", party, "operations");
		this.rules.assertForbidden("PUT", party, "compliance");
	}

	@Test
	void letsOnlyOperationsAtTheDeadLetters() throws Exception {
		this.rules.assertAllowed("GET", "/api/v1/dead-letters", "operations");
		this.rules.assertForbidden("GET", "/api/v1/dead-letters", "compliance");
	}

	@Test
	void refusesATokenForAnotherAudienceWithA401Problem() throws Exception {
		this.rules.assertRefusesAnotherAudience("/api/v1/workflows/00000000-0000-0000-0000-000000000001", "operations");
	}

}
