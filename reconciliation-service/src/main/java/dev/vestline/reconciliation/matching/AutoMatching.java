package dev.vestline.reconciliation.matching;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import dev.vestline.events.reconciliation.MatchTarget;
import dev.vestline.reconciliation.AfterCommit;
import dev.vestline.reconciliation.expectations.InvoiceExpected;
import dev.vestline.reconciliation.expectations.InvoiceNoLongerExpected;
import dev.vestline.reconciliation.expectations.SubscriptionExpected;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suggests matches for unmatched credits: an invoice whose RF reference the payer quoted
 * first, else the one subscription whose investor the line names as a whole token and
 * whose outstanding amount it pays exactly. A pair an operator rejected is never
 * suggested again. A line that two expectations fit gets no suggestion (an open one is
 * withdrawn) and says why; an operator matches it. Runs when a line is imported and when
 * new money is expected, under a per-currency lock both sides take, so that whichever
 * comes second finds the first.
 */
@Service
@Transactional
public class AutoMatching {

	static final String ACTOR = "auto-matching";

	static final String NOTHING_FITS = "nothing expected fits";

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
	 * Takes the matching locks of these currencies, in one order, before lines in them
	 * are recorded; held until the transaction ends.
	 * @param currencies the currencies of the lines about to be imported
	 */
	public void lockCurrencies(Collection<String> currencies) {
		new TreeSet<>(currencies).forEach(this.queries::lockCurrency);
	}

	/**
	 * @param bankTransactionId a bank line, imported in the current transaction or before
	 */
	public void suggestFor(UUID bankTransactionId) {
		MatchingQueries.BankCredit line = this.queries.line(bankTransactionId).orElse(null);
		if (line == null || line.accepted() || line.manual() || line.amount().signum() <= 0) {
			return;
		}
		List<Candidate> candidates = candidates(line);
		if (candidates.size() > 1) {
			String reason = "ambiguous: fits "
					+ candidates.stream().limit(5).map(Candidate::toString).collect(Collectors.joining(" and "));
			this.matches.withdrawSuggested(line.id(), reason, this.clock.instant());
			this.queries.explain(line.id(), reason);
		}
		else if (line.matched()) {
			return; // its one suggestion stands
		}
		else if (candidates.size() == 1) {
			propose(line, candidates.get(0));
			this.queries.explain(line.id(), null);
		}
		else {
			this.queries.explain(line.id(), NOTHING_FITS);
		}
	}

	private List<Candidate> candidates(MatchingQueries.BankCredit line) {
		List<Candidate> invoices = notRejected(line, MatchTarget.INVOICE, MatchRule.PAYMENT_REFERENCE,
				this.queries.invoicesQuotedBy(line));
		if (!invoices.isEmpty()) {
			return invoices;
		}
		return notRejected(line, MatchTarget.SUBSCRIPTION, MatchRule.INVESTOR_AMOUNT,
				this.queries.subscriptionsAwaiting(line));
	}

	/** An operator said no to a pair once; only a manual match brings it back. */
	private List<Candidate> notRejected(MatchingQueries.BankCredit line, MatchTarget target, MatchRule rule,
			List<UUID> candidates) {
		return candidates.stream()
			.filter((candidate) -> !this.queries.rejected(line.id(), candidate))
			.map((candidate) -> new Candidate(target, candidate, rule))
			.toList();
	}

	@EventListener
	void on(SubscriptionExpected expected) {
		this.queries.lockCurrency(expected.currency());
		this.queries.creditsForSubscription(expected.subscriptionId()).forEach(this::suggestFor);
	}

	@EventListener
	void on(InvoiceExpected expected) {
		this.queries.lockCurrency(expected.currency());
		this.queries.creditsForInvoice(expected.invoiceId()).forEach(this::suggestFor);
	}

	/** Open matches of a voided invoice are withdrawn; their lines are free again. */
	@EventListener
	void on(InvoiceNoLongerExpected voided) {
		this.matches.withdrawOpen(voided.invoiceId(), "invoice voided in billing: " + voided.reason(),
				this.clock.instant());
	}

	private void propose(MatchingQueries.BankCredit line, Candidate candidate) {
		MatchTarget target = candidate.target();
		UUID targetId = candidate.id();
		MatchRule rule = candidate.rule();
		Match match = new Match(this.ids.generate(), line.id(), target,
				(target == MatchTarget.SUBSCRIPTION) ? targetId : null,
				(target == MatchTarget.INVOICE) ? targetId : null, line.amount(), line.currency(), rule,
				MatchStatus.SUGGESTED, 0, ACTOR, this.clock.instant(), null, null, null, null, null);
		if (this.matches.propose(match)) {
			AfterCommit.run(() -> this.meters
				.counter("vestline.reconciliation.matches.suggested", "rule", rule.name().toLowerCase(Locale.ROOT))
				.increment());
		}
	}

	/**
	 * An expectation a line fits.
	 *
	 * @param target subscription or invoice
	 * @param id its id
	 * @param rule why it fits
	 */
	private record Candidate(MatchTarget target, UUID id, MatchRule rule) {

		@Override
		public String toString() {
			return this.target.name().toLowerCase(Locale.ROOT) + " " + this.id;
		}

	}

}
