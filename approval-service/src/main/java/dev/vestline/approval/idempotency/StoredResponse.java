package dev.vestline.approval.idempotency;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A creating request's response as first sent, kept to be replayed.
 *
 * @param status the HTTP status
 * @param body the JSON body, byte for byte
 * @param location the {@code Location} header
 * @param etag the {@code ETag} header
 */
public record StoredResponse(int status, String body, @Nullable String location, @Nullable String etag) {

	public ResponseEntity<String> toResponse(boolean replayed) {
		var response = ResponseEntity.status(this.status).contentType(MediaType.APPLICATION_JSON);
		if (this.location != null) {
			response.location(URI.create(this.location));
		}
		if (this.etag != null) {
			response.header(HttpHeaders.ETAG, this.etag);
		}
		if (replayed) {
			response.header("Idempotent-Replayed", "true");
		}
		return response.body(this.body);
	}

}
