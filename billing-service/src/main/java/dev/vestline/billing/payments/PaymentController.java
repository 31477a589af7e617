package dev.vestline.billing.payments;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vestline.support.idempotency.IdempotentRequests;
import dev.vestline.support.web.IfMatch;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * An invoice's payments, an investor's credit, and applying credit to an invoice.
 */
@RestController
class PaymentController {

	private final Payments payments;

	private final InvestorCredits credits;

	private final CreditApplication creditApplication;

	private final IdempotentRequests idempotency;

	PaymentController(Payments payments, InvestorCredits credits, CreditApplication creditApplication,
			IdempotentRequests idempotency) {
		this.payments = payments;
		this.credits = credits;
		this.creditApplication = creditApplication;
		this.idempotency = idempotency;
	}

	@GetMapping("/api/v1/invoices/{id}/payments")
	List<Payment> ofInvoice(@PathVariable UUID id) {
		return this.payments.ofInvoice(id);
	}

	@PostMapping("/api/v1/invoices/{id}/credit-applications")
	ResponseEntity<?> applyCredit(@PathVariable UUID id,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, Principal caller) {
		// the invoice changes: the caller names the version whose outstanding amount it
		// saw
		long expected = IfMatch.version(ifMatch);
		return this.idempotency.run(caller.getName(), "apply-credit:" + id, key, Map.of(), () -> {
			Payment payment = this.creditApplication.apply(id, expected);
			return ResponseEntity.created(URI.create("/api/v1/invoices/" + id + "/payments")).body(payment);
		});
	}

	@GetMapping("/api/v1/investors/{investorId}/credit")
	List<InvestorCredits.Balance> credit(@PathVariable String investorId) {
		return this.credits.balances(investorId);
	}

}
