package dev.vestline.signature.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import dev.vestline.events.signature.Signer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import org.springframework.stereotype.Component;

/**
 * Renders the unsigned document of a workflow revision as a one-page PDF, leaving room at
 * the bottom for one signature stamp per signer.
 */
@Component
public class DocumentRenderer {

	static final float MARGIN = 56;

	public byte[] render(DocumentTerms terms) {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle(terms.title() + " " + terms.workflowId());
			info.setProducer("Vestline signature service");
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				float y = page.getMediaBox().getHeight() - MARGIN;
				new PdfText(content, new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 18).line(MARGIN, y,
						terms.title());
				PdfText body = new PdfText(content, new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
				for (String line : lines(terms)) {
					y -= 16;
					body.line(MARGIN, y, line);
				}
			}
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> lines(DocumentTerms terms) {
		List<String> lines = new ArrayList<>();
		lines.add("Workflow " + terms.workflowId() + ", terms revision " + terms.revision() + ", issued "
				+ terms.issuedAt());
		lines.add("Deal " + terms.dealId() + " of vehicle " + terms.vehicleId());
		lines.add("Investor " + terms.investorId());
		if (terms.subscriptionId() != null && terms.amount() != null) {
			lines.add("Subscription " + terms.subscriptionId() + ": the investor subscribes "
					+ terms.amount().amount().toPlainString() + " " + terms.amount().currency());
			lines.add("The amount is payable on the arranger's call, by bank transfer, in the currency above.");
		}
		else {
			lines.add("The investor keeps confidential all information received about the deal.");
		}
		if (terms.amendments() != null) {
			lines.add("Amended terms: " + terms.amendments());
		}
		lines.add("");
		lines.add("To be signed by:");
		for (Signer signer : terms.signers()) {
			lines.add("  " + signer.role() + ": " + signer.name() + " (" + signer.signerId() + ")");
		}
		return lines;
	}

}
