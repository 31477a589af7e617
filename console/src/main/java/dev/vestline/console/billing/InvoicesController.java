package dev.vestline.console.billing;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import dev.vestline.console.services.ServiceProblem;

/**
 * Invoices: the list by status and investor in keyset pages, one invoice with its lines,
 * payments and the investor's credit, voiding it with a reason and paying it with credit.
 * A change from an out-of-date page (412) or one the service refuses (409, 400) is shown
 * on the invoice's page, read again, in words.
 */
@Controller
@RequestMapping("/billing")
class InvoicesController {

	private final InvoicesApi api;

	InvoicesController(InvoicesApi api) {
		this.api = api;
	}

	@GetMapping
	String billing() {
		return "redirect:/billing/invoices";
	}

	@GetMapping("/invoices")
	String invoices(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String investor,
			@RequestParam(required = false) @Nullable UUID after,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		String chosenStatus = blankAsNull(status);
		String chosenInvestor = blankAsNull(investor);
		Invoice.Page page = this.api.invoices(chosenStatus, chosenInvestor, after);
		model.addAttribute("invoices", page.items());
		model.addAttribute("more",
				(page.next() != null) ? UriComponentsBuilder.fromPath("/billing/invoices")
					.queryParamIfPresent("status", Optional.ofNullable(chosenStatus))
					.queryParamIfPresent("investor", Optional.ofNullable(chosenInvestor))
					.queryParam("after", page.next())
					.encode()
					.toUriString() : null);
		model.addAttribute("status", chosenStatus);
		model.addAttribute("investor", chosenInvestor);
		return (htmx != null && after != null) ? "billing/invoices :: rows" : "billing/invoices";
	}

	@GetMapping("/invoices/{id}")
	String invoice(@PathVariable UUID id, Model model) {
		show(id, model);
		return "billing/invoice";
	}

	/**
	 * The invoice read again when its page's live stream says it changed: nothing (204)
	 * when the page already shows this version; else its facts and payments, and whether
	 * the page's forms (rendered for {@code etag}) are now out of date.
	 */
	@GetMapping("/invoices/{id}/now")
	@Nullable String invoiceNow(@PathVariable UUID id, @RequestParam String shown,
			@RequestParam(required = false) @Nullable String etag, Model model, HttpServletResponse response) {
		if (shown.equals(this.api.invoice(id).etag())) {
			response.setStatus(HttpStatus.NO_CONTENT.value());
			return null;
		}
		show(id, model);
		model.addAttribute("live", true);
		model.addAttribute("formStale", etag != null && !etag.equals(model.getAttribute("etag")));
		return "billing/invoice-changed";
	}

	@PostMapping("/invoices/{id}/void")
	ModelAndView voidInvoice(@PathVariable UUID id, @RequestParam String etag,
			@RequestParam(required = false) @Nullable String reason, Model model, RedirectAttributes redirect) {
		try {
			this.api.voidInvoice(id, etag, (reason != null) ? reason.strip() : "");
			redirect.addFlashAttribute("done", "voided");
			return new ModelAndView("redirect:/billing/invoices/" + id);
		}
		catch (ServiceProblem problem) {
			model.addAttribute("reason", reason);
			return refused(id, problem, "void", model);
		}
	}

	@PostMapping("/invoices/{id}/credit")
	ModelAndView applyCredit(@PathVariable UUID id, @RequestParam String etag, @RequestParam String key, Model model,
			RedirectAttributes redirect) {
		try {
			Payment payment = this.api.applyCredit(id, etag, key);
			redirect.addFlashAttribute("done", "credit");
			redirect.addFlashAttribute("applied", payment.appliedInWords());
			return new ModelAndView("redirect:/billing/invoices/" + id);
		}
		catch (ServiceProblem problem) {
			return refused(id, problem, "credit", model);
		}
	}

	/**
	 * Where a change lands when it is replayed as a GET after the person was sent through
	 * the provider again: nothing was changed; the invoice's page lets them do it again.
	 */
	@GetMapping({ "/invoices/{id}/void", "/invoices/{id}/credit" })
	String afterSigningInAgain(@PathVariable UUID id) {
		return "redirect:/billing/invoices/" + id;
	}

	private ModelAndView refused(UUID id, ServiceProblem problem, String action, Model model) {
		problem.rethrowUnlessStatusIn(400, 409, 412);
		model.addAttribute("refusal", problem);
		model.addAttribute("refusedAction", action);
		show(id, model);
		return new ModelAndView("billing/invoice", model.asMap(), HttpStatus.valueOf(problem.status()));
	}

	private void show(UUID id, Model model) {
		InvoicesApi.Seen seen = this.api.invoice(id);
		Invoice invoice = seen.detail().invoice();
		model.addAttribute("invoice", invoice);
		model.addAttribute("lines", seen.detail().lines());
		model.addAttribute("etag", seen.etag());
		model.addAttribute("payments", this.api.payments(id));
		model.addAttribute("credit",
				this.api.credit(invoice.investorId())
					.stream()
					.filter((credit) -> credit.currency().equals(invoice.currency()) && credit.balance().signum() > 0)
					.findFirst()
					.orElse(null));
		model.addAttribute("key", UUID.randomUUID());
	}

	private static @Nullable String blankAsNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
