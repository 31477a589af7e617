package dev.vestline.messaging.deadletters;

/**
 * Another replay of the same dead-letter topic is running, on this replica or another.
 */
public class ReplayRunningException extends RuntimeException {

	ReplayRunningException(String deadLetterTopic) {
		super("A replay of " + deadLetterTopic + " is already running; try again when it has finished");
	}

}
