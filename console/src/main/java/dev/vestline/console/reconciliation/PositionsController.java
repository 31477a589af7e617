package dev.vestline.console.reconciliation;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Positions: an investor's, one per vehicle, and one position with every movement that
 * made it. The API lists positions by investor only, so the page asks for one.
 */
@Controller
@RequestMapping("/reconciliation/positions")
class PositionsController {

	private final DeskApi api;

	PositionsController(DeskApi api) {
		this.api = api;
	}

	@GetMapping
	String positions(@RequestParam(required = false) @Nullable String investor, Model model) {
		String wanted = (investor != null) ? investor.strip() : "";
		model.addAttribute("investor", wanted);
		model.addAttribute("positions", wanted.isEmpty() ? List.of() : this.api.positions(wanted));
		return "reconciliation/positions";
	}

	@GetMapping("/{investor}/{vehicle}")
	String position(@PathVariable String investor, @PathVariable UUID vehicle, Model model) {
		model.addAttribute("held", this.api.position(investor, vehicle));
		return "reconciliation/position";
	}

}
