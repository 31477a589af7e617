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

}
