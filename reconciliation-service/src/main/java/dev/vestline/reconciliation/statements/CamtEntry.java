package dev.vestline.reconciliation.statements;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * Reads one camt.053 entry ({@code Ntry}) into a bank line.
 */
final class CamtEntry {

	private CamtEntry() {
	}

	static StatementEntry read(String where, String account, Element entry) {
		String amountText = required(where, entry, "Amt");
		Element amountElement = Xml.child(entry, "Amt");
		String currency = Amounts.currency(where + "/Amt/@Ccy",
				(amountElement != null) ? amountElement.getAttribute("Ccy") : "");
		BigDecimal amount = Amounts.amount(where + "/Amt", amountText, currency);
		if (amount.signum() < 0) {
			throw new MalformedStatementException(where + "/Amt", "camt.053 amounts are unsigned");
		}
		String direction = required(where, entry, "CdtDbtInd");
		if (!direction.equals("CRDT") && !direction.equals("DBIT")) {
			throw new MalformedStatementException(where + "/CdtDbtInd",
					"'" + Texts.abbreviated(direction) + "' is not CRDT or DBIT");
		}
		boolean credit = direction.equals("CRDT");
		String status = required(where, entry, "Sts");
		String reference = bankReference(where, entry);
		String date = firstOf(Xml.text(entry, "BookgDt", "Dt"), Xml.text(entry, "BookgDt", "DtTm"));
		if (date == null) {
			throw new MalformedStatementException(where + "/BookgDt", "no booking date (Dt or DtTm)");
		}
		String counterparty = credit ? party(where, entry, "Dbtr") : party(where, entry, "Cdtr");
		BankLine line = new BankLine(account, reference, credit ? amount : amount.negate(), currency,
				Amounts.date(where + "/BookgDt", date), counterparty, remittance(where, entry));
		return new StatementEntry(where, line, status.equals("BOOK") ? null : Texts.abbreviated(status));
	}

	private static String bankReference(String where, Element entry) {
		String own = Xml.text(entry, "AcctSvcrRef");
		if (own != null) {
			return Texts.required(where + "/AcctSvcrRef", own, StatementLimits.BANK_REFERENCE);
		}
		String detail = Xml.text(entry, "NtryDtls", "TxDtls", "Refs", "AcctSvcrRef");
		if (detail == null) {
			throw new MalformedStatementException(where + "/AcctSvcrRef",
					"no bank reference: AcctSvcrRef is needed to import a line once");
		}
		return Texts.required(where + "/NtryDtls/TxDtls/Refs/AcctSvcrRef", detail, StatementLimits.BANK_REFERENCE);
	}

	private static @Nullable String party(String where, Element entry, String role) {
		String path = where + "/NtryDtls/TxDtls/RltdPties/" + role;
		String name = Xml.text(entry, "NtryDtls", "TxDtls", "RltdPties", role, "Nm");
		if (name != null) {
			return Texts.optional(path + "/Nm", name, StatementLimits.COUNTERPARTY_NAME);
		}
		return Texts.optional(path + "/Pty/Nm", Xml.text(entry, "NtryDtls", "TxDtls", "RltdPties", role, "Pty", "Nm"),
				StatementLimits.COUNTERPARTY_NAME);
	}

	private static @Nullable String remittance(String where, Element entry) {
		String path = where + "/NtryDtls/TxDtls/RmtInf";
		String structured = Texts.optional(path + "/Strd/CdtrRefInf/Ref",
				Xml.text(entry, "NtryDtls", "TxDtls", "RmtInf", "Strd", "CdtrRefInf", "Ref"),
				StatementLimits.CREDITOR_REFERENCE);
		String unstructured = Texts.optional(path + "/Ustrd", Xml.text(entry, "NtryDtls", "TxDtls", "RmtInf", "Ustrd"),
				StatementLimits.REMITTANCE_INFORMATION);
		if (structured != null && unstructured != null) {
			return structured + " " + unstructured;
		}
		return firstOf(structured, unstructured);
	}

	private static String required(String where, Element entry, String name) {
		String value = Xml.text(entry, name);
		if (value == null) {
			throw new MalformedStatementException(where + "/" + name, "missing");
		}
		return value;
	}

	private static @Nullable String firstOf(@Nullable String first, @Nullable String second) {
		return (first != null) ? first : second;
	}

}
