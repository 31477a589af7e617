package dev.vestline.billing.invoices;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vestline.support.domain.InvalidInput;
import dev.vestline.support.domain.NotFound;
import dev.vestline.support.idempotency.IdempotentRequests;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invoice runs as resources: starting one answers {@code 202 Accepted} with its
 * {@code Location} at once (a retry with the same {@code Idempotency-Key} gets the same
 * run, and so does anyone who starts one while one is running); the run's progress is
 * read there, and the recent runs, the nightly schedule's too, as a list.
 */
@RestController
class InvoiceRunController {

	private final InvoiceRunStarts starts;

	private final InvoiceRuns runs;

	private final IdempotentRequests idempotency;

	private final Clock clock;

	InvoiceRunController(InvoiceRunStarts starts, InvoiceRuns runs, IdempotentRequests idempotency, Clock clock) {
		this.starts = starts;
		this.runs = runs;
		this.idempotency = idempotency;
		this.clock = clock;
	}

	@PostMapping("/api/v1/invoice-runs")
	ResponseEntity<?> startRun(@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
			Principal caller) {
		return this.idempotency.run(caller.getName(), "start-invoice-run", key, Map.of(), () -> {
			InvoiceRunReport run = this.starts.start(caller.getName());
			return ResponseEntity.accepted().location(URI.create("/api/v1/invoice-runs/" + run.id())).body(run);
		});
	}

	@GetMapping("/api/v1/invoice-runs/{id}")
	InvoiceRunReport get(@PathVariable UUID id) {
		return this.runs.find(id, this.clock.instant()).orElseThrow(() -> new NotFound("Invoice run " + id));
	}

	@GetMapping("/api/v1/invoice-runs")
	RunPage list(@RequestParam(required = false) @Nullable UUID after, @RequestParam(defaultValue = "20") int limit) {
		if (limit < 1 || limit > 100) {
			throw InvalidInput.field("limit", "must be between 1 and 100");
		}
		List<InvoiceRunReport> page = this.runs.page(after, limit, this.clock.instant());
		return new RunPage(page, (page.size() == limit) ? page.getLast().id() : null);
	}

	/**
	 * A keyset page of invoice runs.
	 *
	 * @param items newest first
	 * @param next pass as {@code after} for the next page; absent on the last page
	 */
	record RunPage(List<InvoiceRunReport> items, @Nullable UUID next) {
	}

}
