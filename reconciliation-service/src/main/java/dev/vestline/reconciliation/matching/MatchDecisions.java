package dev.vestline.reconciliation.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

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

	private final MatchGuards guards;

	private final MatchOutcomes outcomes;

	private final Clock clock;

	MatchDecisions(Matches matches, MatchGuards guards, MatchOutcomes outcomes, Clock clock) {
		this.matches = matches;
		this.guards = guards;
		this.outcomes = outcomes;
		this.clock = clock;
	}

	public Match accept(UUID id, long version, String by) {
		Match match = this.guards.current(id, version, MatchStatus.SUGGESTED);
		this.matches.lockLine(match.bankTransactionId());
		Instant now = this.clock.instant();
		try {
			if (!this.matches.accept(id, version, by, now)) {
				throw this.guards.lostRace(id, version);
			}
		}
		catch (DuplicateKeyException ex) {
			throw this.guards.lineTaken(match);
		}
		this.matches.supersede(match.bankTransactionId(), id, now);
		Match accepted = this.matches.find(id).orElseThrow();
		this.outcomes.accepted(match, by, now);
		return accepted;
	}

	public Match reject(UUID id, long version, String by, @Nullable String reason) {
		this.guards.current(id, version, MatchStatus.SUGGESTED);
		if (!this.matches.reject(id, version, by, this.clock.instant(), reason)) {
			throw this.guards.lostRace(id, version);
		}
		this.outcomes.rejected();
		return this.matches.find(id).orElseThrow();
	}

	/**
	 * Reverses an accepted match and undoes what accepting it did, in one transaction:
	 * the funding movement is reversed, or billing is told to take the invoice payment
	 * back. The bank transaction is free to be matched again.
	 */
	public Match reverse(UUID id, long version, String by, String reason) {
		Match match = this.guards.current(id, version, MatchStatus.ACCEPTED);
		this.matches.lockLine(match.bankTransactionId());
		Instant now = this.clock.instant();
		if (!this.matches.reverse(id, version, by, now, reason)) {
			throw this.guards.lostRace(id, version);
		}
		this.outcomes.reversed(match, by, reason, now);
		return this.matches.find(id).orElseThrow();
	}

}
