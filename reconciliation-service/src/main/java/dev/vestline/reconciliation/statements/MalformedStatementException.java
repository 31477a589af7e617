package dev.vestline.reconciliation.statements;

import java.util.Map;

import dev.vestline.support.domain.InvalidInput;

/**
 * A statement file that cannot be read; nothing of it is imported. Answered 400
 * {@code malformed-statement} with the line or element in {@code where}.
 */
public class MalformedStatementException extends InvalidInput {

	private final String where;

	MalformedStatementException(String where, String message) {
		super("malformed-statement", "Malformed bank statement",
				where + ": " + message + ". Nothing of the file was imported.", Map.of());
		this.where = where;
		with("where", where);
	}

	MalformedStatementException(String where, String message, Throwable cause) {
		this(where, message);
		initCause(cause);
	}

	/**
	 * @return the element path or line that is wrong
	 */
	public String where() {
		return this.where;
	}

}
