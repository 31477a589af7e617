package dev.vestline.console.operations;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.ResourceAccessException;

import dev.vestline.console.services.ServiceProblem;

/**
 * The overview (a card per service: backlog, relay leader, invariants, dead letters; a
 * service that does not answer says so on its card) and each service's audit of operator
 * actions, newest first, in keyset pages.
 */
@Controller
@RequestMapping("/operations")
class OperationsController {

	private static final Logger log = LoggerFactory.getLogger(OperationsController.class);

	private final OperationsApi api;

	OperationsController(OperationsApi api) {
		this.api = api;
	}

	@GetMapping
	String overview(Authentication authentication, Model model) {
		OperationsRole.require(authentication);
		List<ServiceCard> cards = Arrays.stream(Service.values()).map(this::card).toList();
		model.addAttribute("cards", cards);
		return "operations/overview";
	}

	@GetMapping("/{service}/audit")
	String audit(@PathVariable String service, @RequestParam(required = false) @Nullable Long after,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		Service known = OperationsRole.service(service);
		OperatorAction.Page page = this.api.actions(known, after);
		model.addAttribute("service", known);
		model.addAttribute("actions", page.items());
		model.addAttribute("next", page.next());
		if (htmx != null && after != null) {
			return "operations/audit :: rows"; // the next page, appended by htmx
		}
		return "operations/audit";
	}

	private ServiceCard card(Service service) {
		try {
			return ServiceCard.of(service, this.api.status(service));
		}
		catch (ResourceAccessException ex) {
			log.warn("{} did not answer: {}", service.title(), ex.getMessage());
			return ServiceCard.notAnswering(service);
		}
		catch (ServiceProblem problem) {
			if (problem.status() == 401 || problem.status() == 403) {
				throw problem;
			}
			return ServiceCard.failed(service, problem.status(), problem.title());
		}
	}

}
