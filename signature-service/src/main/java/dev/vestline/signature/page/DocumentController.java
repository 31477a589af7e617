package dev.vestline.signature.page;

import java.time.Duration;
import java.util.Optional;

import dev.vestline.signature.documents.DocumentVersions;
import dev.vestline.signature.sealing.SealedDocument;
import dev.vestline.signature.sealing.SealedDocuments;
import dev.vestline.signature.signing.SignerLinks.SignerLink;
import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The document behind a link, for the pages that show it: each page as an image and the
 * PDF to download (the sealed one once everyone signed). A link whose page shows no
 * document (expired, replaced, cancelled, declined) gets none here either.
 */
@Hidden
@Controller
@RequestMapping("/sign/{token}")
class DocumentController {

	private final LinkPages pages;

	private final PageImages images;

	private final SealedDocuments sealed;

	DocumentController(LinkPages pages, PageImages images, SealedDocuments sealed) {
		this.pages = pages;
		this.images = images;
		this.sealed = sealed;
	}

	/**
	 * A page of a version the link's page showed. The version is in the path, so that a
	 * browser that kept an earlier version's image asks again for a later one, and a page
	 * shown just before the other party signed still gets its image.
	 */
	@GetMapping("/versions/{version}/pages/{number}.png")
	ResponseEntity<byte[]> page(@PathVariable String token, @PathVariable int version, @PathVariable int number) {
		Optional<DocumentVersions.Content> found = showing(token).flatMap((link) -> this.pages.version(link, version));
		if (found.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		DocumentVersions.Content content = found.get();
		if (number < 1 || number > this.images.texts(content.version().sha256(), content.bytes()).size()) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			// a version never changes; the browser keeps it, no shared cache does
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
			.body(this.images.png(content.version().sha256(), content.bytes(), number));
	}

	@GetMapping("/document.pdf")
	ResponseEntity<byte[]> download(@PathVariable String token) {
		Optional<SignerLink> link = showing(token);
		if (link.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		Optional<SealedDocument> seal = this.sealed.find(link.get().workflow().id());
		byte[] pdf = seal.map(SealedDocument::content).orElseGet(() -> this.pages.current(link.get()).bytes());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(Words.fileName(link.get().workflow().kind(), seal.isPresent()))
						.build()
						.toString())
			.body(pdf);
	}

	private Optional<SignerLink> showing(String token) {
		return this.pages.find(token).filter((link) -> this.pages.state(link).showsDocument());
	}

}
