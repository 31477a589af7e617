package dev.vestline.approval.web;

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
 * Approval's role rules with access tokens from an OpenID Connect provider, shaped as
 * Keycloak issues them (roles in {@code realm_access.roles}) and as Entra ID does (app
 * roles in {@code roles}, the application ID URI as audience), verified against the
 * provider's JWK set: each rule lets its roles in and keeps the others out with a 403
 * problem, and a token for another audience is a 401 problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(service = "approval")
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
	void letsOnlyOperationsCreateDeals() throws Exception {
		this.rules.assertAllowed("POST", "/api/v1/deals", "operations");
		this.rules.assertForbidden("POST", "/api/v1/deals", "compliance");
		this.rules.assertForbidden("POST", "/api/v1/deals", "investor");
	}

	@Test
	void letsStaffButNoInvestorReadDeals() throws Exception {
		for (String staff : List.of("approver", "compliance", "operations")) {
			this.rules.assertAllowed("GET", "/api/v1/deals/" + UUID.randomUUID(), staff);
		}
		this.rules.assertForbidden("GET", "/api/v1/deals/" + UUID.randomUUID(), "investor");
	}

	@Test
	void letsInvestorsListTheirApprovalsButNotDecide() throws Exception {
		this.rules.assertAllowed("GET", "/api/v1/approvals", "investor");
		this.rules.assertForbidden("POST", "/api/v1/approvals/" + UUID.randomUUID() + "/decisions", "investor");
		this.rules.assertAllowed("POST", "/api/v1/approvals/" + UUID.randomUUID() + "/decisions", "compliance");
		this.rules.assertForbidden("GET", "/api/v1/approvals", "billing");
	}

	@Test
	void letsOnlyOperationsAtTheDeadLetters() throws Exception {
		this.rules.assertAllowed("GET", "/api/v1/dead-letters", "operations");
		this.rules.assertForbidden("GET", "/api/v1/dead-letters", "compliance");
	}

	@Test
	void refusesATokenForAnotherAudienceWithA401Problem() throws Exception {
		this.rules.assertRefusesAnotherAudience("/api/v1/deals", "operations");
	}

}
