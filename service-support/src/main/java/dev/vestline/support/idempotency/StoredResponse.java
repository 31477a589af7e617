package dev.vestline.support.idempotency;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A creating request's response as first sent, kept to be replayed byte for byte.
 *
 * @param status the HTTP status
 * @param body the JSON body, if there was one
 * @param location the {@code Location} header
 * @param etag the {@code ETag} header
 */
record StoredResponse(int status, @Nullable String body, @Nullable String location, @Nullable String etag) {

	/** Tells a client that this is the first response again, not a new one. */
	static final String REPLAYED_HEADER = "Idempotent-Replayed";

	/**
	 * A body that is a String is taken as JSON already written; anything else is written.
	 */
	static StoredResponse of(ResponseEntity<?> response, JsonMapper json) {
		Object body = response.getBody();
		String text = (body == null || body instanceof String) ? (String) body : json.writeValueAsString(body);
		HttpHeaders headers = response.getHeaders();
		return new StoredResponse(response.getStatusCode().value(), text, headers.getFirst(HttpHeaders.LOCATION),
				headers.getFirst(HttpHeaders.ETAG));
	}

	/**
	 * @param headers the first response's other headers (none for a replay)
	 * @param replayed whether to say that this is a replay
	 * @return the response, with its body as the JSON text that was stored
	 */
	ResponseEntity<String> toResponse(HttpHeaders headers, boolean replayed) {
		HttpHeaders all = new HttpHeaders();
		all.addAll(headers);
		if (this.location != null) {
			all.set(HttpHeaders.LOCATION, this.location);
		}
		if (this.etag != null) {
			all.set(HttpHeaders.ETAG, this.etag);
		}
		if (replayed) {
			all.set(REPLAYED_HEADER, "true");
		}
		if (this.body == null) {
			return ResponseEntity.status(this.status).headers(all).build();
		}
		all.setContentType(MediaType.APPLICATION_JSON);
		return ResponseEntity.status(this.status).headers(all).body(this.body);
	}

}
