package dev.vestline.reconciliation.statements;

/**
 * A statement file that cannot be read; nothing of it is imported.
 */
public class MalformedStatementException extends RuntimeException {

	private final String where;

	MalformedStatementException(String where, String message) {
		super(where + ": " + message);
		this.where = where;
	}

	MalformedStatementException(String where, String message, Throwable cause) {
		super(where + ": " + message, cause);
		this.where = where;
	}

	/**
	 * @return the element path or line that is wrong
	 */
	public String where() {
		return this.where;
	}

}
