package dev.vestline.console.pages;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import dev.vestline.console.signin.Person;

/**
 * An area of the console and the roles that give it, as the services' security rules name
 * them. Only the areas built so far are listed.
 *
 * @param title what the navigation calls it
 * @param path where it starts
 * @param roles any of these gives it
 */
public record Area(String title, String path, Set<String> roles) {

	/**
	 * The approvals API's staff roles (approval-service's {@code SecurityConfiguration}).
	 */
	public static final Area APPROVALS = new Area("Approvals", "/approvals",
			Set.of("approver", "compliance", "operations"));

	/**
	 * The deals API's read roles; changing a deal is operations' (the service decides).
	 */
	public static final Area DEALS = new Area("Deals", "/deals", Set.of("approver", "compliance", "operations"));

	/**
	 * signature-service's staff roles for reading workflows; cancelling, new links and
	 * corrected addresses are compliance's and operations' (the service decides).
	 */
	public static final Area SIGNING = new Area("Signing", "/signing", Set.of("approver", "compliance", "operations"));

	/**
	 * reconciliation-service's staff role: every call but reading positions is
	 * operations' only, and an investor may read only their own positions, which is no
	 * staff desk.
	 */
	public static final Area RECONCILIATION = new Area("Reconciliation", "/reconciliation", Set.of("operations"));

	/**
	 * Billing's API is the {@code billing} role's alone (billing-service's
	 * {@code SecurityConfiguration}).
	 */
	public static final Area BILLING = new Area("Billing", "/billing", Set.of("billing"));

	/**
	 * Every service's operations and dead-letter API is the {@code operations} role's
	 * (each service's {@code SecurityConfiguration}).
	 */
	public static final Area OPERATIONS = new Area("Operations", "/operations", Set.of("operations"));

	static final List<Area> ALL = List.of(APPROVALS, DEALS, SIGNING, BILLING, RECONCILIATION, OPERATIONS);

	static List<Area> of(Person person) {
		return ALL.stream().filter((area) -> person.hasAny(area.roles())).toList();
	}

	/**
	 * @return the roles, in words: "approver, compliance or operations"
	 */
	public String rolesInWords() {
		String[] sorted = this.roles.stream().sorted().toArray(String[]::new);
		return (sorted.length == 1) ? sorted[0]
				: String.join(", ", Arrays.copyOf(sorted, sorted.length - 1)) + " or " + sorted[sorted.length - 1];
	}

}
