package dev.vestline.messaging;

import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure of the database to answer (no pooled connection within the pool's
 * timeout, no answer within the socket timeout, a broken connection, a commit or rollback
 * on a connection the database dropped) from a failure of the work itself. The same
 * request or record may be tried again once the database is back: a caller gets a 503, a
 * consumer waits.
 */
public final class DatabaseAway {

	private DatabaseAway() {
	}

	/**
	 * @param failure what was thrown
	 * @return whether it, or anything that caused it, is the database not answering
	 */
	public static boolean caused(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof TransientDataAccessResourceException || cause instanceof QueryTimeoutException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof TransactionSystemException) {
				return true;
			}
		}
		return false;
	}

}
