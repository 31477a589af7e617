package dev.vestline.console.approvals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * approval-service's deals API, called as the signed-in person: a deal with its ETag, its
 * change history, creating one with an {@code Idempotency-Key}, and a capacity change
 * sent with {@code If-Match}.
 */
@Component
class DealsApi {

	private final RestClient api;

	DealsApi(@Qualifier("approvalApi") RestClient api) {
		this.api = api;
	}

	List<Deal> deals() {
		return Objects.requireNonNull(this.api.get().uri("/api/v1/deals?limit=100").retrieve().body(Deal.Page.class))
			.items();
	}

	Seen deal(UUID id) {
		ResponseEntity<Deal> answer = this.api.get().uri("/api/v1/deals/{id}", id).retrieve().toEntity(Deal.class);
		return new Seen(Objects.requireNonNull(answer.getBody()),
				Objects.requireNonNull(answer.getHeaders().getETag()));
	}

	List<DealChange> changes(UUID id) {
		return Objects.requireNonNull(this.api.get()
			.uri("/api/v1/deals/{id}/changes", id)
			.retrieve()
			.body(new ParameterizedTypeReference<List<DealChange>>() {
			}));
	}

	/**
	 * Creates a deal.
	 * @param key the form's idempotency key: the same form sent twice creates once
	 * @return the new deal's id
	 */
	UUID create(DealForm form, String key) {
		Deal created = this.api.post()
			.uri("/api/v1/deals")
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.body(form.body())
			.retrieve()
			.body(Deal.class);
		return Objects.requireNonNull(created).id();
	}

	void changeCapacity(UUID id, String etag, BigDecimal capacity, String reason) {
		this.api.patch()
			.uri("/api/v1/deals/{id}", id)
			.header("If-Match", etag)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("capacity", capacity, "reason", reason))
			.retrieve()
			.toBodilessEntity();
	}

	/**
	 * A deal and the ETag it was read with.
	 *
	 * @param deal the deal
	 * @param etag its ETag, sent back as {@code If-Match}
	 */
	record Seen(Deal deal, String etag) {
	}

}
