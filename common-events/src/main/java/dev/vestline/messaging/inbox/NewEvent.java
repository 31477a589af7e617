package dev.vestline.messaging.inbox;

import dev.vestline.events.DomainEvent;
import dev.vestline.messaging.EventContext;

/**
 * An event the inbox has not applied before, as a batch handler receives it: with the
 * context that the events it causes must carry (its {@code causationId} is this event's
 * id). A handler that appends events for it runs the append in
 * {@code context().run(...)}.
 *
 * @param event the event
 * @param context its correlation id, its own id as causation id, and its trace context
 * @param <E> the event's family
 */
public record NewEvent<E extends DomainEvent>(E event, EventContext context) {

}
