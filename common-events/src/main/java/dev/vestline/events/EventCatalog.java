package dev.vestline.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type Vestline knows, looked up by Java type or by CloudEvents type.
 */
public final class EventCatalog {

	private final Map<Class<?>, EventType> byJavaType;

	private final Map<String, EventType> byCeType;

	public EventCatalog(Collection<EventType> types) {
		this.byJavaType = types.stream()
			.collect(Collectors.toUnmodifiableMap(EventType::javaType, Function.identity()));
		this.byCeType = types.stream().collect(Collectors.toUnmodifiableMap(EventType::ceType, Function.identity()));
	}

	/**
	 * @return the v1 catalogue of the four topics
	 */
	public static EventCatalog v1() {
		return new EventCatalog(V1Events.ALL);
	}

	/**
	 * @param more further event types (a new version published beside the old one)
	 * @return a catalogue with this one's types and {@code more}
	 */
	public EventCatalog with(EventType... more) {
		List<EventType> all = new ArrayList<>(this.byJavaType.values());
		all.addAll(List.of(more));
		return new EventCatalog(all);
	}

	/**
	 * @param javaType an event record
	 * @return its event type
	 * @throws IllegalArgumentException if the record is not in the catalogue
	 */
	public EventType of(Class<? extends DomainEvent> javaType) {
		EventType type = this.byJavaType.get(javaType);
		if (type == null) {
			throw new IllegalArgumentException(javaType.getName() + " is not in the event catalogue");
		}
		return type;
	}

	/**
	 * @param ceType a CloudEvents type
	 * @return the event type, empty when this catalogue does not know it
	 */
	public Optional<EventType> byCeType(String ceType) {
		return Optional.ofNullable(this.byCeType.get(ceType));
	}

	/**
	 * @return every known event type
	 */
	public Collection<EventType> all() {
		return this.byJavaType.values();
	}

}
