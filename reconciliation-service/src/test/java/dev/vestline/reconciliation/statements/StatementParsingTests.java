package dev.vestline.reconciliation.statements;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.vestline.events.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a statement holds, both parsers either read lines Vestline can hold (amounts
 * with at most the currency's minor units below {@link Money#MAXIMUM}, texts within their
 * limits) or refuse the file with a {@link MalformedStatementException} that names the
 * line and field; never another exception.
 */
class StatementParsingTests {

	@Property(tries = 500)
	void csvAmountsAreHeldOrRefusedNamingTheLineAndField(@ForAll("amounts") String amount,
			@ForAll("currencies") String currency) {
		String csv = HEADER + "ACC-1,REF-1,2026-11-20," + quoted(amount) + "," + quoted(currency) + ",Payer,Text\n";

		try {
			assertHeld(CsvStatements.parse(csv.getBytes(StandardCharsets.UTF_8)));
		}
		catch (MalformedStatementException ex) {
			if (!breaksLines(amount, currency)) {
				assertThat(ex.where()).isIn("line 2, amount", "line 2, currency");
			}
			else {
				assertThat(ex.where()).startsWith("line ");
			}
		}
	}

	@Property(tries = 500)
	void camtAmountsAreHeldOrRefusedNamingTheEntryAndElement(@ForAll("amounts") String amount,
			@ForAll("currencies") String currency) {
		try {
			assertHeld(Camt053Statements.parse(camt(amount, currency, "Payer", "Text", "REF-1")));
		}
		catch (MalformedStatementException ex) {
			assertThat(ex.where()).matches("Stmt\\[1]/Ntry\\[1]/Amt(/@Ccy)?|line \\d+, column \\d+");
		}
	}

	@Property(tries = 500)
	void csvTextsAreHeldWithinTheirLimitsOrRefusedNamingTheLineAndField(@ForAll("texts") String name,
			@ForAll("texts") String remittance, @ForAll("texts") String reference) {
		String csv = HEADER + "ACC-1," + quoted(reference) + ",2026-11-20,10.00,EUR," + quoted(name) + ","
				+ quoted(remittance) + "\n";

		try {
			assertHeld(CsvStatements.parse(csv.getBytes(StandardCharsets.UTF_8)));
		}
		catch (MalformedStatementException ex) {
			if (breaksLines(name, remittance, reference)) {
				assertThat(ex.where()).startsWith("line ");
			}
			else {
				assertThat(ex.where()).isIn("line 2, counterparty_name", "line 2, remittance_information",
						"line 2, bank_reference");
			}
		}
	}

	@Property(tries = 500)
	void camtTextsAreHeldWithinTheirLimitsOrRefusedNamingTheEntryAndElement(@ForAll("texts") String name,
			@ForAll("texts") String remittance, @ForAll("texts") String reference) {
		try {
			assertHeld(Camt053Statements.parse(camt("10.00", "EUR", name, remittance, reference)));
		}
		catch (MalformedStatementException ex) {
			// characters XML 1.0 cannot carry make the document unreadable: the parser
			// names the line and column
			assertThat(ex.where()).matches("Stmt\\[1]/Ntry\\[1]/(AcctSvcrRef|NtryDtls/TxDtls/(RltdPties/Dbtr/Nm|"
					+ "RmtInf/Ustrd))|line \\d+, column \\d+");
		}
	}

	private static void assertHeld(List<StatementEntry> entries) {
		assertThat(entries).hasSize(1);
		BankLine line = entries.get(0).line();
		assertThat(Money.currencyProblem(line.currency())).isNull();
		assertThat(Money.amountProblem(line.amount(), line.currency())).isNull();
		assertThat(line.amount().signum()).isNotZero();
		assertThat(line.amount().abs()).isLessThan(Money.MAXIMUM);
		assertThat(line.amount().scale()).isLessThanOrEqualTo(2);
		assertWithin(line.accountId(), StatementLimits.ACCOUNT_ID);
		assertWithin(line.bankReference(), StatementLimits.BANK_REFERENCE);
		assertWithin(line.counterpartyName(), StatementLimits.COUNTERPARTY_NAME);
		assertWithin(line.remittanceInformation(), StatementLimits.REMITTANCE_STORED);
		assertThat(new Money(line.amount(), line.currency())).isNotNull();
	}

	private static void assertWithin(String text, int limit) {
		if (text != null) {
			assertThat(text.codePointCount(0, text.length())).isBetween(1, limit);
			assertThat(text.codePoints().noneMatch(Character::isISOControl)).isTrue();
		}
	}

	@Provide
	Arbitrary<String> amounts() {
		Arbitrary<String> plain = Arbitraries.integers()
			.between(0, 4)
			.flatMap((scale) -> Arbitraries.bigDecimals()
				.between(new BigDecimal("-1E16"), new BigDecimal("1E16"))
				.ofScale(scale)
				.map(BigDecimal::toPlainString));
		Arbitrary<String> hostile = Arbitraries.of("1e400", "1E+3", "-1e-400", "0", "0.00", "-0", "NaN", "Infinity",
				"+5", " 7.50 ", "5,00", "١٢٣", "１２３", "0x10", "999999999999999.99", "1000000000000000",
				"-999999999999999.99", "1.", ".5", "--1", "1e2147483648", "1E-2147483647", "", " ", "9".repeat(5000),
				"0." + "0".repeat(5000) + "1", "12.345", "100.000", "12\u00a0000.00");
		Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(30);
		return Arbitraries.frequencyOf(Tuple.of(5, plain), Tuple.of(3, hostile), Tuple.of(2, noise));
	}

	@Provide
	Arbitrary<String> currencies() {
		return Arbitraries.oneOf(
				Arbitraries.of("EUR", "CHF", "JPY", "KWD", "BHD", "XAU", "XDR", "eur", "EURO", "", " EUR", "€", "ZZZ"),
				Arbitraries.strings().ofMaxLength(5));
	}

	@Provide
	Arbitrary<String> texts() {
		Arbitrary<String> any = Arbitraries.strings().ofMinLength(1).ofMaxLength(200);
		Arbitrary<String> ascii = Arbitraries.strings().ascii().ofMinLength(1).ofMaxLength(40);
		Arbitrary<String> nearLimits = Arbitraries.integers().between(30, 3000).map((length) -> "x".repeat(length));
		Arbitrary<String> wide = Arbitraries.integers()
			.between(100, 200)
			.map((length) -> "\uD83D\uDCB6".repeat(length));
		Arbitrary<String> hostile = Arbitraries.of("\u0000", "a\u0000b", "\"", "\"\"", ",", "a,b", "\t", "\u001b[31m",
				"]]>", "<Nm>", "&amp;", "\uFEFF", "\uFFFE", "\uD800");
		return Arbitraries.oneOf(any, ascii, nearLimits, wide, hostile);
	}

	private static final String HEADER = "account_id,bank_reference,booking_date,amount,currency,counterparty_name,"
			+ "remittance_information\n";

	private static String quoted(String field) {
		return "\"" + field.replace("\"", "\"\"") + "\"";
	}

	private static boolean breaksLines(String... texts) {
		for (String text : texts) {
			if (text.contains("\n") || text.contains("\r")) {
				return true;
			}
		}
		return false;
	}

	private static byte[] camt(String amount, String currency, String name, String remittance, String reference) {
		String xml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
				  <BkToCstmrStmt>
				    <Stmt>
				      <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
				      <Ntry>
				        <Amt Ccy="%s">%s</Amt>
				        <CdtDbtInd>CRDT</CdtDbtInd>
				        <Sts>BOOK</Sts>
				        <BookgDt><Dt>2026-11-20</Dt></BookgDt>
				        <AcctSvcrRef>%s</AcctSvcrRef>
				        <NtryDtls><TxDtls>
				          <RltdPties><Dbtr><Nm>%s</Nm></Dbtr></RltdPties>
				          <RmtInf><Ustrd>%s</Ustrd></RmtInf>
				        </TxDtls></NtryDtls>
				      </Ntry>
				    </Stmt>
				  </BkToCstmrStmt>
				</Document>
				""".formatted(escaped(currency), escaped(amount), escaped(reference), escaped(name),
				escaped(remittance));
		return xml.getBytes(StandardCharsets.UTF_8);
	}

	private static String escaped(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
