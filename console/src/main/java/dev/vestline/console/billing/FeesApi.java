package dev.vestline.console.billing;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * billing-service's fee schedules and fees, called as the signed-in person: a schedule
 * with its ETag, creating one with an {@code Idempotency-Key}, changing one with
 * {@code If-Match}, and a subscription's fees in keyset pages.
 */
@Component
class FeesApi {

	/** Fees per page: the console's choice, the API allows up to 500. */
	static final int PAGE = 20;

	private final RestClient api;

	FeesApi(@Qualifier("billingApi") RestClient api) {
		this.api = api;
	}

	Seen schedule(UUID vehicle) {
		ResponseEntity<FeeSchedule> answer = this.api.get()
			.uri("/api/v1/fee-schedules/{vehicle}", vehicle)
			.retrieve()
			.toEntity(FeeSchedule.class);
		return new Seen(Objects.requireNonNull(answer.getBody()),
				Objects.requireNonNull(answer.getHeaders().getETag()));
	}

	/**
	 * @param key the form's idempotency key: the same form sent twice creates once
	 */
	void create(ScheduleForm form, String key) {
		this.api.post()
			.uri("/api/v1/fee-schedules")
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.body(form.body())
			.retrieve()
			.toBodilessEntity();
	}

	void change(UUID vehicle, String etag, ScheduleForm form) {
		this.api.put()
			.uri("/api/v1/fee-schedules/{vehicle}", vehicle)
			.header("If-Match", etag)
			.contentType(MediaType.APPLICATION_JSON)
			.body(form.body())
			.retrieve()
			.toBodilessEntity();
	}

	Fee.Page fees(UUID subscription, @Nullable UUID after) {
		return Objects.requireNonNull(this.api.get()
			.uri((uri) -> uri.path("/api/v1/fees")
				.queryParam("subscriptionId", subscription)
				.queryParamIfPresent("after", Optional.ofNullable(after))
				.queryParam("limit", PAGE)
				.build())
			.retrieve()
			.body(Fee.Page.class));
	}

	/**
	 * A schedule and the ETag it was read with.
	 *
	 * @param schedule the schedule
	 * @param etag its ETag, sent back as {@code If-Match}
	 */
	record Seen(FeeSchedule schedule, String etag) {
	}

}
