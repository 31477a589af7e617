package dev.vestline.reconciliation.statements;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the documented CSV statement format: UTF-8, RFC 4180 quoting (no line breaks
 * inside fields), a header row with exactly the columns of {@link #HEADER}, one booked
 * line per row, a negative amount for a debit.
 */
final class CsvStatements {

	static final List<String> HEADER = List.of("account_id", "bank_reference", "booking_date", "amount", "currency",
			"counterparty_name", "remittance_information");

	private CsvStatements() {
	}

	static List<StatementEntry> parse(byte[] csv) {
		String[] rows = decode(csv).split("\r?\n", -1);
		if (rows.length == 0 || !header(rows[0]).equals(HEADER)) {
			throw new MalformedStatementException("line 1", "the header must be " + String.join(",", HEADER));
		}
		List<StatementEntry> entries = new ArrayList<>();
		for (int i = 1; i < rows.length; i++) {
			if (!rows[i].isBlank()) {
				String where = "line " + (i + 1);
				entries.add(new StatementEntry(where, line(where, CsvRow.split(where, rows[i])), null));
			}
		}
		return entries;
	}

	private static List<String> header(String row) {
		String withoutBom = row.startsWith("\uFEFF") ? row.substring(1) : row;
		return CsvRow.split("line 1", withoutBom).stream().map((c) -> c.trim().toLowerCase(Locale.ROOT)).toList();
	}

	private static BankLine line(String where, List<String> fields) {
		if (fields.size() != HEADER.size()) {
			throw new MalformedStatementException(where, "has " + fields.size() + " fields, expected " + HEADER.size());
		}
		String account = Texts.required(field(where, 0), fields.get(0).replace(" ", "").strip(),
				StatementLimits.ACCOUNT_ID);
		String reference = Texts.required(field(where, 1), fields.get(1).strip(), StatementLimits.BANK_REFERENCE);
		String currency = Amounts.currency(field(where, 4), required(where, fields, 4));
		return new BankLine(account, reference, Amounts.amount(field(where, 3), required(where, fields, 3), currency),
				currency, Amounts.date(field(where, 2), required(where, fields, 2)),
				Texts.optional(field(where, 5), fields.get(5).strip(), StatementLimits.COUNTERPARTY_NAME),
				Texts.optional(field(where, 6), fields.get(6).strip(), StatementLimits.REMITTANCE_INFORMATION));
	}

	private static String field(String where, int index) {
		return where + ", " + HEADER.get(index);
	}

	private static String required(String where, List<String> fields, int index) {
		String value = fields.get(index).strip();
		if (value.isEmpty()) {
			throw new MalformedStatementException(field(where, index), "missing");
		}
		return value;
	}

	private static String decode(byte[] csv) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(csv))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new MalformedStatementException("file", "is not UTF-8", ex);
		}
	}

}
