package dev.vestline.console.live;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.vestline.console.pages.Area;
import dev.vestline.console.signin.Person;

/**
 * A page's stream of live updates ({@code text/event-stream}):
 * {@code /live/approval/{id}} for an approval's page, {@code /live/approval} for the
 * queue, {@code /live/signature/{id}} for a workflow's, {@code /live/billing/{id}} for an
 * invoice's. Only for a person whose roles give the topic's area; the stream says only
 * "changed", never what.
 */
@Controller
class LiveController {

	private static final Map<String, Area> AREAS = Map.of("approval", Area.APPROVALS, "signature", Area.SIGNING,
			"billing", Area.BILLING, "reconciliation", Area.RECONCILIATION);

	private final Watchers watchers;

	private final BrokerWatch broker;

	private final LiveProperties properties;

	LiveController(Watchers watchers, BrokerWatch broker, LiveProperties properties) {
		this.watchers = watchers;
		this.broker = broker;
		this.properties = properties;
	}

	@GetMapping(path = { "/live/{topic}", "/live/{topic}/{id}" }, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter follow(@PathVariable String topic, @PathVariable(required = false) @Nullable UUID id,
			Authentication authentication, HttpSession session) {
		Area area = AREAS.get(topic);
		if (area == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No live updates for " + topic);
		}
		if (!Person.of(authentication).hasAny(area.roles())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"The " + area.title() + " area is for people with the role " + area.rolesInWords());
		}
		SseEmitter stream = new SseEmitter(this.properties.streamTimeout().toMillis());
		this.watchers.add(session.getId(), new Watch(topic, id), stream, this.broker.live());
		return stream;
	}

}
