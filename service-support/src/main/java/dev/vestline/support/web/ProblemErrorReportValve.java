package dev.vestline.support.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's error report as an RFC 9457 problem instead of an HTML page: what a caller
 * gets for a request Tomcat refuses before any servlet sees it (a malformed URI, say), or
 * for an error no Spring handler answered. Like Tomcat's own report, it writes only when
 * nothing was written yet, and never shows an exception's message.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, @Nullable Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			var writer = response.getReporter();
			if (writer != null) {
				writer.write(
						new String(Problems.toJson(problem(status), request.getRequestURI()), StandardCharsets.UTF_8));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client went away or the response cannot take a body: nothing to report
			// to
		}
	}

	private static ProblemDetail problem(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		String title = (known != null) ? known.getReasonPhrase() : "Error";
		String detail = (status >= 500) ? "The server could not answer this request; try again later"
				: "The request was refused before it reached the service: check its URL and headers";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
		problem.setType(URI.create(Problems.TYPE_BASE + "http-" + status));
		problem.setTitle(title);
		return problem;
	}

}
