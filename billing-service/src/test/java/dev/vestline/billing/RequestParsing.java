package dev.vestline.billing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.vestline.support.domain.InvalidInput;
import dev.vestline.support.json.JsonInputAutoConfiguration;
import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The JSON reader and validator billing reads requests with, as Spring Boot builds them
 * with service-support's input rules, without a database: for property tests that feed
 * them thousands of bodies.
 */
public final class RequestParsing {

	private static final ConfigurableApplicationContext context = start();

	private RequestParsing() {
	}

	public static JsonMapper json() {
		return context.getBean(JsonMapper.class);
	}

	public static Validator validator() {
		return context.getBean(Validator.class);
	}

	/**
	 * @param problem a refusal
	 * @return the fields it names
	 */
	@SuppressWarnings("unchecked")
	public static Set<String> fields(InvalidInput problem) {
		Map<String, Object> properties = problem.properties();
		List<Map<String, Object>> errors = (List<Map<String, Object>>) properties.get("errors");
		return errors.stream().map((error) -> (String) error.get("field")).collect(Collectors.toSet());
	}

	private static ConfigurableApplicationContext start() {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.register(JacksonAutoConfiguration.class, JsonInputAutoConfiguration.class,
				ValidationAutoConfiguration.class);
		context.refresh();
		return context;
	}

}
