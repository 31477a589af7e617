package dev.vestline.signature.documents;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.vestline.events.Money;
import dev.vestline.events.signature.DocumentKind;
import dev.vestline.events.signature.Signer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureStampTests {

	static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");

	final byte[] unsigned = new DocumentRenderer()
		.render(new DocumentTerms(UUID.randomUUID(), DocumentKind.SUBSCRIPTION_PACK, UUID.randomUUID(),
				UUID.randomUUID(), "investor-1", UUID.randomUUID(), Money.of("1250.50", "EUR"),
				List.of(new Signer("investor-1", "investor-1", "INVESTOR"), new Signer("arr-1", "Ada", "ARRANGER")), 1,
				null, NOW));

	@Test
	void rendersTheTermsAndTheSigners() {
		assertThat(DocumentText.of(this.unsigned)).contains("Subscription Pack", "1250.50 EUR", "INVESTOR: investor-1",
				"ARRANGER: Ada (arr-1)", "terms revision 1");
	}

	@Test
	void stampsEachSignatureOnThePreviousVersionSoAllRemainVisible() {
		byte[] first = new SignatureStamp("Ivy Investor", "INVESTOR", "investor-1", NOW, 2, 0).applyTo(this.unsigned);
		byte[] second = new SignatureStamp("Ada Arranger", "ARRANGER", "arr-1", NOW.plusSeconds(5), 3, 1)
			.applyTo(first);
		String text = DocumentText.of(second);
		assertThat(text).contains("Subscription Pack", "SIGNED by Ivy Investor", "as INVESTOR (investor-1)",
				"SIGNED by Ada Arranger", "as ARRANGER (arr-1)",
				"at 2026-11-23T10:15:35Z, producing document version 3");
		assertThat(List.of(Sha256.hex(this.unsigned), Sha256.hex(first), Sha256.hex(second))).doesNotHaveDuplicates();
	}

	@Test
	void wrapsLongAmendmentsOntoFurtherPagesAndStampsTheLastOne() throws Exception {
		String amendments = "The closing moves to 30 June. ".repeat(130) + "END-OF-AMENDMENTS";
		byte[] unsignedLong = new DocumentRenderer().render(new DocumentTerms(UUID.randomUUID(), DocumentKind.NDA,
				UUID.randomUUID(), UUID.randomUUID(), "investor-1", null, null,
				List.of(new Signer("investor-1", "investor-1", "INVESTOR")), 2, amendments, NOW));
		byte[] stamped = new SignatureStamp("Ivy Investor", "INVESTOR", "investor-1", NOW, 2, 0).applyTo(unsignedLong);
		try (var document = org.apache.pdfbox.Loader.loadPDF(stamped)) {
			assertThat(document.getNumberOfPages()).isGreaterThan(1);
			var lastPage = new org.apache.pdfbox.text.PDFTextStripper();
			lastPage.setStartPage(document.getNumberOfPages());
			assertThat(lastPage.getText(document)).contains("SIGNED by Ivy Investor", "INVESTOR: investor-1");
		}
		assertThat(DocumentText.of(stamped).replace("\n", " ").replace("\r", "")).contains("END-OF-AMENDMENTS");
		assertThat(DocumentRenderer.wrap("x".repeat(200))).hasSize(3)
			.allSatisfy((line) -> assertThat(line).hasSizeLessThanOrEqualTo(90));
	}

	@Test
	void replacesWhatTheFontCannotWriteInsteadOfFailing() {
		byte[] stamped = new SignatureStamp("李雷 Zoë\u0007", "INVESTOR", "investor-1", NOW, 2, 0).applyTo(this.unsigned);
		assertThat(DocumentText.of(stamped)).contains("SIGNED by ?? Zoë?");
	}

}
