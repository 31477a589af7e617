package dev.vestline.reconciliation.statements;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;

/**
 * Reads ISO 20022 camt.053 statements (any 001.xx version: elements are matched by local
 * name) with a parser that refuses DTDs and external entities. One entry ({@code Ntry})
 * is one bank line; a batch booking's transaction details are not split.
 */
final class Camt053Statements {

	private Camt053Statements() {
	}

	static List<StatementEntry> parse(byte[] xml) {
		Element document = Xml.parse(xml).getDocumentElement();
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
		return Texts.required(where + "/Acct/Id", account.replace(" ", ""), StatementLimits.ACCOUNT_ID);
	}

}
