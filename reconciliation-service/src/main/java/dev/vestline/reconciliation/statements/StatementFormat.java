package dev.vestline.reconciliation.statements;

/**
 * The statement formats the import reads.
 */
enum StatementFormat {

	/** ISO 20022 camt.053 bank-to-customer statement, versions 001.02 to 001.13. */
	CAMT053,

	/** The CSV format documented in the README. */
	CSV

}
