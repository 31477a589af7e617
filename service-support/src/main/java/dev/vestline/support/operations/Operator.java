package dev.vestline.support.operations;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The person behind the current request, as the audit names them: the token's subject,
 * and the name the token gives them where it gives one.
 *
 * @param subject the token's subject ("unknown" without an authenticated caller)
 * @param name {@code name}, else {@code preferred_username}, absent when the token has
 * neither
 */
public record Operator(String subject, @Nullable String name) {

	/**
	 * @return the caller of the current request
	 */
	public static Operator current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return new Operator("unknown", null);
		}
		String name = null;
		if (authentication.getPrincipal() instanceof Jwt jwt) {
			name = (jwt.getClaimAsString("name") != null) ? jwt.getClaimAsString("name")
					: jwt.getClaimAsString("preferred_username");
		}
		return new Operator(authentication.getName(), name);
	}

}
