package dev.vestline.console.operations;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Every service's operations and dead-letter API as the operations area calls it, as the
 * signed-in person.
 */
@Component
class OperationsApi {

	/** Audit entries per page. */
	static final int PAGE = 20;

	/** Dead letters shown per topic. */
	static final int LETTERS = 100;

	private final Map<Service, RestClient> clients = new EnumMap<>(Service.class);

	OperationsApi(@Qualifier("approvalApi") RestClient approval, @Qualifier("signatureApi") RestClient signature,
			@Qualifier("billingApi") RestClient billing, @Qualifier("reconciliationApi") RestClient reconciliation) {
		this.clients.put(Service.APPROVAL, approval);
		this.clients.put(Service.SIGNATURE, signature);
		this.clients.put(Service.BILLING, billing);
		this.clients.put(Service.RECONCILIATION, reconciliation);
	}

	ServiceStatus status(Service service) {
		return Objects
			.requireNonNull(api(service).get().uri("/api/v1/operations/status").retrieve().body(ServiceStatus.class));
	}

	List<ServiceStatus.DeadLetterCount> topics(Service service) {
		return Objects.requireNonNull(api(service).get()
			.uri("/api/v1/dead-letters")
			.retrieve()
			.body(new ParameterizedTypeReference<List<TopicView>>() {
			}))
			.stream()
			.map((topic) -> new ServiceStatus.DeadLetterCount(topic.deadLetterTopic(), topic.topic(),
					topic.consumerGroup(), topic.pending(), null))
			.toList();
	}

	DeadLetter.Pending pending(Service service, String deadLetterTopic) {
		return Objects.requireNonNull(api(service).get()
			.uri("/api/v1/dead-letters/{dlt}?limit={limit}", deadLetterTopic, LETTERS)
			.retrieve()
			.body(DeadLetter.Pending.class));
	}

	DeadLetter.Replay replay(Service service, String deadLetterTopic, String reason) {
		return Objects.requireNonNull(api(service).post()
			.uri("/api/v1/dead-letters/{dlt}/replay", deadLetterTopic)
			.body(Map.of("reason", reason))
			.retrieve()
			.body(DeadLetter.Replay.class));
	}

	DeadLetter discard(Service service, String deadLetterTopic, int partition, long offset, String reason) {
		return Objects.requireNonNull(api(service).post()
			.uri("/api/v1/dead-letters/{dlt}/discard", deadLetterTopic)
			.body(Map.of("partition", partition, "offset", offset, "reason", reason))
			.retrieve()
			.body(DeadLetter.class));
	}

	OperatorAction.Page actions(Service service, @Nullable Long after) {
		return Objects.requireNonNull(api(service).get()
			.uri((uri) -> uri.path("/api/v1/operations/actions")
				.queryParamIfPresent("after", Optional.ofNullable(after))
				.queryParam("limit", PAGE)
				.build())
			.retrieve()
			.body(OperatorAction.Page.class));
	}

	private RestClient api(Service service) {
		return this.clients.get(service);
	}

	/**
	 * A dead-letter topic as {@code GET /api/v1/dead-letters} lists it.
	 */
	record TopicView(String topic, String consumerGroup, String deadLetterTopic, long pending) {
	}

}
