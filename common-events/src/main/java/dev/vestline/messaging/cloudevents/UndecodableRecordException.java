package dev.vestline.messaging.cloudevents;

/**
 * A record that cannot be read as a Vestline event: retrying will not help, so it is
 * dead-lettered at once.
 */
public class UndecodableRecordException extends RuntimeException {

	public UndecodableRecordException(String message) {
		super(message);
	}

	public UndecodableRecordException(String message, Throwable cause) {
		super(message, cause);
	}

}
