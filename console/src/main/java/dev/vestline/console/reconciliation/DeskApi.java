package dev.vestline.console.reconciliation;

import java.io.InputStream;
import java.util.HashMap;
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
 * reconciliation-service's public API as the desk calls it, as the signed-in person:
 * statements in, lines and matches, decisions sent with {@code If-Match}, positions.
 */
@Component
class DeskApi {

	/** Lines or matches per page. */
	static final int PAGE = 20;

	private final RestClient api;

	private final RestClient uploads;

	DeskApi(@Qualifier("reconciliationApi") RestClient api, @Qualifier("reconciliationUploads") RestClient uploads) {
		this.api = api;
		this.uploads = uploads;
	}

	/** Sends the file as it is read, never whole in memory. */
	Statement importStatement(InputStream file, long size, MediaType format) {
		return Objects.requireNonNull(this.uploads.post()
			.uri("/api/v1/bank-statements")
			.contentType(format)
			.contentLength(size)
			.body((out) -> file.transferTo(out))
			.retrieve()
			.body(Statement.class));
	}

	BankLine.Page unmatchedLines(@Nullable UUID after) {
		return Objects.requireNonNull(this.api.get()
			.uri((uri) -> uri.path("/api/v1/bank-transactions")
				.queryParamIfPresent("after", Optional.ofNullable(after))
				.queryParam("limit", PAGE)
				.build())
			.retrieve()
			.body(BankLine.Page.class));
	}

	BankLine line(UUID id) {
		return Objects
			.requireNonNull(this.api.get().uri("/api/v1/bank-transactions/{id}", id).retrieve().body(BankLine.class));
	}

	Match.Page matches(String status, @Nullable UUID after) {
		return Objects.requireNonNull(this.api.get()
			.uri((uri) -> uri.path("/api/v1/matches")
				.queryParam("status", status)
				.queryParamIfPresent("after", Optional.ofNullable(after))
				.queryParam("limit", PAGE)
				.build())
			.retrieve()
			.body(Match.Page.class));
	}

	Seen match(UUID id) {
		return seen(this.api.get().uri("/api/v1/matches/{id}", id).retrieve().toEntity(Match.class));
	}

	Funding subscription(UUID id) {
		return Objects
			.requireNonNull(this.api.get().uri("/api/v1/subscriptions/{id}", id).retrieve().body(Funding.class));
	}

	/** A match made by hand: the whole line to one subscription or one invoice. */
	Match matchByHand(UUID line, @Nullable UUID subscription, @Nullable UUID invoice) {
		Map<String, Object> body = new HashMap<>();
		body.put("bankTransactionId", line);
		Optional.ofNullable(subscription).ifPresent((id) -> body.put("subscriptionId", id));
		Optional.ofNullable(invoice).ifPresent((id) -> body.put("invoiceId", id));
		return Objects.requireNonNull(this.api.post()
			.uri("/api/v1/matches")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(Match.class));
	}

	/**
	 * Accepts, rejects or reverses the match as it was when the person saw it.
	 * @param decision {@code accept}, {@code reject} or {@code reverse}
	 * @param etag the ETag the page was rendered with
	 */
	void decide(UUID id, String decision, String etag, @Nullable String reason) {
		RestClient.RequestBodySpec request = this.api.post()
			.uri("/api/v1/matches/{id}/{decision}", id, decision)
			.header("If-Match", etag);
		if (reason != null && !reason.isBlank()) {
			request.contentType(MediaType.APPLICATION_JSON).body(Map.of("reason", reason));
		}
		request.retrieve().toBodilessEntity();
	}

	List<Position> positions(String investor) {
		return Objects.requireNonNull(this.api.get()
			.uri((uri) -> uri.path("/api/v1/positions").queryParam("investorId", investor).build())
			.retrieve()
			.body(new ParameterizedTypeReference<List<Position>>() {
			}));
	}

	Position.WithMovements position(String investor, UUID vehicle) {
		return Objects.requireNonNull(this.api.get()
			.uri("/api/v1/positions/{investor}/{vehicle}", investor, vehicle)
			.retrieve()
			.body(Position.WithMovements.class));
	}

	private static Seen seen(ResponseEntity<Match> answer) {
		return new Seen(Objects.requireNonNull(answer.getBody()),
				Objects.requireNonNull(answer.getHeaders().getETag()));
	}

	/**
	 * A match and the ETag it was read with.
	 *
	 * @param match the match
	 * @param etag sent back as {@code If-Match}
	 */
	record Seen(Match match, String etag) {
	}

}
