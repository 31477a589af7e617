package dev.vestline.signature.page;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import dev.vestline.support.domain.Conflict;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import org.springframework.stereotype.Component;

/**
 * Every page of a document version as a PNG, with its text as the alternative, rendered
 * on the server so that a phone needs no PDF viewer. A version never changes, so what is
 * rendered is kept by the version's hash (a bounded number of the most recent); at most
 * two renders run at once, and a document longer than {@value #MAX_PAGES} pages shows its
 * first pages and the download.
 */
@Component
class PageImages {

	static final int MAX_PAGES = 30;

	private static final float DPI = 110;

	private static final int KEPT_IMAGES = 200;

	private static final int KEPT_TEXTS = 100;

	private final Semaphore renders = new Semaphore(2);

	private final Map<String, byte[]> images = lru(KEPT_IMAGES);

	private final Map<String, List<String>> texts = lru(KEPT_TEXTS);

	/**
	 * @param sha256 the version's hash, its identity
	 * @param pdf its bytes
	 * @return the text of each page, up to {@value #MAX_PAGES}
	 */
	List<String> texts(String sha256, byte[] pdf) {
		List<String> known = this.texts.get(sha256);
		if (known != null) {
			return known;
		}
		List<String> pages = bounded(() -> {
			try (PDDocument document = Loader.loadPDF(pdf)) {
				List<String> each = new ArrayList<>();
				PDFTextStripper stripper = new PDFTextStripper();
				for (int page = 1; page <= Math.min(document.getNumberOfPages(), MAX_PAGES); page++) {
					stripper.setStartPage(page);
					stripper.setEndPage(page);
					each.add(stripper.getText(document).strip());
				}
				return List.copyOf(each);
			}
		});
		this.texts.put(sha256, pages);
		return pages;
	}

	/**
	 * @param sha256 the version's hash
	 * @param pdf its bytes
	 * @param number the page, from 1
	 * @return the page as a PNG
	 */
	byte[] png(String sha256, byte[] pdf, int number) {
		String key = sha256 + "/" + number;
		byte[] known = this.images.get(key);
		if (known != null) {
			return known;
		}
		byte[] png = bounded(() -> {
			try (PDDocument document = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
				BufferedImage image = new PDFRenderer(document).renderImageWithDPI(number - 1, DPI, ImageType.RGB);
				ImageIO.write(image, "png", out);
				return out.toByteArray();
			}
		});
		this.images.put(key, png);
		return png;
	}

	private <T> T bounded(Render<T> render) {
		try {
			if (!this.renders.tryAcquire(30, TimeUnit.SECONDS)) {
				throw new Conflict("busy", "Busy", "The document is being prepared for many people; try again.");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Conflict("busy", "Busy", "The document could not be prepared; try again.");
		}
		try {
			return render.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.renders.release();
		}
	}

	private static <V> Map<String, V> lru(int size) {
		return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
				return size() > size;
			}

		});
	}

	private interface Render<T> {

		T run() throws IOException;

	}

}
