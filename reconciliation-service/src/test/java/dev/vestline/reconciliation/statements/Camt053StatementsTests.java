package dev.vestline.reconciliation.statements;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Camt053StatementsTests {

	@Test
	void readsEveryEntryOfASampleStatement() {
		List<StatementEntry> entries = Camt053Statements.parse(StatementFiles.sample("DE89 3704 0044 0532 0130 00",
				"REF", "inv-alice", "RF18 5390 0754 7034", "250000.00"));

		assertThat(entries).hasSize(4);
		assertThat(entries.get(0).where()).isEqualTo("Stmt[1]/Ntry[1]");
		assertThat(entries.get(0).line())
			.isEqualTo(new BankLine("DE89370400440532013000", "REF-0001", new BigDecimal("250000.00"), "EUR",
					LocalDate.of(2026, 11, 20), "Alice Investor", "Subscription inv-alice"));
		assertThat(entries.get(0).notBookedStatus()).isNull();
		assertThat(entries.get(1).line().bankReference()).isEqualTo("REF-0002");
		assertThat(entries.get(1).line().remittanceInformation()).isEqualTo("RF18 5390 0754 7034");
		assertThat(entries.get(1).line().bookingDate()).isEqualTo(LocalDate.of(2026, 11, 20));
		assertThat(entries.get(2).line().amount()).isEqualByComparingTo("-99.50");
		assertThat(entries.get(2).line().counterpartyName()).isEqualTo("Bank fees");
		assertThat(entries.get(3).notBookedStatus()).isEqualTo("PDNG");
	}

	@Test
	void readsStatusCodesAndOtherAccountIdsOfNewerVersions() {
		byte[] xml = StatementFiles.load("camt053-missing-reference.xml", Map.of("ACCOUNT", "ACC-1", "PREFIX", "X"));

		assertThatThrownBy(() -> Camt053Statements.parse(xml)).isInstanceOf(MalformedStatementException.class)
			.hasMessageContaining("Stmt[1]/Ntry[2]/AcctSvcrRef")
			.extracting((ex) -> ((MalformedStatementException) ex).where())
			.isEqualTo("Stmt[1]/Ntry[2]/AcctSvcrRef");
	}

	@Test
	void namesTheLineOfXmlThatIsNotWellFormed() {
		byte[] xml = """
				<?xml version="1.0"?>
				<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
				  <BkToCstmrStmt>
				    <Stmt>
				  </BkToCstmrStmt>
				</Document>
				""".getBytes(StandardCharsets.UTF_8);

		assertThatThrownBy(() -> Camt053Statements.parse(xml)).isInstanceOf(MalformedStatementException.class)
			.hasMessageStartingWith("line 5");
	}

	@Test
	void refusesDoctypesSoNoExternalEntityIsEverRead() {
		byte[] xml = """
				<?xml version="1.0"?>
				<!DOCTYPE Document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
				<Document><BkToCstmrStmt><Stmt><Id>&secret;</Id></Stmt></BkToCstmrStmt></Document>
				""".getBytes(StandardCharsets.UTF_8);

		assertThatThrownBy(() -> Camt053Statements.parse(xml)).isInstanceOf(MalformedStatementException.class)
			.hasMessageContaining("DOCTYPE");
	}

	@Test
	void refusesAnAmountThatIsNotANumber() {
		byte[] xml = StatementFiles.sample("ACC", "R", "inv", "RF18", "12,50");

		assertThatThrownBy(() -> Camt053Statements.parse(xml)).isInstanceOf(MalformedStatementException.class)
			.hasMessageContaining("Stmt[1]/Ntry[1]/Amt");
	}

	@Test
	void refusesTextsOverTheirIsoLimitsNamingTheElement() {
		byte[] longName = StatementFiles.sample("DE89370400440532013000", "L", "inv-x", "RF18 5390 0754 7034", "1.00");
		String xml = new String(longName, StandardCharsets.UTF_8).replace("Alice Investor", "A".repeat(141));
		assertThatThrownBy(() -> Camt053Statements.parse(xml.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(MalformedStatementException.class)
			.hasMessageStartingWith("Stmt[1]/Ntry[1]/NtryDtls/TxDtls/RltdPties/Dbtr/Nm: ")
			.hasMessageContaining("at most 140 characters");

		byte[] longReference = StatementFiles.sample("DE89370400440532013000", "R".repeat(31), "inv-x",
				"RF18 5390 0754 7034", "1.00");
		assertThatThrownBy(() -> Camt053Statements.parse(longReference)).isInstanceOf(MalformedStatementException.class)
			.hasMessageStartingWith("Stmt[1]/Ntry[1]/AcctSvcrRef: ")
			.hasMessageContaining("at most 35 characters");

		byte[] longRemittance = StatementFiles.sample("DE89370400440532013000", "U", "i".repeat(140), "RF18", "1.00");
		assertThatThrownBy(() -> Camt053Statements.parse(longRemittance))
			.isInstanceOf(MalformedStatementException.class)
			.hasMessageStartingWith("Stmt[1]/Ntry[1]/NtryDtls/TxDtls/RmtInf/Ustrd: ");
	}

}
