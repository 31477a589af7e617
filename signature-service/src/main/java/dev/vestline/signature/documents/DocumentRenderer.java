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
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Renders the unsigned document of a workflow revision as a PDF, lines wrapped to the
 * page and pages added as needed, leaving room at the bottom of the last page for one
 * signature stamp per signer.
 */
@Component
public class DocumentRenderer {

	static final float MARGIN = 56;

	/** Body text stays above the signature stamps of two signers. */
	static final float BODY_BOTTOM = 220;

	private static final int LINE_CHARACTERS = 90;

	public byte[] render(DocumentTerms terms) {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle(terms.title() + " " + terms.workflowId());
			info.setProducer("Vestline signature service");
			List<String> lines = lines(terms).stream().flatMap((line) -> wrap(line).stream()).toList();
			int next = page(document, terms.title(), lines, 0);
			while (next < lines.size()) {
				next = page(document, null, lines, next);
			}
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Writes lines from {@code first} on a new page until it is full; returns the next.
	 */
	private static int page(PDDocument document, @Nullable String title, List<String> lines, int first)
			throws IOException {
		PDPage page = new PDPage(PDRectangle.A4);
		document.addPage(page);
		int next = first;
		try (PDPageContentStream content = new PDPageContentStream(document, page)) {
			float y = page.getMediaBox().getHeight() - MARGIN;
			if (title != null) {
				new PdfText(content, new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 18).line(MARGIN, y,
						title);
			}
			PdfText body = new PdfText(content, new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
			for (y -= 16; next < lines.size() && y >= BODY_BOTTOM; y -= 16) {
				body.line(MARGIN, y, lines.get(next++));
			}
		}
		return next;
	}

	/** Breaks a line at spaces (or anywhere, for a longer word) so it fits the page. */
	public static List<String> wrap(String line) {
		List<String> wrapped = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String word : line.split(" ", -1)) {
			while (word.length() > LINE_CHARACTERS) {
				flush(current, wrapped);
				wrapped.add(word.substring(0, LINE_CHARACTERS));
				word = word.substring(LINE_CHARACTERS);
			}
			if (current.length() + word.length() + 1 > LINE_CHARACTERS) {
				flush(current, wrapped);
			}
			current.append(current.isEmpty() ? "" : " ").append(word);
		}
		wrapped.add(current.toString());
		return wrapped;
	}

	private static void flush(StringBuilder current, List<String> wrapped) {
		if (!current.isEmpty()) {
			wrapped.add(current.toString());
			current.setLength(0);
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
