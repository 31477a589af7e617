package dev.vestline.support.mail;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vestline.support.operations.OperatorActions;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mails that did not arrive, for the {@code operations} role of every service that sends
 * mail: the address the server refused, the mail that failed every attempt, and the mail
 * a server returned after it was sent (a bounce, read from the bounce mailbox); and their
 * re-send, to the same or a corrected address, recorded in the operator-action audit.
 */
@RestController
@RequestMapping("/api/v1/mails")
class MailController {

	private static final int MAX_LIST = 500;

	private final FailedMails failed;

	private final OperatorActions actions;

	private final TransactionTemplate transactions;

	MailController(FailedMails failed, OperatorActions actions, TransactionTemplate transactions) {
		this.failed = failed;
		this.actions = actions;
		this.transactions = transactions;
	}

	@GetMapping("/failed")
	List<FailedMail> failed(@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > MAX_LIST) {
			throw invalid("limit", "must be between 1 and " + MAX_LIST);
		}
		return this.failed.list(limit);
	}

	/**
	 * @param id the failed mail
	 * @param request optionally {@code {"recipient": "corrected@example.org"}}
	 * @return 202: the mail is queued again
	 */
	@PostMapping("/{id}/resend")
	ResponseEntity<Void> resend(@PathVariable UUID id, @RequestBody(required = false) @Nullable Resend request) {
		String corrected = (request != null) ? request.recipient() : null;
		if (corrected != null && !Recipient.isAddress(corrected)) {
			throw invalid("recipient", "must be an e-mail address");
		}
		try {
			// the re-send and its audit row are committed together
			this.transactions.executeWithoutResult((status) -> {
				this.failed.resend(id, corrected);
				this.actions.record("mail.resend", "mail " + id, null, (corrected != null)
						? "queued again to a corrected address" : "queued again to the same address");
			});
		}
		catch (FailedMails.MailNotFound ex) {
			throw problem(HttpStatus.NOT_FOUND, "not-found", "Mail not found", ex.getMessage());
		}
		catch (FailedMails.MailNotFailed ex) {
			throw problem(HttpStatus.CONFLICT, "mail-not-failed", "Mail not failed", ex.getMessage());
		}
		return ResponseEntity.accepted().build();
	}

	/**
	 * @param recipient the corrected address, or {@code null} to send to the same one
	 */
	record Resend(@Nullable String recipient) {
	}

	private static ErrorResponseException invalid(String field, String message) {
		ErrorResponseException problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
				field + ": " + message);
		problem.getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
		return problem;
	}

	private static ErrorResponseException problem(HttpStatus status, String type, String title,
			@Nullable String detail) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setType(URI.create("https://vestline.dev/problems/" + type));
		body.setTitle(title);
		return new ErrorResponseException(status, body, null);
	}

}
