package dev.vestline.console.pages;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import dev.vestline.console.services.ServiceProblem;

/**
 * A service's refusal that no page handled itself becomes a page in words with the same
 * status: 403 says which roles the area needs, 404 that the thing is not there, anything
 * else what the service said. A service that does not answer gets a 503 page.
 */
@ControllerAdvice
class RefusalPages {

	private static final Logger log = LoggerFactory.getLogger(RefusalPages.class);

	@ExceptionHandler(ServiceProblem.class)
	ModelAndView refused(ServiceProblem problem, HttpServletRequest request) {
		String view = switch (problem.status()) {
			case 403 -> "pages/forbidden";
			case 404 -> "pages/not-found";
			default -> "pages/refused";
		};
		if (problem.status() >= 500) {
			log.warn("A service answered {}", problem.getMessage());
		}
		ModelAndView page = new ModelAndView(view, HttpStatus.valueOf(problem.status()));
		page.addObject("problem", problem);
		return withNavigation(page, request);
	}

	/**
	 * An address the console cannot read, e.g. a queue filter edited by hand to a kind
	 * that does not exist: a 400 page naming the part, as a service's refusal reads.
	 */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView unreadable(MethodArgumentTypeMismatchException mismatch, HttpServletRequest request) {
		return refused(new ServiceProblem(400, "invalid-input", "This address asks for something unknown",
				"Part of the page's address is not a value the console knows; choose from the page's form instead.",
				List.of(new ServiceProblem.FieldError(mismatch.getName(), "is not a valid value"))), request);
	}

	@ExceptionHandler(ResourceAccessException.class)
	ModelAndView unreachable(ResourceAccessException failure, HttpServletRequest request) {
		log.warn("A service did not answer: {}", failure.getMessage());
		return withNavigation(new ModelAndView("pages/unavailable", HttpStatus.SERVICE_UNAVAILABLE), request);
	}

	/**
	 * Exception handlers do not get the advice's model attributes: the header needs them.
	 */
	private static ModelAndView withNavigation(ModelAndView page, HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Navigation navigation = new Navigation();
		page.addObject("person", navigation.person(authentication));
		page.addObject("areas", navigation.areas(authentication));
		Area.ALL.stream()
			.filter((area) -> request.getRequestURI().startsWith(area.path()))
			.findFirst()
			.ifPresent((area) -> page.addObject("area", area));
		return page;
	}

}
