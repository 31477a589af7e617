package dev.vestline.billing.payments;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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

	private final JsonMapper json;

	private final Validator validator;

	private final Clock clock;

	PaymentWebhookController(WebhookSignatures signatures, WebhookPayments payments, JsonMapper json,
			Validator validator, Clock clock) {
		this.signatures = signatures;
		this.payments = payments;
		this.json = json;
		this.validator = validator;
		this.clock = clock;
	}

	@PostMapping("/api/v1/payments/webhook")
	ResponseEntity<?> receive(
			@RequestHeader(name = WebhookSignatures.HEADER, required = false) @Nullable String signature,
			@RequestBody byte[] body) {
		this.signatures.verify(signature, body);
		WebhookPayload payload;
		try {
			payload = this.json.readValue(body, WebhookPayload.class);
		}
		catch (JacksonException ex) {
			return invalid(Map.of("body", "is not a payment notification: " + ex.getOriginalMessage()));
		}
		Set<ConstraintViolation<WebhookPayload>> violations = this.validator.validate(payload);
		if (!violations.isEmpty()) {
			return invalid(violations.stream()
				.collect(Collectors.toMap((v) -> v.getPropertyPath().toString(), ConstraintViolation::getMessage,
						(a, b) -> a)));
		}
		var recorded = this.payments.receive(payload, this.clock.instant());
		return ResponseEntity.ok(Map.of("paymentId", recorded.payment().id(), "duplicate", recorded.duplicate()));
	}

	private static ResponseEntity<ProblemDetail> invalid(Map<String, String> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has invalid fields");
		problem.setTitle("Invalid request");
		problem.setProperty("errors",
				errors.entrySet().stream().map((e) -> Map.of("field", e.getKey(), "message", e.getValue())).toList());
		return ResponseEntity.badRequest().body(problem);
	}

}
