package dev.vestline.billing.payments;

import java.util.Map;
import java.util.TreeMap;

import dev.vestline.support.domain.DomainException;
import dev.vestline.support.domain.InvalidInput;
import dev.vestline.support.web.FieldErrors;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Reads a signed webhook body into a payment notification, or says which field is wrong:
 * JSON that is not an object ({@code null}, an array, a string), a value that cannot be
 * read (a decimal with an exponent), a failed constraint, or an amount its currency
 * cannot hold (more decimals than its minor units, not below {@code Money.MAXIMUM}).
 */
@Component
class WebhookPayloadReader {

	private final JsonMapper json;

	private final Validator validator;

	WebhookPayloadReader(JsonMapper json, Validator validator) {
		this.json = json;
		this.validator = validator;
	}

	/**
	 * @param body the raw body, its signature already checked
	 * @return the notification
	 * @throws InvalidInput naming each invalid field
	 */
	WebhookPayload read(byte[] body) {
		WebhookPayload payload;
		try {
			payload = this.json.readValue(body, WebhookPayload.class);
		}
		catch (JacksonException ex) {
			throw FieldErrors.unreadable(ex);
		}
		if (payload == null) {
			throw InvalidInput.field("body", "must be a payment notification object, not null");
		}
		Map<String, String> errors = new TreeMap<>();
		for (ConstraintViolation<WebhookPayload> violation : this.validator.validate(payload)) {
			errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
		}
		if (!errors.containsKey("currency") && !errors.containsKey("amount")) {
			errors.putAll(payload.moneyProblems());
		}
		if (!errors.isEmpty()) {
			throw InvalidInput.fields(errors);
		}
		return payload;
	}

}
