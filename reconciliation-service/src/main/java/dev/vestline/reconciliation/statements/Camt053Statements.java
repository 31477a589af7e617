package dev.vestline.reconciliation.statements;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads ISO 20022 camt.053 statements (any 001.xx version: elements are matched by local
 * name) with a parser that refuses DTDs and external entities. One entry ({@code Ntry})
 * is one bank line; a batch booking's transaction details are not split.
 */
final class Camt053Statements {

	private Camt053Statements() {
	}

	static List<StatementEntry> parse(byte[] xml) {
		Element document = read(xml).getDocumentElement();
		if (!"Document".equals(document.getLocalName())) {
			throw new MalformedStatementException("/", "the root element is not a camt.053 Document");
		}
		Element report = Xml.child(document, "BkToCstmrStmt");
		if (report == null) {
			throw new MalformedStatementException("Document", "no BkToCstmrStmt: not a camt.053 statement");
		}
		List<StatementEntry> entries = new ArrayList<>();
		List<Element> statements = Xml.children(report, "Stmt");
		for (int s = 0; s < statements.size(); s++) {
			Element statement = statements.get(s);
			String where = "Stmt[" + (s + 1) + "]";
			String account = account(where, statement);
			List<Element> lines = Xml.children(statement, "Ntry");
			for (int n = 0; n < lines.size(); n++) {
				entries.add(CamtEntry.read(where + "/Ntry[" + (n + 1) + "]", account, lines.get(n)));
			}
		}
		return entries;
	}

	private static String account(String where, Element statement) {
		String iban = Xml.text(statement, "Acct", "Id", "IBAN");
		String other = Xml.text(statement, "Acct", "Id", "Othr", "Id");
		String account = (iban != null) ? iban : other;
		if (account == null) {
			throw new MalformedStatementException(where + "/Acct", "no account Id (IBAN or Othr/Id)");
		}
		return account.replace(" ", "");
	}

	private static Document read(byte[] xml) {
		try {
			DocumentBuilder builder = secureFactory().newDocumentBuilder();
			builder.setErrorHandler(Rethrow.INSTANCE);
			return builder.parse(new ByteArrayInputStream(xml));
		}
		catch (SAXParseException ex) {
			throw new MalformedStatementException("line " + ex.getLineNumber() + ", column " + ex.getColumnNumber(),
					"not well-formed XML: " + ex.getMessage(), ex);
		}
		catch (SAXException | IOException ex) {
			throw new MalformedStatementException("/", "not readable as XML: " + ex.getMessage(), ex);
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		// a bank file never needs a DTD: refusing it rules out XXE and entity expansion
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		factory.setXIncludeAware(false);
		factory.setExpandEntityReferences(false);
		return factory;
	}

	/** Turns parser warnings into failures instead of printing them to stderr. */
	private enum Rethrow implements ErrorHandler {

		INSTANCE;

		@Override
		public void warning(SAXParseException exception) {
		}

		@Override
		public void error(SAXParseException exception) throws SAXException {
			throw exception;
		}

		@Override
		public void fatalError(SAXParseException exception) throws SAXException {
			throw exception;
		}

	}

	/** One {@code Ntry}. */
	private static final class CamtEntry {

		static StatementEntry read(String where, String account, Element entry) {
			String amountText = required(where, entry, "Amt");
			Element amountElement = Xml.child(entry, "Amt");
			String currency = Amounts.currency(where + "/Amt/@Ccy",
					(amountElement != null) ? amountElement.getAttribute("Ccy") : "");
			BigDecimal amount = Amounts.amount(where + "/Amt", amountText);
			if (amount.signum() < 0) {
				throw new MalformedStatementException(where + "/Amt", "camt.053 amounts are unsigned");
			}
			String direction = required(where, entry, "CdtDbtInd");
			if (!direction.equals("CRDT") && !direction.equals("DBIT")) {
				throw new MalformedStatementException(where + "/CdtDbtInd", "'" + direction + "' is not CRDT or DBIT");
			}
			boolean credit = direction.equals("CRDT");
			String status = required(where, entry, "Sts");
			String reference = bankReference(where, entry);
			String date = firstOf(Xml.text(entry, "BookgDt", "Dt"), Xml.text(entry, "BookgDt", "DtTm"));
			if (date == null) {
				throw new MalformedStatementException(where + "/BookgDt", "no booking date (Dt or DtTm)");
			}
			String counterparty = credit ? party(entry, "Dbtr") : party(entry, "Cdtr");
			BankLine line = new BankLine(account, reference, credit ? amount : amount.negate(), currency,
					Amounts.date(where + "/BookgDt", date), counterparty, remittance(entry));
			return new StatementEntry(where, line, status.equals("BOOK") ? null : status);
		}

		private static String bankReference(String where, Element entry) {
			String reference = firstOf(Xml.text(entry, "AcctSvcrRef"),
					Xml.text(entry, "NtryDtls", "TxDtls", "Refs", "AcctSvcrRef"));
			if (reference == null) {
				throw new MalformedStatementException(where + "/AcctSvcrRef",
						"no bank reference: AcctSvcrRef is needed to import a line once");
			}
			return reference;
		}

		private static @Nullable String party(Element entry, String role) {
			return firstOf(Xml.text(entry, "NtryDtls", "TxDtls", "RltdPties", role, "Nm"),
					Xml.text(entry, "NtryDtls", "TxDtls", "RltdPties", role, "Pty", "Nm"));
		}

		private static @Nullable String remittance(Element entry) {
			String structured = Xml.text(entry, "NtryDtls", "TxDtls", "RmtInf", "Strd", "CdtrRefInf", "Ref");
			String unstructured = Xml.text(entry, "NtryDtls", "TxDtls", "RmtInf", "Ustrd");
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

}
