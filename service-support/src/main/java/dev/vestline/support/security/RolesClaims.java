package dev.vestline.support.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A token's roles as {@code ROLE_<role>} authorities, read from the configured claims
 * (see {@link JwtProperties#rolesClaims()}). A claim may be a list or a space- or
 * comma-separated string (as {@code scope} is); anything else holds no roles.
 */
final class RolesClaims implements Converter<Jwt, Collection<GrantedAuthority>> {

	private final List<String> paths;

	private final String prefix;

	RolesClaims(List<String> paths, String prefix) {
		this.paths = List.copyOf(paths);
		this.prefix = prefix;
	}

	@Override
	public Collection<GrantedAuthority> convert(Jwt jwt) {
		List<GrantedAuthority> roles = new ArrayList<>();
		for (String path : this.paths) {
			for (String value : values(find(jwt.getClaims(), path))) {
				if (!value.isBlank() && value.startsWith(this.prefix)) {
					roles.add(new SimpleGrantedAuthority("ROLE_" + value.substring(this.prefix.length())));
				}
			}
		}
		return roles;
	}

	private static @Nullable Object find(Map<String, Object> claims, String path) {
		if (claims.containsKey(path)) {
			return claims.get(path); // a claim whose own name has dots, e.g. a URL
		}
		Object node = claims;
		for (String name : path.split("\\.")) {
			if (!(node instanceof Map<?, ?> map)) {
				return null;
			}
			node = map.get(name);
		}
		return node;
	}

	private static List<String> values(@Nullable Object claim) {
		if (claim instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		if (claim instanceof String text) {
			return Arrays.asList(text.trim().split("[\\s,]+"));
		}
		return List.of();
	}

}
