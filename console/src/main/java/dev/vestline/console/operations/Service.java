package dev.vestline.console.operations;

import java.util.Arrays;
import java.util.Optional;

/**
 * The four services, each with the same operations and dead-letter API.
 */
public enum Service {

	APPROVAL("approval", "Approval"), SIGNATURE("signature", "Signature"), BILLING("billing", "Billing"),
	RECONCILIATION("reconciliation", "Reconciliation");

	private final String path;

	private final String title;

	Service(String path, String title) {
		this.path = path;
		this.title = title;
	}

	/** Its segment in the console's paths, e.g. {@code approval}. */
	public String path() {
		return this.path;
	}

	public String title() {
		return this.title;
	}

	static Optional<Service> of(String path) {
		return Arrays.stream(values()).filter((service) -> service.path.equals(path)).findFirst();
	}

}
