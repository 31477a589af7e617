package dev.vestline.reconciliation.statements;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import dev.vestline.events.Money;
import dev.vestline.events.reconciliation.BankTransactionImported;
import dev.vestline.messaging.outbox.Outbox;
import dev.vestline.reconciliation.matching.AutoMatching;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a statement all or nothing, each bank line once per (account, bank reference):
 * a new line is stored, announced ({@code BankTransactionImported}) and offered to
 * auto-matching in the same transaction.
 */
@Service
public class StatementImport {

	private final BankTransactions transactions;

	private final Outbox outbox;

	private final AutoMatching autoMatching;

	private final Clock clock;

	private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();

	StatementImport(BankTransactions transactions, Outbox outbox, AutoMatching autoMatching, Clock clock) {
		this.transactions = transactions;
		this.outbox = outbox;
		this.autoMatching = autoMatching;
		this.clock = clock;
	}

	@Transactional
	ImportSummary importStatement(StatementFormat format, byte[] content, String importedBy) {
		List<StatementEntry> entries = switch (format) {
			case CAMT053 -> Camt053Statements.parse(content);
			case CSV -> CsvStatements.parse(content);
		};
		// before any line is written: whoever records an expectation in these currencies
		// at
		// the same time either sees these lines or is seen by them
		this.autoMatching.lockCurrencies(entries.stream().map((entry) -> entry.line().currency()).toList());
		LineOutcome[] outcomes = new LineOutcome[entries.size()];
		Map<String, BankLine> inThisFile = new HashMap<>();
		Instant now = this.clock.instant();
		// one global order of inserts, so overlapping statements imported at once cannot
		// deadlock
		IntStream.range(0, entries.size())
			.boxed()
			.sorted(Comparator.comparing((Integer i) -> entries.get(i).line().accountId())
				.thenComparing((i) -> entries.get(i).line().bankReference()))
			.forEach((i) -> outcomes[i] = importEntry(entries.get(i), inThisFile, format, importedBy, now));
		return ImportSummary.of(format, Arrays.asList(outcomes));
	}

	private LineOutcome importEntry(StatementEntry entry, Map<String, BankLine> inThisFile, StatementFormat format,
			String importedBy, Instant now) {
		BankLine line = entry.line();
		if (entry.notBookedStatus() != null) {
			return outcome(entry, LineOutcome.Outcome.REJECTED, null,
					"not booked by the bank (status " + entry.notBookedStatus() + ")");
		}
		BankLine earlier = inThisFile.putIfAbsent(line.accountId() + '\n' + line.bankReference(), line);
		if (earlier != null) {
			return earlier.sameMoneyAs(line)
					? outcome(entry, LineOutcome.Outcome.DUPLICATE, null, "repeated in this file")
					: outcome(entry, LineOutcome.Outcome.REJECTED, null,
							"repeated in this file with another amount, currency or date");
		}
		UUID id = this.ids.generate();
		if (this.transactions.insertIfAbsent(id, line, format, importedBy, now)) {
			this.outbox.append(new BankTransactionImported(id, line.accountId(), line.bankReference(),
					new Money(line.amount(), line.currency()), line.bookingDate(), line.counterpartyName(),
					line.remittanceInformation(), now));
			this.autoMatching.suggestFor(id);
			return outcome(entry, LineOutcome.Outcome.NEW, id, null);
		}
		BankLine imported = this.transactions.find(line.accountId(), line.bankReference()).orElseThrow();
		return imported.sameMoneyAs(line) ? outcome(entry, LineOutcome.Outcome.DUPLICATE, null, "imported before")
				: outcome(entry, LineOutcome.Outcome.REJECTED, null, "this bank reference was imported before with "
						+ imported.amount() + " " + imported.currency() + " booked " + imported.bookingDate());
	}

	private static LineOutcome outcome(StatementEntry entry, LineOutcome.Outcome outcome, @Nullable UUID id,
			@Nullable String reason) {
		return new LineOutcome(entry.where(), entry.line().accountId(), entry.line().bankReference(), outcome, id,
				reason);
	}

}
