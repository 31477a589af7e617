package dev.vestline.reconciliation.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import dev.vestline.events.Money;
import dev.vestline.events.reconciliation.MatchAccepted;
import dev.vestline.events.reconciliation.MatchReversed;
import dev.vestline.events.reconciliation.MatchTarget;
import dev.vestline.messaging.outbox.Outbox;
import dev.vestline.reconciliation.AfterCommit;
import dev.vestline.reconciliation.positions.PositionBooking;
import dev.vestline.support.domain.Conflict;
import dev.vestline.support.domain.NotFound;
import dev.vestline.support.domain.StaleVersion;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators' decisions on matches. Each is one conditional UPDATE on status and version:
 * of operators deciding at once, one wins and the others get a 409 (or a 412 for a stale
 * ETag). Accepting (reversing) books (undoes) the money and appends its events in the
 * same transaction.
 */
@Service
@Transactional
public class MatchDecisions {

	private final Matches matches;

	private final PositionBooking positionBooking;

	private final InvoicePayments invoicePayments;

	private final Outbox outbox;

	private final MeterRegistry meters;

	private final Clock clock;

	MatchDecisions(Matches matches, PositionBooking positionBooking, InvoicePayments invoicePayments, Outbox outbox,
			MeterRegistry meters, Clock clock) {
		this.matches = matches;
		this.positionBooking = positionBooking;
		this.invoicePayments = invoicePayments;
		this.outbox = outbox;
		this.meters = meters;
		this.clock = clock;
	}

	public Match accept(UUID id, long version, String by) {
		Match match = current(id, version, MatchStatus.SUGGESTED);
		this.matches.lockLine(match.bankTransactionId());
		Instant now = this.clock.instant();
		try {
			if (!this.matches.accept(id, version, by, now)) {
				throw lostRace(id, version);
			}
		}
		catch (DuplicateKeyException ex) {
			conflicted();
			throw new Conflict("Bank transaction " + match.bankTransactionId()
					+ " is already in another accepted match; reverse that one first");
		}
		this.matches.supersede(match.bankTransactionId(), id, now);
		Match accepted = this.matches.find(id).orElseThrow();
		this.outbox.append(new MatchAccepted(id, match.bankTransactionId(), match.target(), match.subscriptionId(),
				match.invoiceId(), new Money(match.amount(), match.currency()), by, now));
		if (match.target() == MatchTarget.SUBSCRIPTION) {
			var funded = this.positionBooking.fund(id, Objects.requireNonNull(match.subscriptionId()), match.amount(),
					by);
			count("vestline.reconciliation.positions.updated", "movement", "funding");
			if (funded.overFunded()) {
				count("vestline.reconciliation.subscriptions.overfunded", "target", "subscription");
			}
		}
		else {
			this.invoicePayments.receive(match);
		}
		count("vestline.reconciliation.matches.accepted", "target", match.target().name().toLowerCase(Locale.ROOT));
		return accepted;
	}

	public Match reject(UUID id, long version, String by, @Nullable String reason) {
		current(id, version, MatchStatus.SUGGESTED);
		if (!this.matches.reject(id, version, by, this.clock.instant(), reason)) {
			throw lostRace(id, version);
		}
		count("vestline.reconciliation.matches.rejected", "target", "any");
		return this.matches.find(id).orElseThrow();
	}

	/**
	 * Reverses an accepted match and undoes what accepting it did, in one transaction:
	 * the funding movement is reversed, or billing is told to take the invoice payment
	 * back. The bank transaction is free to be matched again.
	 */
	public Match reverse(UUID id, long version, String by, String reason) {
		Match match = current(id, version, MatchStatus.ACCEPTED);
		this.matches.lockLine(match.bankTransactionId());
		Instant now = this.clock.instant();
		if (!this.matches.reverse(id, version, by, now, reason)) {
			throw lostRace(id, version);
		}
		this.outbox.append(new MatchReversed(id, match.bankTransactionId(), match.target(), match.subscriptionId(),
				match.invoiceId(), new Money(match.amount(), match.currency()), reason, by, now));
		if (match.target() == MatchTarget.SUBSCRIPTION) {
			this.positionBooking.reverse(id, Objects.requireNonNull(match.subscriptionId()), match.amount(), by);
			count("vestline.reconciliation.positions.updated", "movement", "reversal");
		}
		else {
			this.invoicePayments.takeBack(match, reason);
		}
		count("vestline.reconciliation.matches.reversed", "target", match.target().name().toLowerCase(Locale.ROOT));
		return this.matches.find(id).orElseThrow();
	}

	private Match current(UUID id, long version, MatchStatus expected) {
		Match match = this.matches.find(id).orElseThrow(() -> new NotFound("No match " + id));
		if (match.status() != expected) {
			conflicted();
			throw new Conflict(describe(match) + "; only a " + expected + " match can be decided this way");
		}
		if (match.version() != version) {
			throw new StaleVersion(match.version(), "Match " + id + " is at version " + match.version() + ", not "
					+ version + "; read it again and decide on what it is now");
		}
		return match;
	}

	/** Someone else's conditional UPDATE won between our read and ours. */
	private Conflict lostRace(UUID id, long version) {
		conflicted();
		Match now = this.matches.find(id).orElseThrow();
		if (now.version() != version) {
			return new Conflict(describe(now) + " meanwhile");
		}
		return new Conflict("Match " + id + " changed meanwhile");
	}

	private static String describe(Match match) {
		String by = (match.status() == MatchStatus.REVERSED) ? match.reversedBy() : match.decidedBy();
		return "Match " + match.id() + " is " + match.status() + ((by != null) ? " (by " + by + ")" : "");
	}

	/**
	 * Counted at once: the losing transaction rolls back, and the contention is the
	 * point.
	 */
	private void conflicted() {
		this.meters.counter("vestline.reconciliation.matches.conflicted").increment();
	}

	private void count(String name, String tag, String value) {
		AfterCommit.run(() -> this.meters.counter(name, tag, value).increment());
	}

}
