package dev.vestline.support.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class RolesClaimsTests {

	@Test
	void readsKeycloaksRealmRoles() {
		Jwt keycloak = jwt(Map.of("realm_access", Map.of("roles", List.of("compliance", "offline_access")), "roles",
				List.of("ignored")));

		assertThat(roles(List.of("realm_access.roles"), "", keycloak)).containsExactly("ROLE_compliance",
				"ROLE_offline_access");
	}

	@Test
	void readsEntraIdsAppRoles() {
		assertThat(roles(List.of("roles"), "", jwt(Map.of("roles", List.of("operations")))))
			.containsExactly("ROLE_operations");
	}

	@Test
	void readsAClaimWhoseNameHasDotsAsItIs() {
		Jwt auth0 = jwt(Map.of("https://vestline.example.com/roles", List.of("billing")));

		assertThat(roles(List.of("https://vestline.example.com/roles"), "", auth0)).containsExactly("ROLE_billing");
	}

	@Test
	void takesOnlyPrefixedScopesAndDropsThePrefix() {
		Jwt scoped = jwt(Map.of("scope", "openid vestline:operations profile vestline:billing"));

		assertThat(roles(List.of("scope"), "vestline:", scoped)).containsExactly("ROLE_operations", "ROLE_billing");
	}

	@Test
	void findsNoRolesWhereTheClaimIsMissingOrNotAList() {
		assertThat(roles(List.of("groups", "realm_access.roles"), "", jwt(Map.of("realm_access", "roles")))).isEmpty();
	}

	private static List<String> roles(List<String> paths, String prefix, Jwt jwt) {
		return new RolesClaims(paths, prefix).convert(jwt).stream().map(GrantedAuthority::getAuthority).toList();
	}

	private static Jwt jwt(Map<String, Object> claims) {
		return Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.subject("someone")
			.issuedAt(Instant.now())
			.claims((all) -> all.putAll(claims))
			.build();
	}

}
