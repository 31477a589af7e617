package dev.vestline.signature.page;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.vestline.signature.lease.LeaseLost;
import dev.vestline.signature.signing.Declining;
import dev.vestline.signature.signing.SignatureEvidence;
import dev.vestline.signature.signing.SignerLinks.SignerLink;
import dev.vestline.signature.signing.SignerStatus;
import dev.vestline.signature.signing.Signing;
import dev.vestline.support.domain.Conflict;
import dev.vestline.support.domain.DomainException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page at a signing link: GET only shows (a mail scanner opening the link uses
 * nothing up); signing and declining are POSTs answered with a redirect to the page,
 * which then says what happened. A second click or a second tab lands on "already
 * signed", a held lease on a page that retries for the person.
 */
@Hidden
@Controller
@RequestMapping("/sign/{token}")
class SigningPageController {

	static final String PAGE = "sign/page";

	private static final List<String> FIELDS = List.of("consent", "typedName", "reason");

	private final LinkPages pages;

	private final Signing signing;

	private final Declining declining;

	SigningPageController(LinkPages pages, Signing signing, Declining declining) {
		this.pages = pages;
		this.signing = signing;
		this.declining = declining;
	}

	@GetMapping
	String show(@PathVariable String token, @RequestParam(name = "done", required = false) @Nullable String done,
			Model model, HttpServletResponse response) {
		Optional<SignerLink> found = this.pages.find(token);
		if (found.isEmpty()) {
			return unknown(response);
		}
		SignerLink link = found.get();
		return render(token, link, outcome(this.pages.state(link), link, done), model, response);
	}

	@PostMapping("/signature")
	String sign(@PathVariable String token, @Valid @ModelAttribute("signForm") SignForm form, BindingResult errors,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Optional<SignerLink> found = this.pages.find(token);
		if (found.isEmpty()) {
			return unknown(response);
		}
		if (this.pages.state(found.get()) != PageState.READY) {
			return again(token);
		}
		if (!errors.hasFieldErrors("consent") && form.consented()
				&& !ConsentDisclosure.VERSION.equals(form.consentVersion())) {
			errors.rejectValue("consent", "changed",
					"The disclosure changed since this page was opened; read it again and tick the box.");
		}
		if (errors.hasErrors()) {
			model.addAttribute("errors", fieldErrors(errors));
			model.addAttribute("declineForm", new DeclineForm(null));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(token, found.get(), PageState.READY, model, response);
		}
		SignatureEvidence evidence = SignatureEvidence.of(form.consentVersion(), request.getRemoteAddr(),
				request.getHeader(HttpHeaders.USER_AGENT));
		try {
			this.signing.sign(token, form.typedName().strip(), evidence);
		}
		catch (LeaseLost ex) {
			return "redirect:/sign/{token}?done=lost";
		}
		catch (Conflict ex) {
			if ("lease-held".equals(ex.slug())) {
				return busy(token, form, htmx != null, model, response);
			}
			return again(token);
		}
		catch (DomainException ex) {
			return again(token);
		}
		if (htmx != null) {
			// the busy page's retry: htmx follows this header with a full page load
			response.setHeader("HX-Redirect", "/sign/" + token + "?done=signed");
			return "sign/parts :: signed-redirect";
		}
		return "redirect:/sign/{token}?done=signed";
	}

	@PostMapping("/decline")
	String decline(@PathVariable String token, @Valid @ModelAttribute("declineForm") DeclineForm form,
			BindingResult errors, Model model, HttpServletResponse response) {
		Optional<SignerLink> found = this.pages.find(token);
		if (found.isEmpty()) {
			return unknown(response);
		}
		if (this.pages.state(found.get()) != PageState.READY) {
			return again(token);
		}
		if (errors.hasErrors()) {
			model.addAttribute("errors", fieldErrors(errors));
			model.addAttribute("signForm", new SignForm(null, null, null));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(token, found.get(), PageState.READY, model, response);
		}
		try {
			this.declining.decline(token, form.reason().strip());
		}
		catch (DomainException ex) {
			return again(token);
		}
		return "redirect:/sign/{token}";
	}

	/** A reload of a posted form's URL, or a link to it: the page. */
	@GetMapping({ "/signature", "/decline" })
	String toPage(@PathVariable String token) {
		return "redirect:/sign/{token}";
	}

	private String render(String token, SignerLink link, PageState state, Model model, HttpServletResponse response) {
		if (response.getStatus() == HttpStatus.OK.value()) {
			response.setStatus(state.status().value());
		}
		model.addAttribute("page", this.pages.page(token, link, state));
		if (!model.containsAttribute("signForm")) {
			model.addAttribute("signForm", new SignForm(null, null, null));
		}
		if (!model.containsAttribute("declineForm")) {
			model.addAttribute("declineForm", new DeclineForm(null));
		}
		return PAGE;
	}

	private String busy(String token, SignForm form, boolean htmx, Model model, HttpServletResponse response) {
		// htmx swaps only successful answers: its retry gets 200, a plain form post 409
		response.setStatus(htmx ? HttpStatus.OK.value() : HttpStatus.CONFLICT.value());
		model.addAttribute("token", token);
		model.addAttribute("signForm", form);
		return "sign/busy";
	}

	/**
	 * What a page says after its POST: "signed" just after the signature, "already
	 * signed" after a second one; otherwise where the link stands.
	 */
	private static PageState outcome(PageState state, SignerLink link, @Nullable String done) {
		boolean signed = link.request().status() == SignerStatus.SIGNED
				&& (state == PageState.WAITING || state == PageState.COMPLETED);
		if (!signed || done == null) {
			return state;
		}
		return "signed".equals(done) ? PageState.SIGNED : PageState.ALREADY_SIGNED;
	}

	/** The first message of each field, in the order the fields are on the page. */
	private static Map<String, String> fieldErrors(BindingResult errors) {
		Map<String, String> messages = new LinkedHashMap<>();
		for (String field : FIELDS) {
			FieldError error = errors.getFieldError(field);
			if (error != null) {
				messages.put(field, String.valueOf(error.getDefaultMessage()));
			}
		}
		return messages;
	}

	private static String again(String token) {
		return "redirect:/sign/{token}?done=again";
	}

	static String unknown(HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return "sign/unknown";
	}

}
