package dev.vestline.support.deadletters;

import java.util.List;
import java.util.UUID;

import dev.vestline.messaging.outbox.ParkedEvent;
import dev.vestline.messaging.outbox.ParkedEvents;
import dev.vestline.support.domain.InvalidInput;
import dev.vestline.support.domain.NotFound;
import dev.vestline.support.operations.OperatorActions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The events this service could not publish: the broker refused them again and again (too
 * large for a topic, say), so the outbox relay parked them, with the later events of
 * their aggregate held behind them, while every other event flows on. Served beside the
 * dead letters (what the service could not consume) for the {@code operations} role: an
 * operator retries one once the cause is fixed, or discards it, with a reason for the
 * log; either is recorded in the operator-action audit in the same transaction.
 */
@RestController
@RequestMapping("/api/v1/dead-letters/parked-events")
class ParkedEventController {

	private static final Logger logger = LoggerFactory.getLogger(ParkedEventController.class);

	private static final int MAX_LIST = 500;

	private static final int MAX_REASON = 1_000;

	private final ParkedEvents parked;

	private final OperatorActions actions;

	private final TransactionTemplate transactions;

	ParkedEventController(ParkedEvents parked, OperatorActions actions, TransactionTemplate transactions) {
		this.parked = parked;
		this.actions = actions;
		this.transactions = transactions;
	}

	@GetMapping
	Parked list(@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > MAX_LIST) {
			throw InvalidInput.field("limit", "must be between 1 and " + MAX_LIST);
		}
		return new Parked(this.parked.count(), this.parked.list(limit));
	}

	@PostMapping("/{eventId}/retry")
	ParkedEvent retry(@PathVariable UUID eventId) {
		// the release and its audit row are committed together
		ParkedEvent retried = this.transactions.execute((status) -> {
			ParkedEvent event = this.parked.retry(eventId).orElseThrow(() -> notParked(eventId));
			this.actions.record("parked-event.retry", "parked event " + eventId, null,
					"back on the relay's work list: " + event.type() + " (key " + event.key() + ")");
			return event;
		});
		logger.warn("Parked outbox event {} ({}, key {}) retried by {}", eventId, retried.type(), retried.key(),
				DeadLetterController.caller());
		return retried;
	}

	@PostMapping("/{eventId}/discard")
	ParkedEvent discard(@PathVariable UUID eventId, @RequestBody Discard request) {
		String reason = request.requireReason();
		ParkedEvent discarded = this.transactions.execute((status) -> {
			ParkedEvent event = this.parked.discard(eventId, reason).orElseThrow(() -> notParked(eventId));
			this.actions.record("parked-event.discard", "parked event " + eventId, reason,
					"never to be published: " + event.type() + " (key " + event.key() + ")");
			return event;
		});
		logger.warn("Parked outbox event {} ({}, key {}) discarded by {}, never to be published: {}", eventId,
				discarded.type(), discarded.key(), DeadLetterController.caller(), reason);
		return discarded;
	}

	private static NotFound notParked(UUID eventId) {
		return new NotFound("not-found", "Parked event not found",
				"No event " + eventId + " is parked; GET /api/v1/dead-letters/parked-events lists the ones that are");
	}

	/**
	 * Why a parked event will never be published.
	 *
	 * @param reason for the log, at most 1,000 characters
	 */
	record Discard(@Nullable String reason) {

		String requireReason() {
			if (this.reason == null || this.reason.isBlank()) {
				throw InvalidInput.field("reason", "say why this event will never be published");
			}
			if (this.reason.length() > MAX_REASON) {
				throw InvalidInput.field("reason", "at most " + MAX_REASON + " characters");
			}
			return this.reason;
		}

	}

	/**
	 * The parked events.
	 *
	 * @param parked how many in all
	 * @param items the oldest of them
	 */
	record Parked(long parked, List<ParkedEvent> items) {
	}

}
