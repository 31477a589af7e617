package dev.vestline.console.signin;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is signed in, as the pages show them.
 *
 * @param id the subject, what the services record as the actor
 * @param name what the page calls them
 * @param roles their roles, without the {@code ROLE_} prefix
 */
public record Person(String id, String name, Set<String> roles) {

	public static Person of(Authentication authentication) {
		Set<String> roles = new TreeSet<>();
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			String value = authority.getAuthority();
			if (value != null && value.startsWith("ROLE_")) {
				roles.add(value.substring("ROLE_".length()));
			}
		}
		String name = authentication.getName();
		if (authentication.getPrincipal() instanceof OidcUser user) {
			name = (user.getFullName() != null) ? user.getFullName()
					: (user.getPreferredUsername() != null) ? user.getPreferredUsername() : user.getSubject();
		}
		return new Person(authentication.getName(), name, roles);
	}

	public boolean hasAny(Set<String> wanted) {
		return this.roles.stream().anyMatch(wanted::contains);
	}

	public boolean has(String role) {
		return this.roles.contains(role);
	}

}
