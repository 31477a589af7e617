package dev.vestline.support.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Answers a request Spring Security's firewall refuses (an encoded slash or dot segment
 * in the path, a forbidden method or header) with a 400 problem instead of an error page.
 */
class RequestRejectedProblem implements RequestRejectedHandler {

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
			throws IOException {
		Problems.write(response, Problems.of(HttpStatus.BAD_REQUEST, "request-rejected", "Request rejected",
				"The request's URL or headers are not accepted (for example an encoded '/' or '..' in the path)"),
				null);
	}

}
