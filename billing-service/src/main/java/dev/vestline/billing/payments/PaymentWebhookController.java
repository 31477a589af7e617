package dev.vestline.billing.payments;

import java.time.Clock;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The payment provider's webhook. The signature is checked on the raw body before
 * anything is parsed or written: a bad, missing or stale signature is a 401 with no side
 * effect.
 */
@RestController
class PaymentWebhookController {

	private final WebhookSignatures signatures;

	private final WebhookPayments payments;

	private final WebhookPayloadReader reader;

	private final Clock clock;

	PaymentWebhookController(WebhookSignatures signatures, WebhookPayments payments, WebhookPayloadReader reader,
			Clock clock) {
		this.signatures = signatures;
		this.payments = payments;
		this.reader = reader;
		this.clock = clock;
	}

	@PostMapping("/api/v1/payments/webhook")
	ResponseEntity<?> receive(
			@RequestHeader(name = WebhookSignatures.HEADER, required = false) @Nullable String signature,
			@RequestBody byte[] body) {
		this.signatures.verify(signature, body);
		WebhookPayload payload = this.reader.read(body);
		var recorded = this.payments.receive(payload, this.clock.instant());
		return ResponseEntity.ok(Map.of("paymentId", recorded.payment().id(), "duplicate", recorded.duplicate()));
	}

}
