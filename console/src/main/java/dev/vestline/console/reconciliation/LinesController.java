package dev.vestline.console.reconciliation;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The desk: the upload form and the credits no accepted match holds yet, each with its
 * suggestion (or why there is none); one line with the form to match it by hand.
 */
@Controller
@RequestMapping("/reconciliation")
class LinesController {

	private final DeskApi api;

	LinesController(DeskApi api) {
		this.api = api;
	}

	@GetMapping
	String desk(@RequestParam(required = false) @Nullable UUID after, Model model) {
		BankLine.Page page = this.api.unmatchedLines(after);
		model.addAttribute("rows", page.items().stream().map((line) -> LineRow.of(line, this.api)).toList());
		model.addAttribute("next", page.next());
		model.addAttribute("after", after);
		return "reconciliation/desk";
	}

	@GetMapping("/lines/{id}")
	String line(@PathVariable UUID id, Model model) {
		show(this.api.line(id), model);
		return "reconciliation/line";
	}

	void show(BankLine line, Model model) {
		model.addAttribute("row", LineRow.of(line, this.api));
	}

}
