package dev.vestline.approval.web;

import java.net.URI;

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
 * Answers what reaches the servlet container's error page (an error no handler turned
 * into a response, such as a refused content type) as a problem, like every other error,
 * instead of Spring Boot's own JSON.
 */
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:${error.path:/error}}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus resolved = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		HttpStatus status = (resolved != null) ? resolved : HttpStatus.INTERNAL_SERVER_ERROR;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status));
		problem.setType(URI.create(ApiProblem.TYPE_BASE + "http-" + status.value()));
		problem.setTitle(status.getReasonPhrase());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static String detail(HttpStatus status) {
		return switch (status) {
			case UNSUPPORTED_MEDIA_TYPE -> "Send the body as JSON (Content-Type: application/json)";
			case NOT_ACCEPTABLE -> "This API answers in JSON (application/json or application/problem+json)";
			case METHOD_NOT_ALLOWED -> "This method is not allowed on this resource";
			case NOT_FOUND -> "There is nothing at this path";
			default -> status.is5xxServerError() ? "Something went wrong on our side; it has been logged"
					: "The request could not be processed";
		};
	}

}
