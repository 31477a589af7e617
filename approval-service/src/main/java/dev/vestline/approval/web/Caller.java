package dev.vestline.approval.web;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is calling: the token's subject and its roles (without the {@code ROLE_} prefix).
 *
 * @param id the user id, the token's {@code sub}
 * @param roles the caller's roles, e.g. {@code compliance}
 */
public record Caller(String id, Set<String> roles) {

	/** The roles allowed to work on any deal or approval. */
	public static final Set<String> STAFF = Set.of("approver", "compliance", "operations");

	public static Caller of(Authentication authentication) {
		Set<String> roles = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority != null && authority.startsWith("ROLE_"))
			.map((authority) -> authority.substring("ROLE_".length()))
			.collect(Collectors.toUnmodifiableSet());
		return new Caller(authentication.getName(), roles);
	}

	public boolean has(String role) {
		return this.roles.contains(role);
	}

	public boolean isStaff() {
		return this.roles.stream().anyMatch(STAFF::contains);
	}

	/** Staff see everything; an investor sees only what is theirs. */
	public boolean maySee(String investorId) {
		return isStaff() || (has("investor") && this.id.equals(investorId));
	}

}
