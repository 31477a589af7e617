package dev.vestline.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of the event contracts, used by producers and consumers alike.
 * Unknown fields are ignored (a consumer reads newer producers' events); absent optional
 * fields are left out rather than written as {@code null}.
 */
public final class EventJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		// 1000, never 1E+3: amounts are decimal strings every consumer can parse
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.changeDefaultPropertyInclusion((incl) -> incl.withValueInclusion(JsonInclude.Include.NON_NULL)
			.withContentInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private EventJson() {
	}

	/**
	 * @param event an event record
	 * @return its JSON, UTF-8
	 */
	public static byte[] write(DomainEvent event) {
		return MAPPER.writeValueAsBytes(event);
	}

	/**
	 * @param json the JSON payload
	 * @param type the record to read it into
	 * @param <T> the record type
	 * @return the event
	 * @throws tools.jackson.core.JacksonException when the payload does not fit the
	 * contract
	 */
	public static <T extends DomainEvent> T read(byte[] json, Class<T> type) {
		return MAPPER.readValue(json, type);
	}

}
