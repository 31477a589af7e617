package dev.vestline.support.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Hidden;
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
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:${error.path:/error}}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		HttpStatus status = status(request);
		ProblemDetail problem = Problems.of(status, "http-" + status.value(), status.getReasonPhrase(), detail(status));
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri instanceof String path) {
			problem.setInstance(URI.create(path));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static String detail(HttpStatus status) {
		return switch (status) {
			case UNSUPPORTED_MEDIA_TYPE -> "Send the body as JSON (Content-Type: application/json)";
			case NOT_ACCEPTABLE -> "This API answers in JSON (application/json or application/problem+json)";
			case METHOD_NOT_ALLOWED -> "This method is not allowed on this resource";
			case NOT_FOUND -> "There is nothing at this path";
			default -> status.is5xxServerError() ? "The server could not answer this request; try again later"
					: "The request could not be processed: " + status.getReasonPhrase();
		};
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		if (code == null) {
			return HttpStatus.NOT_FOUND; // the error page asked for directly: nothing is
											// there
		}
		return (status != null && status.isError()) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
