package dev.vestline.billing.invoices;

import java.security.Principal;
import java.util.Map;

import dev.vestline.support.idempotency.IdempotentRequests;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starts an invoice run on request; a retry with the same {@code Idempotency-Key} gets
 * the first run's answer.
 */
@RestController
class InvoiceRunController {

	private final InvoiceRun run;

	private final IdempotentRequests idempotency;

	InvoiceRunController(InvoiceRun run, IdempotentRequests idempotency) {
		this.run = run;
		this.idempotency = idempotency;
	}

	@PostMapping("/api/v1/invoice-runs")
	ResponseEntity<?> startRun(@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
			Principal caller) {
		return this.idempotency.run(caller.getName(), "start-invoice-run", key, Map.of(),
				() -> ResponseEntity.status(HttpStatus.CREATED).body(this.run.run()));
	}

}
