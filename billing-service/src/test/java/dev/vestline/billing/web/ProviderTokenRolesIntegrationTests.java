package dev.vestline.billing.web;

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
 * Billing's role rules with access tokens from an OpenID Connect provider, shaped as
 * Keycloak issues them (roles in {@code realm_access.roles}) and as Entra ID does (app
 * roles in {@code roles}, the application ID URI as audience), verified against the
 * provider's JWK set: each rule lets its roles in and keeps the others out with a 403
 * problem, and a token for another audience is a 401 problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(service = "billing")
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
	void letsOnlyBillingRunBilling() throws Exception {
		this.rules.assertAllowed("GET", "/api/v1/invoices", "billing");
		this.rules.assertForbidden("GET", "/api/v1/invoices", "operations");
		this.rules.assertForbidden("GET", "/api/v1/invoices", "investor");
	}

	@Test
	void letsBillingAndInvestorsReadAStatement() throws Exception {
		this.rules.assertAllowed("GET", "/api/v1/investors/someone/statement", "investor");
		this.rules.assertAllowed("GET", "/api/v1/investors/someone/statement", "billing");
		this.rules.assertForbidden("GET", "/api/v1/investors/someone/statement", "compliance");
	}

	@Test
	void letsOnlyOperationsAtTheDeadLetters() throws Exception {
		this.rules.assertAllowed("GET", "/api/v1/dead-letters", "operations");
		this.rules.assertForbidden("GET", "/api/v1/dead-letters", "billing");
	}

	@Test
	void refusesATokenForAnotherAudienceWithA401Problem() throws Exception {
		this.rules.assertRefusesAnotherAudience("/api/v1/invoices", "operations");
	}

}
