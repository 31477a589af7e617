package dev.vestline.console.approvals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * approval-service's public API, called as the signed-in person: the pending queue (by
 * deal, kind and age), one approval with its ETag, its history, deals, a subscription
 * requested on an investor's behalf, and a decision sent with {@code If-Match}.
 */
@Component
class ApprovalsApi {

	/** As many as the API gives in one page. */
	static final int PAGE = 20;

	private final RestClient api;

	ApprovalsApi(@Qualifier("approvalApi") RestClient api) {
		this.api = api;
	}

	/**
	 * @param now the moment the filter's age is measured from
	 */
	Approval.Page pending(QueueFilter filter, Instant now, @Nullable UUID after) {
		return Objects.requireNonNull(this.api.get()
			.uri((uri) -> uri.path("/api/v1/approvals")
				.queryParam("status", "PENDING")
				.queryParamIfPresent("dealId", Optional.ofNullable(filter.deal()))
				.queryParamIfPresent("kind", Optional.ofNullable(filter.kind()))
				.queryParamIfPresent("requestedBefore", Optional.ofNullable(filter.requestedBefore(now)))
				.queryParamIfPresent("decidableByMe", filter.mine() ? Optional.of(true) : Optional.empty())
				.queryParamIfPresent("after", Optional.ofNullable(after))
				.queryParam("limit", PAGE)
				.build())
			.retrieve()
			.body(Approval.Page.class));
	}

	Seen approval(UUID id) {
		ResponseEntity<Approval> answer = this.api.get()
			.uri("/api/v1/approvals/{id}", id)
			.retrieve()
			.toEntity(Approval.class);
		return new Seen(Objects.requireNonNull(answer.getBody()),
				Objects.requireNonNull(answer.getHeaders().getETag()));
	}

	List<HistoryEntry> history(UUID id) {
		return Objects.requireNonNull(this.api.get()
			.uri("/api/v1/approvals/{id}/history", id)
			.retrieve()
			.body(new ParameterizedTypeReference<List<HistoryEntry>>() {
			}));
	}

	Deal deal(UUID id) {
		return Objects.requireNonNull(this.api.get().uri("/api/v1/deals/{id}", id).retrieve().body(Deal.class));
	}

	List<Deal> deals() {
		return Objects.requireNonNull(this.api.get().uri("/api/v1/deals?limit=100").retrieve().body(Deal.Page.class))
			.items();
	}

	/**
	 * Requests a subscription's approval on the investor's behalf.
	 * @param key the form's idempotency key: the same form sent twice requests once
	 * @return the approval's id
	 */
	UUID request(SubscriptionRequest form, String key) {
		Approval requested = this.api.post()
			.uri("/api/v1/approvals")
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.body(form.body())
			.retrieve()
			.body(Approval.class);
		return Objects.requireNonNull(requested).id();
	}

	/**
	 * Decides the current step as it was when the person saw it.
	 * @param etag the ETag the page was rendered with
	 */
	void decide(UUID id, String etag, String verdict, @Nullable String reason) {
		this.api.post()
			.uri("/api/v1/approvals/{id}/decisions", id)
			.header("If-Match", etag)
			.contentType(MediaType.APPLICATION_JSON)
			.body((reason != null && !reason.isBlank()) ? Map.of("decision", verdict, "reason", reason)
					: Map.of("decision", verdict))
			.retrieve()
			.toBodilessEntity();
	}

	/**
	 * An approval and the ETag it was read with.
	 *
	 * @param approval the approval
	 * @param etag its ETag, sent back as {@code If-Match}
	 */
	record Seen(Approval approval, String etag) {
	}

}
