package dev.vestline.signature.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A signature as it is stamped on the previous version of a document: a framed, coloured
 * mark with the signer's typed name, role and time, in the signer's own slot so stamps
 * never overlap.
 *
 * @param typedName the name the signer typed
 * @param role the signer's role
 * @param signerId the signer's user id
 * @param signedAt when
 * @param version the document version the stamp produces
 * @param slot the signer's place on the page, from 0
 */
public record SignatureStamp(String typedName, String role, String signerId, Instant signedAt, int version, int slot) {

	static final float HEIGHT = 64;

	/**
	 * @param previous the previous version's bytes
	 * @return the new version's bytes: the previous document with this stamp on its last
	 * page
	 */
	public byte[] applyTo(byte[] previous) {
		try (PDDocument document = Loader.loadPDF(previous); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = document.getPage(document.getNumberOfPages() - 1);
			float y = DocumentRenderer.MARGIN + this.slot * (HEIGHT + 12);
			try (PDPageContentStream content = new PDPageContentStream(document, page,
					PDPageContentStream.AppendMode.APPEND, true, true)) {
				content.setStrokingColor(0.1f, 0.3f, 0.7f);
				content.setLineWidth(1.5f);
				content.addRect(DocumentRenderer.MARGIN, y, 360, HEIGHT);
				content.stroke();
				content.setNonStrokingColor(0.1f, 0.3f, 0.7f);
				new PdfText(content, new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 12)
					.line(DocumentRenderer.MARGIN + 8, y + HEIGHT - 18, "SIGNED by " + this.typedName);
				PdfText small = new PdfText(content, new PDType1Font(Standard14Fonts.FontName.HELVETICA), 9);
				small.line(DocumentRenderer.MARGIN + 8, y + HEIGHT - 34,
						"as " + this.role + " (" + this.signerId + ")");
				small.line(DocumentRenderer.MARGIN + 8, y + HEIGHT - 48,
						"at " + this.signedAt + ", producing document version " + this.version);
			}
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
