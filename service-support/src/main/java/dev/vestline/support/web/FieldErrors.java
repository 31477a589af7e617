package dev.vestline.support.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vestline.support.domain.InvalidInput;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * Names the fields a request got wrong, as {@code errors[].field/message}: from bean
 * validation of a body, from validation of parameters, and from a JSON reader that gave
 * up (its path, e.g. {@code lines[2].amount}), without echoing the body.
 */
public final class FieldErrors {

	private static final int MAX_MESSAGE = 200;

	private FieldErrors() {
	}

	static Map<String, String> of(BindingResult result) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldError error : result.getFieldErrors()) {
			errors.putIfAbsent(error.getField(), message(error.getDefaultMessage()));
		}
		result.getGlobalErrors().forEach((error) -> errors.putIfAbsent("body", message(error.getDefaultMessage())));
		return errors;
	}

	static Map<String, String> of(HandlerMethodValidationException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			String name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors()
				.forEach((error) -> errors.putIfAbsent((name != null) ? name : "request",
						message(error.getDefaultMessage())));
		}
		return errors;
	}

	/**
	 * For code that reads JSON itself (a webhook checks its signature over the raw body
	 * first).
	 * @param ex why the body could not be read
	 * @return a 400 naming the field, or {@code body} when the document is not JSON
	 */
	public static InvalidInput unreadable(Throwable ex) {
		return InvalidInput.fields(ofUnreadable(ex));
	}

	static Map<String, String> ofUnreadable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException json) {
				String field = dotted(json.getPath());
				String message = json.getOriginalMessage().lines().findFirst().orElse("");
				return Map.of(field.isEmpty() ? "body" : field, "cannot be read: " + shortened(message));
			}
		}
		return Map.of("body", "is missing or is not JSON");
	}

	private static String dotted(List<JacksonException.Reference> path) {
		StringBuilder field = new StringBuilder();
		for (JacksonException.Reference reference : path) {
			if (reference.getPropertyName() != null) {
				field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				field.append('[').append(reference.getIndex()).append(']');
			}
		}
		return field.toString();
	}

	private static String message(@Nullable String message) {
		return (message != null) ? message : "is invalid";
	}

	private static String shortened(String message) {
		return (message.length() > MAX_MESSAGE) ? message.substring(0, MAX_MESSAGE) + "…" : message;
	}

}
