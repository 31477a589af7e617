package dev.vestline.reconciliation.statements;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvStatementsTests {

	private static byte[] csv(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void readsQuotedFieldsAndDebits() {
		List<StatementEntry> entries = CsvStatements.parse(csv("""
				account_id,bank_reference,booking_date,amount,currency,counterparty_name,remittance_information
				CH93 0076 2011 6238 5295 7,B-1,2026-11-20,1000.00,CHF,"Investor, Carol","She said ""hi"" twice"
				CH9300762011623852957,B-2,2026-11-21,-12.00,CHF,,
				"""));

		assertThat(entries).extracting(StatementEntry::line)
			.containsExactly(
					new BankLine("CH9300762011623852957", "B-1", new BigDecimal("1000.00"), "CHF",
							LocalDate.of(2026, 11, 20), "Investor, Carol", "She said \"hi\" twice"),
					new BankLine("CH9300762011623852957", "B-2", new BigDecimal("-12.00"), "CHF",
							LocalDate.of(2026, 11, 21), null, null));
		assertThat(entries).extracting(StatementEntry::where).containsExactly("line 2", "line 3");
	}

	@Test
	void namesTheLineAndFieldThatIsWrong() {
		assertThatThrownBy(() -> CsvStatements.parse(csv("""
				account_id,bank_reference,booking_date,amount,currency,counterparty_name,remittance_information
				ACC,B-1,2026-11-20,1000.00,EUR,,
				ACC,B-2,2026-11-20,ten,EUR,,
				"""))).isInstanceOf(MalformedStatementException.class).hasMessageStartingWith("line 3, amount");
	}

	@Test
	void refusesAnUnknownHeader() {
		assertThatThrownBy(() -> CsvStatements.parse(csv("iban,amount\nX,1\n")))
			.isInstanceOf(MalformedStatementException.class)
			.hasMessageStartingWith("line 1");
	}

	@Test
	void refusesAnAmountWithMoreThanTwoDecimals() {
		assertThatThrownBy(() -> CsvStatements.parse(csv("""
				account_id,bank_reference,booking_date,amount,currency,counterparty_name,remittance_information
				ACC,B-1,2026-11-20,1.005,EUR,,
				"""))).isInstanceOf(MalformedStatementException.class).hasMessageContaining("at most 2 decimals");
	}

	private static String row(String account, String reference, String amount, String currency, String name,
			String remittance) {
		return "account_id,bank_reference,booking_date,amount,currency,counterparty_name,remittance_information\n"
				+ account + "," + reference + ",2026-11-20," + amount + "," + currency + ",\"" + name + "\",\""
				+ remittance + "\"\n";
	}

	@Test
	void readsTextsUpToTheirLimitsCountingCharactersNotBytes() {
		String euro = "\u20ac";
		List<StatementEntry> entries = CsvStatements.parse(
				csv(row("A".repeat(34), "R".repeat(35), "1.00", "EUR", "\uD83D\uDCB6".repeat(140), euro.repeat(140))));

		BankLine line = entries.get(0).line();
		assertThat(line.accountId()).hasSize(34);
		assertThat(line.bankReference()).hasSize(35);
		assertThat(line.counterpartyName().codePointCount(0, line.counterpartyName().length())).isEqualTo(140);
		assertThat(line.remittanceInformation()).hasSize(140);
	}

	@Test
	void refusesEachTextOverItsLimitNamingTheLineAndField() {
		assertThatThrownBy(() -> CsvStatements.parse(csv(row("A".repeat(35), "R", "1.00", "EUR", "", ""))))
			.isInstanceOf(MalformedStatementException.class)
			.hasMessageStartingWith("line 2, account_id: ")
			.hasMessageContaining("at most 34 characters");
		assertThatThrownBy(() -> CsvStatements.parse(csv(row("A", "R".repeat(3000), "1.00", "EUR", "", ""))))
			.isInstanceOf(MalformedStatementException.class)
			.hasMessageStartingWith("line 2, bank_reference: ")
			.hasMessageContaining("at most 35 characters");
		assertThatThrownBy(() -> CsvStatements.parse(csv(row("A", "R", "1.00", "EUR", "n".repeat(141), ""))))
			.isInstanceOf(MalformedStatementException.class)
			.hasMessageStartingWith("line 2, counterparty_name: ");
		assertThatThrownBy(() -> CsvStatements.parse(csv(row("A", "R", "1.00", "EUR", "", "x".repeat(1_200_000)))))
			.isInstanceOf(MalformedStatementException.class)
			.hasMessageStartingWith("line 2, remittance_information: ")
			.hasMessageContaining("at most 140 characters");
	}

	@Test
	void refusesControlCharactersThatNoTableOrReaderShouldHold() {
		assertThatThrownBy(() -> CsvStatements.parse(csv(row("A", "R", "1.00", "EUR", "Ali\u0000ce", ""))))
			.isInstanceOf(MalformedStatementException.class)
			.hasMessageStartingWith("line 2, counterparty_name: ");
	}

	@Test
	void readsOnlyPlainAmountsWithTheCurrencysMinorUnitsBelowTheMaximum() {
		for (String amount : List.of("1e400", "1E+3", "NaN", "\u0661\u0662", "+5", "1000000000000000", "0", "-0.00",
				"12.345")) {
			assertThatThrownBy(() -> CsvStatements.parse(csv(row("A", "R", amount, "EUR", "", "")))).as(amount)
				.isInstanceOf(MalformedStatementException.class)
				.hasMessageStartingWith("line 2, amount: ");
		}
		assertThatThrownBy(() -> CsvStatements.parse(csv(row("A", "R", "100.5", "JPY", "", ""))))
			.isInstanceOf(MalformedStatementException.class)
			.hasMessageStartingWith("line 2, amount: ")
			.hasMessageContaining("at most 0 decimals in JPY");
		assertThatThrownBy(() -> CsvStatements.parse(csv(row("A", "R", "1.000", "KWD", "", ""))))
			.isInstanceOf(MalformedStatementException.class)
			.hasMessageStartingWith("line 2, currency: ");
		assertThat(CsvStatements.parse(csv(row("A", "R", "-999999999999999.99", "EUR", "", ""))).get(0).line().amount())
			.isEqualByComparingTo("-999999999999999.99");
		assertThat(CsvStatements.parse(csv(row("A", "R", "1200.000", "JPY", "", ""))).get(0).line().amount())
			.isEqualTo(new BigDecimal("1200"));
	}

}
