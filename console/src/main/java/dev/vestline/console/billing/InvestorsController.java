package dev.vestline.console.billing;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An investor's credit and statement (invoices, payments, credit received and applied),
 * in keyset pages with the API's cursor.
 */
@Controller
class InvestorsController {

	private final InvoicesApi api;

	InvestorsController(InvoicesApi api) {
		this.api = api;
	}

	@GetMapping("/billing/investors/{investor}")
	String investor(@PathVariable String investor, @RequestParam(required = false) @Nullable String after,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		Statement statement = this.api.statement(investor, after);
		model.addAttribute("statement", statement);
		model.addAttribute("investor", investor);
		return (htmx != null && after != null) ? "billing/investor :: rows" : "billing/investor";
	}

}
