package dev.vestline.reconciliation.statements;

/**
 * How long each text of a statement line may be, in characters (Unicode code points):
 * what ISO 20022 allows where the element is (Max34Text, Max35Text, Max140Text), so that
 * no bank file in the standard is refused and no line can make an event, a row or an
 * index entry anywhere near a limit of the broker or the database.
 */
final class StatementLimits {

	/** An IBAN has at most 34 characters, as has {@code Othr/Id} (Max34Text). */
	static final int ACCOUNT_ID = 34;

	/** {@code AcctSvcrRef} is a Max35Text. */
	static final int BANK_REFERENCE = 35;

	/** {@code Nm} of a party is a Max140Text. */
	static final int COUNTERPARTY_NAME = 140;

	/** {@code RmtInf/Ustrd} is a Max140Text; so is the CSV column. */
	static final int REMITTANCE_INFORMATION = 140;

	/** {@code CdtrRefInf/Ref}, the structured creditor reference, is a Max35Text. */
	static final int CREDITOR_REFERENCE = 35;

	/** A camt.053 line keeps the creditor reference, a space and the free text. */
	static final int REMITTANCE_STORED = CREDITOR_REFERENCE + 1 + REMITTANCE_INFORMATION;

	/**
	 * An amount is written in at most 18 digits (ISO 20022 totalDigits), a point and a
	 * sign; a longer text is refused before it is read as a number.
	 */
	static final int AMOUNT_TEXT = 20;

	private StatementLimits() {
	}

}
