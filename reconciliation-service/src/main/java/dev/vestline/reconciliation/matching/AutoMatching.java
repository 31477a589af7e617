package dev.vestline.reconciliation.matching;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import dev.vestline.events.reconciliation.MatchTarget;
import dev.vestline.reconciliation.api.AfterCommit;
import dev.vestline.reconciliation.expectations.InvoiceExpected;
import dev.vestline.reconciliation.expectations.InvoiceNoLongerExpected;
import dev.vestline.reconciliation.expectations.SubscriptionExpected;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suggests matches for unmatched credits: an invoice whose RF reference the payer quoted
 * first, else the one subscription whose investor the line names and whose outstanding
 * amount it pays exactly. A pair an operator rejected is never suggested again; an
 * ambiguous line gets no suggestion: an operator matches it. Runs when a line is imported
 * and when new money is expected.
 */
@Service
@Transactional
public class AutoMatching {

	static final String ACTOR = "auto-matching";

	private final MatchingQueries queries;

	private final Matches matches;

	private final MeterRegistry meters;

	private final Clock clock;

	private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();

	AutoMatching(MatchingQueries queries, Matches matches, MeterRegistry meters, Clock clock) {
		this.queries = queries;
		this.matches = matches;
		this.meters = meters;
		this.clock = clock;
	}

	/**
	 * @param bankTransactionId a bank line, imported in the current transaction or before
	 */
	public void suggestFor(UUID bankTransactionId) {
		MatchingQueries.BankCredit line = this.queries.line(bankTransactionId).orElse(null);
		if (line == null || line.matched() || line.amount().signum() <= 0) {
			return;
		}
		List<UUID> invoices = notRejected(line, this.queries.invoicesQuotedBy(line));
		if (!invoices.isEmpty()) {
			if (invoices.size() == 1) {
				propose(line, MatchTarget.INVOICE, invoices.get(0), MatchRule.PAYMENT_REFERENCE);
			}
			return;
		}
		List<UUID> subscriptions = notRejected(line, this.queries.subscriptionsAwaiting(line));
		if (subscriptions.size() == 1) {
			propose(line, MatchTarget.SUBSCRIPTION, subscriptions.get(0), MatchRule.INVESTOR_AMOUNT);
		}
	}

	/** An operator said no to a pair once; only a manual match brings it back. */
	private List<UUID> notRejected(MatchingQueries.BankCredit line, List<UUID> candidates) {
		return candidates.stream().filter((candidate) -> !this.queries.rejected(line.id(), candidate)).toList();
	}

	@EventListener
	void on(SubscriptionExpected expected) {
		this.queries.creditsForSubscription(expected.subscriptionId()).forEach(this::suggestFor);
	}

	@EventListener
	void on(InvoiceExpected expected) {
		this.queries.creditsForInvoice(expected.invoiceId()).forEach(this::suggestFor);
	}

	/** Open matches of a voided invoice are withdrawn; their lines are free again. */
	@EventListener
	void on(InvoiceNoLongerExpected voided) {
		this.matches.withdrawOpen(voided.invoiceId(), "invoice voided in billing: " + voided.reason(),
				this.clock.instant());
	}

	private void propose(MatchingQueries.BankCredit line, MatchTarget target, UUID targetId, MatchRule rule) {
		if (this.queries.rejected(line.id(), targetId)) {
			return; // an operator said no to this pair once; only a manual match brings
					// it back
		}
		Match match = new Match(this.ids.generate(), line.id(), target,
				(target == MatchTarget.SUBSCRIPTION) ? targetId : null,
				(target == MatchTarget.INVOICE) ? targetId : null, line.amount(), line.currency(), rule,
				MatchStatus.SUGGESTED, 0, ACTOR, this.clock.instant(), null, null, null, null, null);
		if (this.matches.propose(match)) {
			AfterCommit.run(
					() -> this.meters
						.counter("vestline.reconciliation.matches.suggested", "rule",
								rule.name().toLowerCase(java.util.Locale.ROOT))
						.increment());
		}
	}

}
