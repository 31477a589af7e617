package dev.vestline.signature.sealing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import dev.vestline.signature.documents.DocumentVersion;
import dev.vestline.signature.workflows.SigningWorkflow;
import org.jspecify.annotations.Nullable;

/**
 * What the certificate of completion says, line by line: every signer with the evidence
 * kept for the signature, and the hash chain; every time in UTC, the zone named.
 */
final class CertificateText {

	static final String TITLE = "Certificate of completion";

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'")
		.withZone(ZoneOffset.UTC);

	private CertificateText() {
	}

	static List<String> lines(Completion completion, SealingKey key, Instant sealedAt) {
		SigningWorkflow workflow = completion.workflow();
		List<String> lines = new ArrayList<>();
		lines.add(title(workflow) + ", signing workflow " + workflow.id());
		lines.add("Approval " + workflow.approvalId() + "; deal " + workflow.dealId() + " of vehicle "
				+ workflow.vehicleId() + "; investor " + workflow.investorId() + ".");
		lines.add("All times are in UTC (Coordinated Universal Time). Terms revision " + workflow.revision()
				+ "; completed at " + time(workflow.completedAt()) + ".");
		lines.add("");
		int count = completion.signers().size();
		for (int i = 0; i < count; i++) {
			signer(completion, completion.signers().get(i), i + 1, count, lines);
			lines.add("");
		}
		lines.add("Document versions, each SHA-256 chained to the one before:");
		for (DocumentVersion version : completion.versions()) {
			lines.add("  Version " + version.version() + " (terms revision " + version.revision() + "), "
					+ ((version.signerId() != null) ? "signed" : "rendered") + " at " + time(version.createdAt()) + ": "
					+ version.sha256());
		}
		lines.add("");
		DocumentVersion last = completion.finalVersion().version();
		lines.add("This certificate is appended to version " + last.version() + " (SHA-256 " + last.sha256()
				+ ", its first " + completion.finalVersion().bytes().length
				+ " bytes unchanged) as an incremental update. At " + time(sealedAt)
				+ " the signature service sealed the document and this certificate with one PAdES signature"
				+ " (baseline B-B) by the certificate " + key.certificate().getSubjectX500Principal().getName()
				+ ", SHA-256 fingerprint " + key.fingerprint() + ".");
		return lines;
	}

	static String title(SigningWorkflow workflow) {
		return switch (workflow.kind()) {
			case NDA -> "Non-Disclosure Agreement";
			case SUBSCRIPTION_PACK -> "Subscription Pack";
		};
	}

	private static void signer(Completion completion, Completion.Signature signer, int number, int count,
			List<String> lines) {
		lines.add("Signer " + number + " of " + count + ": " + signer.role() + ", " + signer.name() + " (party "
				+ signer.partyId() + ")");
		lines.add("  Typed name: " + signer.typedName());
		lines.add("  Identity evidence: holder of the signing link sent to "
				+ or(signer.linkSentTo(), "(no address recorded: the link was handed over outside Vestline's mail)")
				+ "; link revision " + signer.linkRevision() + " of terms revision " + signer.termsRevision());
		lines.add("  Consent to sign electronically: given; electronic-records disclosure version "
				+ or(signer.consentVersion(), "(not recorded)"));
		lines.add("  Signed at: " + time(signer.signedAt()));
		lines.add("  IP address: " + or(signer.signedFrom(), "(not recorded)"));
		lines.add("  Browser (User-Agent): " + or(signer.userAgent(), "(not recorded)"));
		completion.version(signer.documentVersion() - 1)
			.ifPresent((before) -> lines
				.add("  Document before signing: version " + before.version() + ", SHA-256 " + before.sha256()));
		completion.version(signer.documentVersion())
			.ifPresent((after) -> lines
				.add("  Document after signing: version " + after.version() + ", SHA-256 " + after.sha256()));
	}

	static String time(@Nullable Instant instant) {
		return (instant != null) ? UTC.format(instant) : "(not recorded)";
	}

	private static String or(@Nullable String value, String otherwise) {
		return (value != null) ? value : otherwise;
	}

}
