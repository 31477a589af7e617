package dev.vestline.reconciliation.matching;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import dev.vestline.events.reconciliation.MatchTarget;
import dev.vestline.support.domain.Conflict;
import dev.vestline.support.domain.Unacceptable;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matches a credit to a subscription or an invoice by hand, when auto-matching could not;
 * the match is proposed like a suggestion and accepted like one.
 */
@Service
@Transactional
class ManualMatching {

	private final MatchingQueries queries;

	private final Matches matches;

	private final ExpectedCurrencies expected;

	private final Clock clock;

	private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();

	ManualMatching(MatchingQueries queries, Matches matches, ExpectedCurrencies expected, Clock clock) {
		this.queries = queries;
		this.matches = matches;
		this.expected = expected;
		this.clock = clock;
	}

	Match create(UUID bankTransactionId, @Nullable UUID subscriptionId, @Nullable UUID invoiceId, String by) {
		MatchingQueries.BankCredit line = this.queries.line(bankTransactionId)
			.orElseThrow(() -> new Unacceptable("No bank transaction " + bankTransactionId));
		if (line.amount().signum() <= 0) {
			throw new Unacceptable("Bank transaction " + bankTransactionId + " is a debit; only credits fund");
		}
		if (line.accepted()) {
			throw new Conflict("Bank transaction " + bankTransactionId + " is already in an accepted match");
		}
		MatchTarget target = (subscriptionId != null) ? MatchTarget.SUBSCRIPTION : MatchTarget.INVOICE;
		String currency = this.expected.currency(subscriptionId, invoiceId);
		if (!currency.equals(line.currency())) {
			throw new Unacceptable("The bank transaction is in " + line.currency() + ", the "
					+ target.name().toLowerCase(Locale.ROOT) + " in " + currency);
		}
		Match match = new Match(this.ids.generate(), bankTransactionId, target, subscriptionId, invoiceId,
				line.amount(), line.currency(), MatchRule.MANUAL, MatchStatus.SUGGESTED, 0, by, this.clock.instant(),
				null, null, null, null, null);
		if (!this.matches.propose(match)) {
			throw new Conflict(
					"An open match of bank transaction " + bankTransactionId + " to this target exists already");
		}
		return match;
	}

}
