package dev.vestline.events;

/**
 * A fact, in the past tense, that a Vestline service publishes about one aggregate.
 */
public interface DomainEvent {

	/**
	 * The id of the aggregate the event is about. It becomes the Kafka record key (so the
	 * events of one aggregate stay in order) and the CloudEvents {@code subject}.
	 * @return the aggregate id, never blank
	 */
	String aggregateId();

}
