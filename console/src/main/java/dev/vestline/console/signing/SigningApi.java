package dev.vestline.console.signing;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;

import dev.vestline.console.services.ServiceProblem;

/**
 * signature-service's public staff API, called as the signed-in person: workflows by
 * state, one workflow with its ETag and audit log, cancel with {@code If-Match}, a new
 * link, a corrected address, and the PDFs streamed through.
 */
@Component
class SigningApi {

	/** As many as one page of the list shows. */
	static final int PAGE = 20;

	/** The headers of a PDF worth passing on to the person's browser. */
	private static final List<String> PDF_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH,
			HttpHeaders.CONTENT_DISPOSITION, "Document-SHA256");

	private final RestClient api;

	SigningApi(@Qualifier("signatureApi") RestClient api) {
		this.api = api;
	}

	Workflow.Page workflows(@Nullable String status, @Nullable UUID after) {
		return Objects.requireNonNull(this.api.get()
			.uri((uri) -> uri.path("/api/v1/workflows")
				.queryParamIfPresent("status", Optional.ofNullable(status))
				.queryParamIfPresent("after", Optional.ofNullable(after))
				.queryParam("limit", PAGE)
				.build())
			.retrieve()
			.body(Workflow.Page.class));
	}

	Seen workflow(UUID id) {
		ResponseEntity<Workflow> answer = this.api.get()
			.uri("/api/v1/workflows/{id}", id)
			.retrieve()
			.toEntity(Workflow.class);
		return new Seen(Objects.requireNonNull(answer.getBody()),
				Objects.requireNonNull(answer.getHeaders().getETag()));
	}

	List<AuditEntry> audit(UUID id) {
		return Objects.requireNonNull(this.api.get()
			.uri("/api/v1/workflows/{id}/audit", id)
			.retrieve()
			.body(new ParameterizedTypeReference<List<AuditEntry>>() {
			}));
	}

	/**
	 * Cancels the workflow as it was when the person saw it.
	 * @param etag the ETag the page was rendered with
	 */
	void cancel(UUID id, String etag, String reason) {
		this.api.post()
			.uri("/api/v1/workflows/{id}/cancel", id)
			.header("If-Match", etag)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("reason", reason))
			.retrieve()
			.toBodilessEntity();
	}

	/** A pending signer gets a new link by mail; the old one stops working. */
	void newLink(UUID id, String role) {
		this.api.post().uri("/api/v1/workflows/{id}/signers/{role}/link", id, role).retrieve().toBodilessEntity();
	}

	/** The signer's corrected address, and a new link mailed there. */
	void correctAddress(UUID id, String role, String name, String email) {
		this.api.put()
			.uri("/api/v1/workflows/{id}/signers/{role}/contact", id, role)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name, "email", email))
			.retrieve()
			.toBodilessEntity();
	}

	/**
	 * Streams one of the workflow's PDFs ({@code sealed-document}, {@code certificate},
	 * {@code document}) to the person's browser as it arrives, never whole in memory.
	 */
	void streamPdf(UUID id, String which, HttpServletResponse response) {
		this.api.get()
			.uri("/api/v1/workflows/{id}/{which}", id, which)
			.accept(MediaType.APPLICATION_PDF, MediaType.APPLICATION_PROBLEM_JSON)
			.exchange((request, answer) -> {
				if (answer.getStatusCode().isError()) {
					ServiceProblem.read(request, answer);
				}
				PDF_HEADERS.forEach((name) -> {
					String value = answer.getHeaders().getFirst(name);
					if (value != null) {
						response.setHeader(name, value);
					}
				});
				try (OutputStream out = response.getOutputStream()) {
					StreamUtils.copy(answer.getBody(), out);
				}
				return null;
			});
	}

	/**
	 * A workflow and the ETag it was read with.
	 *
	 * @param workflow the workflow
	 * @param etag its ETag, sent back as {@code If-Match}
	 */
	record Seen(Workflow workflow, String etag) {
	}

}
