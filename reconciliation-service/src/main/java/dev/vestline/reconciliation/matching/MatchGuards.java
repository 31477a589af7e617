package dev.vestline.reconciliation.matching;

import java.util.UUID;

import dev.vestline.support.domain.Conflict;
import dev.vestline.support.domain.NotFound;
import dev.vestline.support.domain.StaleVersion;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * What a decision on a match may start from: the match in the status the decision needs,
 * at the version the operator read; and, when another decision won, the answer that says
 * which. Every conflict is counted at once: the losing transaction rolls back, and the
 * contention is the point.
 */
@Component
class MatchGuards {

	private final Matches matches;

	private final MeterRegistry meters;

	MatchGuards(Matches matches, MeterRegistry meters) {
		this.matches = matches;
		this.meters = meters;
	}

	Match current(UUID id, long version, MatchStatus expected) {
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
	Conflict lostRace(UUID id, long version) {
		conflicted();
		Match now = this.matches.find(id).orElseThrow();
		if (now.version() != version) {
			return new Conflict(describe(now) + " meanwhile");
		}
		return new Conflict("Match " + id + " changed meanwhile");
	}

	/** The bank transaction's other accepted match won (the unique index said so). */
	Conflict lineTaken(Match match) {
		conflicted();
		return new Conflict("Bank transaction " + match.bankTransactionId()
				+ " is already in another accepted match; reverse that one first");
	}

	private static String describe(Match match) {
		String by = (match.status() == MatchStatus.REVERSED) ? match.reversedBy() : match.decidedBy();
		return "Match " + match.id() + " is " + match.status() + ((by != null) ? " (by " + by + ")" : "");
	}

	private void conflicted() {
		this.meters.counter("vestline.reconciliation.matches.conflicted").increment();
	}

}
