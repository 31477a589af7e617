package dev.vestline.signature.page;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

import dev.vestline.signature.documents.Sha256;
import dev.vestline.signature.signing.LinkRenewal;
import dev.vestline.support.domain.DomainException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * "Send me a new link" from a link that no longer works: when the signer's request still
 * waits for a signature, a new link goes to the address on file (never shown); whatever
 * happened, the answer is the same page, so that it tells nobody whether there was
 * anything to send, or where. Rate-limited per link and per address.
 */
@Hidden
@Controller
@RequestMapping("/sign/{token}/new-link")
class NewLinkController {

	private static final Set<PageState> RENEWABLE = EnumSet.of(PageState.EXPIRED, PageState.REPLACED);

	private final LinkPages pages;

	private final LinkRenewal renewal;

	private final NewLinkLimit limit;

	NewLinkController(LinkPages pages, LinkRenewal renewal, NewLinkLimit limit) {
		this.pages = pages;
		this.renewal = renewal;
		this.limit = limit;
	}

	@PostMapping
	String request(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
		String link = Sha256.hex(token.getBytes(StandardCharsets.UTF_8));
		if (!this.limit.allow(link, request.getRemoteAddr())) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(NewLinkLimit.WINDOW.toSeconds()));
			return "sign/too-many";
		}
		this.pages.find(token)
			.filter((found) -> RENEWABLE.contains(this.pages.state(found)) && !this.pages.newerLinkWorks(found))
			.ifPresent((found) -> {
				try {
					this.renewal.renew(found.workflow().id(), found.request().signer().role(), "the "
							+ Words.role(found.request().signer().role()) + ", from a link that no longer works");
				}
				catch (DomainException ex) {
					// nothing waits for this signer any more: the answer stays the same
				}
			});
		return "redirect:/sign/{token}/new-link";
	}

	@GetMapping
	String requested(@PathVariable String token) {
		return "sign/link-sent";
	}

}
