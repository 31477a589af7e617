package dev.vestline.console.signin;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/**
 * Turns the roles in a person's ID token (at the configured claim or dotted path) into
 * {@code ROLE_} authorities: they decide which areas the navigation shows. The services
 * decide again from the access token; the console never grants more than they do.
 */
class RolesFromIdToken implements GrantedAuthoritiesMapper {

	private final String[] path;

	RolesFromIdToken(String claim) {
		this.path = claim.split("\\.");
	}

	@Override
	public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
		Set<GrantedAuthority> mapped = new HashSet<>(authorities);
		for (GrantedAuthority authority : authorities) {
			if (authority instanceof OidcUserAuthority oidc) {
				roles(oidc.getIdToken().getClaims())
					.forEach((role) -> mapped.add(new SimpleGrantedAuthority("ROLE_" + role)));
			}
		}
		return mapped;
	}

	private List<String> roles(Map<String, Object> claims) {
		Object value = claims;
		for (String name : this.path) {
			value = (value instanceof Map<?, ?> map) ? map.get(name) : null;
		}
		return (value instanceof Collection<?> roles) ? roles.stream().map(String::valueOf).toList() : List.of();
	}

}
