package dev.vestline.billing.invoices;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.vestline.support.domain.InvalidInput;
import dev.vestline.support.domain.NotFound;
import dev.vestline.support.web.IfMatch;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invoice queries and voids.
 */
@RestController
class InvoiceController {

	private static final Set<String> STATUSES = Set.of("ISSUED", "PAID", "VOID");

	private final Invoices invoices;

	private final InvoiceLines lines;

	private final InvoiceVoiding voiding;

	InvoiceController(Invoices invoices, InvoiceLines lines, InvoiceVoiding voiding) {
		this.invoices = invoices;
		this.lines = lines;
		this.voiding = voiding;
	}

	@GetMapping("/api/v1/invoices")
	InvoicePage list(@RequestParam(required = false) @Nullable String investorId,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable UUID after, @RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > 500) {
			throw InvalidInput.field("limit", "must be between 1 and 500");
		}
		if (status != null && !STATUSES.contains(status)) {
			throw InvalidInput.field("status", "must be one of " + STATUSES);
		}
		List<Invoice> page = this.invoices.page(investorId, status, after, limit);
		return new InvoicePage(page, (page.size() == limit) ? page.getLast().id() : null);
	}

	@GetMapping("/api/v1/invoices/{id}")
	ResponseEntity<InvoiceDetail> get(@PathVariable UUID id) {
		Invoice invoice = this.invoices.find(id).orElseThrow(() -> new NotFound("Invoice " + id));
		return ResponseEntity.ok()
			.eTag(IfMatch.etag(invoice.version()))
			.location(URI.create("/api/v1/invoices/" + id))
			.body(new InvoiceDetail(invoice, this.lines.of(id)));
	}

	@PostMapping("/api/v1/invoices/{id}/void")
	ResponseEntity<Invoice> voidInvoice(@PathVariable UUID id, @Valid @RequestBody VoidRequest request,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, Principal caller) {
		Invoice invoice = this.voiding.voidInvoice(id, IfMatch.version(ifMatch), request.reason(), caller.getName());
		return ResponseEntity.ok().eTag(IfMatch.etag(invoice.version())).body(invoice);
	}

	/**
	 * @param reason why, in words a person understands
	 */
	record VoidRequest(@NotBlank @Size(max = 500) String reason) {
	}

	/**
	 * @param invoice the invoice
	 * @param lines the fees it billed
	 */
	record InvoiceDetail(Invoice invoice, List<InvoiceLine> lines) {
	}

	/**
	 * A keyset page of invoices.
	 *
	 * @param items oldest first
	 * @param next pass as {@code after} for the next page; absent on the last page
	 */
	record InvoicePage(List<Invoice> items, @Nullable UUID next) {
	}

}
