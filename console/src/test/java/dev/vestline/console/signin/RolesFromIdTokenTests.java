package dev.vestline.console.signin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

import static org.assertj.core.api.Assertions.assertThat;

class RolesFromIdTokenTests {

	@Test
	void readsRolesFromAClaim() {
		assertThat(roles(new RolesFromIdToken("roles"), Map.of("roles", List.of("compliance", "operations"))))
			.contains("ROLE_compliance", "ROLE_operations");
	}

	@Test
	void readsRolesFromADottedPathAsKeycloakNestsThem() {
		assertThat(roles(new RolesFromIdToken("realm_access.roles"),
				Map.of("realm_access", Map.of("roles", List.of("approver")))))
			.contains("ROLE_approver");
	}

	@Test
	void givesNoRoleWhenTheClaimIsMissing() {
		assertThat(roles(new RolesFromIdToken("roles"), Map.of("groups", List.of("admins"))))
			.noneMatch((authority) -> authority.startsWith("ROLE_"));
	}

	private static List<String> roles(RolesFromIdToken mapper, Map<String, Object> claims) {
		Map<String, Object> all = new java.util.HashMap<>(claims);
		all.put("sub", "carla");
		OidcIdToken token = new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(60), all);
		return mapper.mapAuthorities(List.of(new OidcUserAuthority(token)))
			.stream()
			.map(GrantedAuthority::getAuthority)
			.toList();
	}

}
