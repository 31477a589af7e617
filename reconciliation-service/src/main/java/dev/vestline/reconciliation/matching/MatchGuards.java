package dev.vestline.reconciliation.matching;

import java.util.UUID;

import dev.vestline.reconciliation.api.ApiProblem;
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
		Match match = this.matches.find(id).orElseThrow(() -> ApiProblem.notFound("No match " + id));
		if (match.status() != expected) {
			conflicted();
			throw ApiProblem.conflict(describe(match) + "; only a " + expected + " match can be decided this way");
		}
		if (match.version() != version) {
			throw ApiProblem.stale("Match " + id + " is at version " + match.version() + ", not " + version
					+ "; read it again and decide on what it is now");
		}
		return match;
	}

	/** Someone else's conditional UPDATE won between our read and ours. */
	ApiProblem lostRace(UUID id, long version) {
		conflicted();
		Match now = this.matches.find(id).orElseThrow();
		if (now.version() != version) {
			return ApiProblem.conflict(describe(now) + " meanwhile");
		}
		return ApiProblem.conflict("Match " + id + " changed meanwhile");
	}

	/** The bank transaction's other accepted match won (the unique index said so). */
	ApiProblem lineTaken(Match match) {
		conflicted();
		return ApiProblem.conflict("Bank transaction " + match.bankTransactionId()
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
