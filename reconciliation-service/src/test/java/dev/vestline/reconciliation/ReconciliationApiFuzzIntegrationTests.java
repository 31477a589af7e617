package dev.vestline.reconciliation;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import dev.vestline.fuzz.Access;
import dev.vestline.fuzz.ApiFuzzer;
import dev.vestline.support.security.DevTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every operation of reconciliation's OpenAPI document, statement uploads as CSV and
 * camt.053 included, answered without a 5xx, with a problem for every error, and nothing
 * written by a refused request (see the api-fuzz module).
 */
class ReconciliationApiFuzzIntegrationTests extends ServiceIntegrationTest {

	private static final DevTokens TOKENS = DevTokens.example();

	private static final String STATEMENTS = "POST /api/v1/bank-statements";

	/** One bank line, each of its values made hostile in turn. */
	private static final Map<String, String> LINE = new LinkedHashMap<>();

	static {
		LINE.put("account", "DE89370400440532013000");
		LINE.put("reference", "FUZZ-0001");
		LINE.put("date", "2026-11-20");
		LINE.put("amount", "100.00");
		LINE.put("currency", "EUR");
		LINE.put("counterparty", "Fuzz Investor");
		LINE.put("remittance", "Subscription fuzz");
	}

	private static final String CSV = """
			account_id,bank_reference,booking_date,amount,currency,counterparty_name,remittance_information
			${account},${reference},${date},${amount},${currency},"${counterparty}","${remittance}"
			""";

	private static final String CAMT053 = """
			<?xml version="1.0" encoding="UTF-8"?>
			<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
			<GrpHdr><MsgId>FUZZ</MsgId><CreDtTm>2026-11-20T18:00:00</CreDtTm></GrpHdr>
			<Stmt><Id>FUZZ-1</Id><CreDtTm>2026-11-20T18:00:00</CreDtTm>
			<Acct><Id><IBAN>${account}</IBAN></Id><Ccy>${currency}</Ccy></Acct>
			<Ntry><Amt Ccy="${currency}">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
			<BookgDt><Dt>${date}</Dt></BookgDt><AcctSvcrRef>${reference}</AcctSvcrRef>
			<NtryDtls><TxDtls><RltdPties><Dbtr><Nm>${counterparty}</Nm></Dbtr></RltdPties>
			<RmtInf><Ustrd>${remittance}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
			</Stmt></BkToCstmrStmt></Document>
			""";

	@Autowired
	DataSource dataSource;

	@Test
	void answersEveryHostileRequestWithoutServerErrorsWithProblemsAndWithoutWrites() {
		new ApiFuzzer("reconciliation", "http://localhost:" + this.port,
				new Access(TOKENS.token("fuzz", "operations"), TOKENS.token("fuzz", "nobody")), this.dataSource)
			.template(STATEMENTS, "text/csv", CSV, LINE)
			.template(STATEMENTS, "application/xml", CAMT053, LINE)
			// a dead-letter topic this service has, so discard and replay get past the
			// lookup
			.parameter("deadLetterTopic", "signature.events.reconciliation.dlt")
			.run()
			.assertNoFindings();
	}

}
