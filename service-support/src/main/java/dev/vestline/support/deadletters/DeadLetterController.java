package dev.vestline.support.deadletters;

import java.time.Duration;
import java.util.List;

import dev.vestline.messaging.deadletters.DeadLetter;
import dev.vestline.messaging.deadletters.DeadLetterTopic;
import dev.vestline.messaging.deadletters.DeadLetters;
import dev.vestline.messaging.deadletters.NotFirstPendingException;
import dev.vestline.messaging.deadletters.Replay;
import dev.vestline.messaging.deadletters.ReplayRunningException;

import dev.vestline.support.domain.Conflict;
import dev.vestline.support.domain.DomainException;
import dev.vestline.support.domain.InvalidInput;
import dev.vestline.support.domain.NotFound;
import dev.vestline.support.operations.Operator;
import dev.vestline.support.operations.OperatorActions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What this service's consumer groups gave up on, and their replay once the cause is
 * fixed. Every service serves it under {@code /api/v1/dead-letters} for the
 * {@code operations} role. A replay sends back what is pending when it starts, so
 * repeating the request is safe: it finds nothing left to send. A record no fix will make
 * acceptable is discarded instead, one at a time, with a reason that goes to the log.
 * Both are recorded in the operator-action audit in the transaction that records their
 * progress.
 */
@RestController
@RequestMapping("/api/v1/dead-letters")
class DeadLetterController {

	private static final Logger logger = LoggerFactory.getLogger(DeadLetterController.class);

	private static final int MAX_LIST = 500;

	private static final int MAX_REPLAY = 10_000;

	private final DeadLetters deadLetters;

	private final OperatorActions actions;

	DeadLetterController(DeadLetters deadLetters, OperatorActions actions) {
		this.deadLetters = deadLetters;
		this.actions = actions;
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
	Replay replay(@PathVariable String deadLetterTopic, @RequestParam(defaultValue = "1000") int limit,
			@RequestBody(required = false) @Nullable Why request) {
		requireLimit(limit, MAX_REPLAY);
		String reason = (request != null) ? request.optionalReason() : null;
		DeadLetterTopic topic = known(deadLetterTopic);
		Operator operator = Operator.current();
		try {
			return this.deadLetters.replay(topic, limit, (jdbc, replay) -> this.actions.record(jdbc, operator,
					"dead-letter.replay", topic.name(), reason,
					replay.replayed().size() + " sent back to " + topic.consumerGroup() + " on " + topic.topic()));
		}
		catch (ReplayRunningException ex) {
			throw replayRunning(ex);
		}
	}

	@PostMapping("/{deadLetterTopic}/discard")
	DeadLetter discard(@PathVariable String deadLetterTopic, @RequestBody Discard request) {
		int partition = request.requirePartition();
		long offset = request.requireOffset();
		String reason = request.requireReason();
		DeadLetterTopic topic = known(deadLetterTopic);
		Operator operator = Operator.current();
		try {
			DeadLetter discarded = this.deadLetters.discard(topic, partition, offset,
					(jdbc, letter) -> this.actions.record(jdbc, operator, "dead-letter.discard",
							topic.name() + " partition " + partition + " offset " + offset, reason,
							"discarded " + described(letter)));
			logger.warn("Dead letter {} of {} at {}/{} discarded by {}: {}", discarded.eventId(), topic.name(),
					partition, offset, caller(), reason);
			return discarded;
		}
		catch (ReplayRunningException ex) {
			throw replayRunning(ex);
		}
		catch (NotFirstPendingException ex) {
			throw new Conflict("not-first-pending", "Not the first pending dead letter", ex.getMessage())
				.with("firstPending", ex.firstPending());
		}
	}

	private static String described(DeadLetter letter) {
		return ((letter.type() != null) ? letter.type() : "a record that is no CloudEvent")
				+ ((letter.eventId() != null) ? " " + letter.eventId() : "")
				+ ((letter.key() != null) ? " (key " + letter.key() + ")" : "");
	}

	static String caller() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null) ? authentication.getName() : "unknown";
	}

	private DeadLetterTopic known(String name) {
		return this.deadLetters.find(name)
			.orElseThrow(() -> new NotFound("not-found", "Dead-letter topic not found",
					"No consumer group of this service parks records on " + name
							+ "; GET /api/v1/dead-letters lists the ones it has"));
	}

	private static void requireLimit(int limit, int max) {
		if (limit < 1 || limit > max) {
			throw InvalidInput.field("limit", "must be between 1 and " + max);
		}
	}

	private static DomainException replayRunning(ReplayRunningException ex) {
		return new Conflict("replay-running", "Replay running", String.valueOf(ex.getMessage()))
			.retryAfter(Duration.ofSeconds(5));
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
				throw InvalidInput.field("partition", "must be a partition of the dead-letter topic, 0 or more");
			}
			return this.partition;
		}

		long requireOffset() {
			if (this.offset == null || this.offset < 0) {
				throw InvalidInput.field("offset", "must be the offset of a dead letter, 0 or more");
			}
			return this.offset;
		}

		String requireReason() {
			if (this.reason == null || this.reason.isBlank()) {
				throw InvalidInput.field("reason", "say why this record will never be replayed");
			}
			if (this.reason.length() > MAX_REASON) {
				throw InvalidInput.field("reason", "at most " + MAX_REASON + " characters");
			}
			return this.reason;
		}

	}

	/**
	 * Why a replay is made (the cause fixed, say), for the operator-action audit.
	 *
	 * @param reason optional, at most 1,000 characters
	 */
	record Why(@Nullable String reason) {

		@Nullable String optionalReason() {
			if (this.reason == null || this.reason.isBlank()) {
				return null;
			}
			if (this.reason.length() > Discard.MAX_REASON) {
				throw InvalidInput.field("reason", "at most " + Discard.MAX_REASON + " characters");
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
