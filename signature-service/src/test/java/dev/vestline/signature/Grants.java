package dev.vestline.signature;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.vestline.events.Contact;
import dev.vestline.events.Money;
import dev.vestline.events.approval.ApprovalGranted;
import dev.vestline.events.approval.ApprovalKind;

/**
 * Grants as the approval service publishes them, for the test vehicles.
 */
public final class Grants {

	/** Has an arranger and a counterparty, from configuration. */
	public static final UUID CONFIGURED_VEHICLE = UUID.fromString("00000000-0000-0000-0000-00000000a001");

	private Grants() {
	}

	public static ApprovalGranted subscription(UUID vehicleId) {
		return new ApprovalGranted(UUID.randomUUID(), UUID.randomUUID(), vehicleId, "investor-" + UUID.randomUUID(),
				ApprovalKind.SUBSCRIPTION, UUID.randomUUID(), Money.of("250000.00", "EUR"), "olga",
				Instant.now().truncatedTo(ChronoUnit.MICROS));
	}

	public static ApprovalGranted dealInterest(UUID vehicleId) {
		return new ApprovalGranted(UUID.randomUUID(), UUID.randomUUID(), vehicleId, "investor-" + UUID.randomUUID(),
				ApprovalKind.DEAL_INTEREST, null, null, "olga", Instant.now().truncatedTo(ChronoUnit.MICROS));
	}

	/** A subscription whose approval request gave the investor's name and address. */
	public static ApprovalGranted subscription(UUID vehicleId, Contact investor) {
		return new ApprovalGranted(UUID.randomUUID(), UUID.randomUUID(), vehicleId, "investor-" + UUID.randomUUID(),
				ApprovalKind.SUBSCRIPTION, UUID.randomUUID(), Money.of("250000.00", "EUR"), "olga",
				Instant.now().truncatedTo(ChronoUnit.MICROS), investor);
	}

}
