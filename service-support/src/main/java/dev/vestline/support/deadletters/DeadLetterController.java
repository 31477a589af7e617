package dev.vestline.support.deadletters;

import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.vestline.messaging.deadletters.DeadLetter;
import dev.vestline.messaging.deadletters.DeadLetterTopic;
import dev.vestline.messaging.deadletters.DeadLetters;
import dev.vestline.messaging.deadletters.NotFirstPendingException;
import dev.vestline.messaging.deadletters.Replay;
import dev.vestline.messaging.deadletters.ReplayRunningException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What this service's consumer groups gave up on, and their replay once the cause is
 * fixed. Every service serves it under {@code /api/v1/dead-letters} for the
 * {@code operations} role. A replay sends back what is pending when it starts, so
 * repeating the request is safe: it finds nothing left to send. A record no fix will make
 * acceptable is discarded instead, one at a time, with a reason that goes to the log.
 */
@RestController
@RequestMapping("/api/v1/dead-letters")
class DeadLetterController {

	private static final Logger logger = LoggerFactory.getLogger(DeadLetterController.class);

	private static final int MAX_LIST = 500;

	private static final int MAX_REPLAY = 10_000;

	private final DeadLetters deadLetters;

	DeadLetterController(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	@GetMapping
	List<TopicView> topics() {
		return this.deadLetters.topics()
			.stream()
			.map((topic) -> new TopicView(topic.topic(), topic.consumerGroup(), topic.name(),
					this.deadLetters.pendingCount(topic)))
			.toList();
	}

	@GetMapping("/{deadLetterTopic}")
	Pending pending(@PathVariable String deadLetterTopic, @RequestParam(defaultValue = "50") int limit) {
		requireLimit(limit, MAX_LIST);
		DeadLetterTopic topic = known(deadLetterTopic);
		return new Pending(topic.name(), this.deadLetters.pendingCount(topic), this.deadLetters.pending(topic, limit));
	}

	@PostMapping("/{deadLetterTopic}/replay")
	Replay replay(@PathVariable String deadLetterTopic, @RequestParam(defaultValue = "1000") int limit) {
		requireLimit(limit, MAX_REPLAY);
		DeadLetterTopic topic = known(deadLetterTopic);
		try {
			return this.deadLetters.replay(topic, limit);
		}
		catch (ReplayRunningException ex) {
			ErrorResponseException problem = problem(HttpStatus.CONFLICT, "replay-running", "Replay running",
					ex.getMessage());
			problem.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
			throw problem;
		}
	}

	@PostMapping("/{deadLetterTopic}/discard")
	DeadLetter discard(@PathVariable String deadLetterTopic, @RequestBody Discard request) {
		int partition = request.requirePartition();
		long offset = request.requireOffset();
		String reason = request.requireReason();
		DeadLetterTopic topic = known(deadLetterTopic);
		try {
			DeadLetter discarded = this.deadLetters.discard(topic, partition, offset);
			logger.warn("Dead letter {} of {} at {}/{} discarded by {}: {}", discarded.eventId(), topic.name(),
					partition, offset, caller(), reason);
			return discarded;
		}
		catch (ReplayRunningException ex) {
			ErrorResponseException problem = problem(HttpStatus.CONFLICT, "replay-running", "Replay running",
					ex.getMessage());
			problem.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
			throw problem;
		}
		catch (NotFirstPendingException ex) {
			ErrorResponseException problem = problem(HttpStatus.CONFLICT, "not-first-pending",
					"Not the first pending dead letter", ex.getMessage());
			problem.getBody().setProperty("firstPending", ex.firstPending());
			throw problem;
		}
	}

	/**
	 * A body that is not JSON, or a field of the wrong type ({@code "offset": "x"}, a
	 * number past the range): a 400 naming the field, like every other bad input here.
	 */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		String field = (ex.getMostSpecificCause() instanceof JacksonException jackson) ? fieldOf(jackson) : "body";
		ErrorResponseException problem = invalid(field,
				field.equals("body") ? "must be a JSON object" : "has the wrong type or is out of range");
		return ResponseEntity.status(problem.getStatusCode()).body(problem.getBody());
	}

	/** A query parameter of the wrong type, {@code ?limit=ten}. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> mismatched(MethodArgumentTypeMismatchException ex) {
		ErrorResponseException problem = invalid(ex.getName(), "has the wrong type");
		return ResponseEntity.status(problem.getStatusCode()).body(problem.getBody());
	}

	private static String fieldOf(JacksonException ex) {
		return ex.getPath()
			.stream()
			.map(JacksonException.Reference::getPropertyName)
			.filter((name) -> name != null)
			.reduce((first, second) -> first + "." + second)
			.orElse("body");
	}

	static String caller() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null) ? authentication.getName() : "unknown";
	}

	private DeadLetterTopic known(String name) {
		return this.deadLetters.find(name)
			.orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "not-found", "Dead-letter topic not found",
					"No consumer group of this service parks records on " + name
							+ "; GET /api/v1/dead-letters lists the ones it has"));
	}

	private static void requireLimit(int limit, int max) {
		if (limit < 1 || limit > max) {
			throw invalid("limit", "must be between 1 and " + max);
		}
	}

	static ErrorResponseException invalid(String field, String message) {
		ErrorResponseException problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
				field + ": " + message);
		problem.getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
		return problem;
	}

	private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setType(URI.create("https://vestline.dev/problems/" + type));
		body.setTitle(title);
		return new ErrorResponseException(status, body, null);
	}

	/**
	 * A dead letter to discard: the first pending one of its partition.
	 *
	 * @param partition its partition in the dead-letter topic, 0 or more
	 * @param offset its offset there, 0 or more
	 * @param reason why it will never be replayed, for the log (at most 1,000 characters)
	 */
	record Discard(@Nullable Integer partition, @Nullable Long offset, @Nullable String reason) {

		static final int MAX_REASON = 1_000;

		int requirePartition() {
			if (this.partition == null || this.partition < 0) {
				throw invalid("partition", "must be a partition of the dead-letter topic, 0 or more");
			}
			return this.partition;
		}

		long requireOffset() {
			if (this.offset == null || this.offset < 0) {
				throw invalid("offset", "must be the offset of a dead letter, 0 or more");
			}
			return this.offset;
		}

		String requireReason() {
			if (this.reason == null || this.reason.isBlank()) {
				throw invalid("reason", "say why this record will never be replayed");
			}
			if (this.reason.length() > MAX_REASON) {
				throw invalid("reason", "at most " + MAX_REASON + " characters");
			}
			return this.reason;
		}

	}

	/**
	 * A dead-letter topic of this service.
	 *
	 * @param topic the topic the group consumes
	 * @param consumerGroup the group
	 * @param deadLetterTopic where the group parks what it gave up on
	 * @param pending how many of those were not replayed yet
	 */
	record TopicView(String topic, String consumerGroup, String deadLetterTopic, long pending) {
	}

	/**
	 * The dead letters of a topic not replayed yet.
	 *
	 * @param deadLetterTopic the topic
	 * @param pending how many in all
	 * @param items the first of them, oldest first per partition
	 */
	record Pending(String deadLetterTopic, long pending, List<DeadLetter> items) {
	}

}
