package dev.vestline.signature.sealing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;

import dev.vestline.signature.documents.DocumentRenderer;
import dev.vestline.signature.documents.PdfText;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Renders the certificate of completion: as pages appended to the final version in an
 * incremental update (the bytes before it stay as they are, so the hash chain still
 * holds), and as a PDF of its own.
 */
final class CertificateOfCompletion {

	private static final float MARGIN = 56;

	private static final float LINE = 14;

	private CertificateOfCompletion() {
	}

	/**
	 * @param finalPdf the final version's bytes
	 * @param lines what the certificate says
	 * @return the final version followed by an incremental update that adds the
	 * certificate's pages
	 */
	static byte[] appendTo(byte[] finalPdf, List<String> lines) {
		try (PDDocument document = Loader.loadPDF(finalPdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			write(document, lines);
			// the page tree changed; the catalog that points at it is written again too
			document.getPages().getCOSObject().setNeedToBeUpdated(true);
			document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
			document.saveIncremental(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param lines what the certificate says
	 * @return the certificate as a PDF of its own
	 */
	static byte[] standalone(String title, List<String> lines) {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.getDocumentInformation().setTitle(CertificateText.TITLE + ": " + title);
			document.getDocumentInformation().setProducer("Vestline signature service");
			write(document, lines);
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(PDDocument document, List<String> lines) throws IOException {
		List<Line> wrapped = lines.stream().flatMap(Line::wrapped).toList();
		int next = 0;
		do {
			next = page(document, wrapped, next);
		}
		while (next < wrapped.size());
	}

	/**
	 * Writes lines from {@code first} on a new page until it is full; returns the next.
	 */
	private static int page(PDDocument document, List<Line> lines, int first) throws IOException {
		PDPage page = new PDPage(PDRectangle.A4);
		document.addPage(page);
		int next = first;
		try (PDPageContentStream content = new PDPageContentStream(document, page)) {
			float y = page.getMediaBox().getHeight() - MARGIN;
			new PdfText(content, new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 16).line(MARGIN, y,
					CertificateText.TITLE + ((first > 0) ? " (continued)" : ""));
			PdfText body = new PdfText(content, new PDType1Font(Standard14Fonts.FontName.HELVETICA), 9);
			for (y -= 24; next < lines.size() && y >= MARGIN; y -= LINE) {
				Line line = lines.get(next++);
				body.line(MARGIN + line.indent(), y, line.text());
			}
		}
		return next;
	}

	/**
	 * A line as printed: what a line of the certificate's text indents with leading
	 * spaces is indented on the page, also where it wraps.
	 */
	private record Line(String text, float indent) {

		static Stream<Line> wrapped(String line) {
			String text = line.stripLeading();
			float indent = (line.length() - text.length()) * 6;
			return DocumentRenderer.wrap(text).stream().map((part) -> new Line(part, indent));
		}

	}

}
