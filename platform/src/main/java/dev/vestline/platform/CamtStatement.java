package dev.vestline.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A camt.053 bank statement of credits to the platform's collection account, as the bank
 * would send it.
 */
final class CamtStatement {

	static final String ACCOUNT = "DE89370400440532013000";

	private final String id;

	private final LocalDate bookedOn;

	private final List<String> entries = new ArrayList<>();

	CamtStatement(String id, LocalDate bookedOn) {
		this.id = id;
		this.bookedOn = bookedOn;
	}

	/** A credit whose payer wrote free text, e.g. the investor id, as remittance. */
	CamtStatement credit(String bankReference, BigDecimal amount, String currency, String payer, String remittance) {
		return entry(bankReference, amount, currency, payer, "<Ustrd>" + escape(remittance) + "</Ustrd>");
	}

	/** A credit quoting a structured creditor reference (ISO 11649 RF). */
	CamtStatement creditWithReference(String bankReference, BigDecimal amount, String currency, String payer,
			String creditorReference) {
		return entry(bankReference, amount, currency, payer,
				"<Strd><CdtrRefInf><Ref>" + escape(creditorReference) + "</Ref></CdtrRefInf></Strd>");
	}

	private CamtStatement entry(String bankReference, BigDecimal amount, String currency, String payer,
			String remittance) {
		this.entries.add("""
				      <Ntry>
				        <Amt Ccy="%s">%s</Amt>
				        <CdtDbtInd>CRDT</CdtDbtInd>
				        <Sts>BOOK</Sts>
				        <BookgDt><Dt>%s</Dt></BookgDt>
				        <AcctSvcrRef>%s</AcctSvcrRef>
				        <NtryDtls><TxDtls>
				          <RltdPties><Dbtr><Nm>%s</Nm></Dbtr></RltdPties>
				          <RmtInf>%s</RmtInf>
				        </TxDtls></NtryDtls>
				      </Ntry>
				""".formatted(currency, amount.toPlainString(), this.bookedOn, escape(bankReference), escape(payer),
				remittance));
		return this;
	}

	String xml() {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
				  <BkToCstmrStmt>
				    <GrpHdr><MsgId>%1$s</MsgId><CreDtTm>%2$sT18:00:00</CreDtTm></GrpHdr>
				    <Stmt>
				      <Id>%1$s</Id>
				      <CreDtTm>%2$sT18:00:00</CreDtTm>
				      <Acct><Id><IBAN>%3$s</IBAN></Id></Acct>
				%4$s    </Stmt>
				  </BkToCstmrStmt>
				</Document>
				""".formatted(escape(this.id), this.bookedOn, ACCOUNT, String.join("", this.entries));
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
