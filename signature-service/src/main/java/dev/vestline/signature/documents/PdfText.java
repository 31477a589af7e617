package dev.vestline.signature.documents;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Writes lines of text with a standard font, replacing what the font cannot encode, so
 * that a signer's name in any script still produces a valid document.
 */
public final class PdfText {

	private final PDPageContentStream content;

	private final PDFont font;

	private final float size;

	public PdfText(PDPageContentStream content, PDFont font, float size) {
		this.content = content;
		this.font = font;
		this.size = size;
	}

	public void line(float x, float y, String text) {
		try {
			this.content.beginText();
			this.content.setFont(this.font, this.size);
			this.content.newLineAtOffset(x, y);
			this.content.showText(encodable(text));
			this.content.endText();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String encodable(String text) {
		StringBuilder safe = new StringBuilder(text.length());
		text.codePoints().forEach((codePoint) -> {
			String character = Character.toString(codePoint);
			safe.append(canEncode(character) ? character : "?");
		});
		return safe.toString();
	}

	private boolean canEncode(String character) {
		try {
			this.font.encode(character);
			return !Character.isISOControl(character.codePointAt(0));
		}
		catch (IOException | IllegalArgumentException ex) {
			return false;
		}
	}

}
