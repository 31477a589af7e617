package dev.vestline.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}) as an RFC 9457 problem, in place of Spring
 * Boot's JSON or HTML: what a caller gets for an error that no exception handler
 * answered. It names the status, never the exception.
 */
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:${error.path:/error}}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		HttpStatus status = status(request);
		String detail = status.is5xxServerError() ? "The server could not answer this request; try again later"
				: "The request could not be processed: " + status.getReasonPhrase();
		ProblemDetail problem = Problems.of(status, "http-" + status.value(), status.getReasonPhrase(), detail);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri instanceof String path) {
			problem.setInstance(java.net.URI.create(path));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		return (status != null && status.isError()) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
