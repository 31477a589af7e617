package dev.vestline.console.billing;

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
 * billing-service's invoices, invoice runs, payments and credit, called as the signed-in
 * person: an invoice with its ETag, voiding and paying it with credit with
 * {@code If-Match}, runs with an {@code Idempotency-Key}.
 */
@Component
class InvoicesApi {

	/** Invoices per page: the console's choice, the API allows up to 500. */
	static final int PAGE = 20;

	private final RestClient api;

	InvoicesApi(@Qualifier("billingApi") RestClient api) {
		this.api = api;
	}

	Invoice.Page invoices(@Nullable String status, @Nullable String investor, @Nullable UUID after) {
		return Objects.requireNonNull(this.api.get()
			.uri((uri) -> uri.path("/api/v1/invoices")
				.queryParamIfPresent("status", Optional.ofNullable(status))
				.queryParamIfPresent("investorId", Optional.ofNullable(investor))
				.queryParamIfPresent("after", Optional.ofNullable(after))
				.queryParam("limit", PAGE)
				.build())
			.retrieve()
			.body(Invoice.Page.class));
	}

	Seen invoice(UUID id) {
		ResponseEntity<Invoice.Detail> answer = this.api.get()
			.uri("/api/v1/invoices/{id}", id)
			.retrieve()
			.toEntity(Invoice.Detail.class);
		return new Seen(Objects.requireNonNull(answer.getBody()),
				Objects.requireNonNull(answer.getHeaders().getETag()));
	}

	List<Payment> payments(UUID invoice) {
		return Objects.requireNonNull(this.api.get()
			.uri("/api/v1/invoices/{id}/payments", invoice)
			.retrieve()
			.body(new ParameterizedTypeReference<List<Payment>>() {
			}));
	}

	List<Credit> credit(String investor) {
		return Objects.requireNonNull(this.api.get()
			.uri("/api/v1/investors/{investor}/credit", investor)
			.retrieve()
			.body(new ParameterizedTypeReference<List<Credit>>() {
			}));
	}

	Statement statement(String investor, @Nullable String after) {
		return Objects.requireNonNull(this.api.get()
			.uri((uri) -> uri.path("/api/v1/investors/{investor}/statement")
				.queryParamIfPresent("after", Optional.ofNullable(after))
				.queryParam("limit", PAGE)
				.build(investor))
			.retrieve()
			.body(Statement.class));
	}

	void voidInvoice(UUID id, String etag, String reason) {
		this.api.post()
			.uri("/api/v1/invoices/{id}/void", id)
			.header("If-Match", etag)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("reason", reason))
			.retrieve()
			.toBodilessEntity();
	}

	/**
	 * @param key the form's idempotency key: the same form sent twice applies once
	 */
	Payment applyCredit(UUID id, String etag, String key) {
		return Objects.requireNonNull(this.api.post()
			.uri("/api/v1/invoices/{id}/credit-applications", id)
			.header("If-Match", etag)
			.header("Idempotency-Key", key)
			.retrieve()
			.body(Payment.class));
	}

	/**
	 * Starts the invoice run; billing-service answers at once and runs it in the
	 * background (or answers with the run already going).
	 * @param key the form's idempotency key: the same form sent twice starts one run
	 */
	InvoiceRun startRun(String key) {
		return Objects.requireNonNull(this.api.post()
			.uri("/api/v1/invoice-runs")
			.header("Idempotency-Key", key)
			.retrieve()
			.body(InvoiceRun.class));
	}

	InvoiceRun run(UUID id) {
		return Objects
			.requireNonNull(this.api.get().uri("/api/v1/invoice-runs/{id}", id).retrieve().body(InvoiceRun.class));
	}

	/** The most recent runs, the nightly schedule's too, newest first. */
	List<InvoiceRun> recentRuns() {
		return Objects
			.requireNonNull(this.api.get().uri("/api/v1/invoice-runs?limit=10").retrieve().body(RunPage.class))
			.items();
	}

	/**
	 * An invoice with its lines and the ETag it was read with.
	 *
	 * @param detail the invoice and its lines
	 * @param etag its ETag, sent back as {@code If-Match}
	 */
	record Seen(Invoice.Detail detail, String etag) {
	}

	/**
	 * A page of invoice runs.
	 *
	 * @param items newest first
	 */
	record RunPage(List<InvoiceRun> items) {
	}

}
