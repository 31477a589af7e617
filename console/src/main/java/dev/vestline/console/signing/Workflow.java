package dev.vestline.console.signing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A signing workflow as signature-service's API shows it to staff (the fields the pages
 * use).
 *
 * @param id the workflow
 * @param approvalId the approval whose grant opened it
 * @param documentKind {@code SUBSCRIPTION_PACK} or {@code NDA}
 * @param investorId the investor
 * @param amount a subscription pack's amount
 * @param status {@code OPEN}, {@code COMPLETED}, {@code CANCELLED}, {@code DECLINED} or
 * {@code FAILED}
 * @param statusReason why it was cancelled, declined or failed
 * @param revision the terms revision; earlier revisions' signatures are void
 * @param documentVersion the latest document version (0: no document)
 * @param version what its ETag says
 * @param createdAt when it opened
 * @param completedAt when everyone had signed
 * @param signers the requests of every revision
 */
record Workflow(UUID id, UUID approvalId, String documentKind, String investorId, @Nullable Money amount, String status,
		@Nullable String statusReason, int revision, int documentVersion, int version, Instant createdAt,
		@Nullable Instant completedAt, List<Signer> signers) {

	public boolean isOpen() {
		return "OPEN".equals(this.status);
	}

	public boolean isCompleted() {
		return "COMPLETED".equals(this.status);
	}

	/**
	 * @return the signers of the current terms revision, in signing order
	 */
	public List<Signer> currentSigners() {
		return this.signers.stream().filter((signer) -> signer.revision() == this.revision).toList();
	}

	public long signedCount() {
		return currentSigners().stream().filter(Signer::hasSigned).count();
	}

	public String documentInWords() {
		return "SUBSCRIPTION_PACK".equals(this.documentKind) ? "Subscription pack" : "Non-disclosure agreement";
	}

	/**
	 * @return where it stands, in words
	 */
	public String statusInWords() {
		return switch (this.status) {
			case "OPEN" -> "Waiting for signatures: " + signedCount() + " of " + currentSigners().size() + " signed";
			case "COMPLETED" -> "Completed: everyone signed by " + Moments.of(this.completedAt);
			case "CANCELLED" -> "Cancelled";
			case "DECLINED" -> "Declined by a signer";
			case "FAILED" -> "Could not be opened";
			default -> this.status.toLowerCase(Locale.ROOT);
		};
	}

	public String createdInWords() {
		return Moments.of(this.createdAt);
	}

	/**
	 * One signer's request.
	 *
	 * @param revision the terms revision it is for
	 * @param role {@code INVESTOR}, {@code ARRANGER} or {@code COUNTERPARTY}
	 * @param partyId the signer
	 * @param name the signer's name
	 * @param status {@code PENDING}, {@code SIGNED}, {@code DECLINED} or {@code VOID}
	 * @param linkExpiresAt until when the link works
	 * @param typedName the name typed when signing
	 * @param signedAt when signed
	 * @param declineReason why declined
	 */
	record Signer(int revision, String role, String partyId, String name, String status, Instant linkExpiresAt,
			@Nullable String typedName, @Nullable Instant signedAt, @Nullable String declineReason) {

		public boolean hasSigned() {
			return "SIGNED".equals(this.status);
		}

		public boolean isPending() {
			return "PENDING".equals(this.status);
		}

		public String roleInWords() {
			return this.role.charAt(0) + this.role.substring(1).toLowerCase(Locale.ROOT);
		}

		public String statusInWords() {
			return switch (this.status) {
				case "SIGNED" -> "Signed as “" + this.typedName + "” at " + Moments.of(this.signedAt);
				case "PENDING" -> "Not signed yet; the link works until " + Moments.of(this.linkExpiresAt);
				case "DECLINED" -> "Declined: " + this.declineReason;
				case "VOID" -> "Void: the terms were reissued";
				default -> this.status.toLowerCase(Locale.ROOT);
			};
		}

	}

	/**
	 * An amount.
	 *
	 * @param amount in the currency's major unit
	 * @param currency ISO 4217
	 */
	record Money(BigDecimal amount, String currency) {

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%,.2f %s", this.amount, this.currency);
		}

	}

	/**
	 * One page of workflows, newest first.
	 *
	 * @param items the workflows
	 * @param next the cursor of the next page
	 */
	record Page(List<Workflow> items, @Nullable String next) {
	}

}
