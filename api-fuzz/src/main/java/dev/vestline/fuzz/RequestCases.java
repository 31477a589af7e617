package dev.vestline.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every hostile request for one operation: a baseline request (plausible values
 * everywhere, the allowed token), then each mutation of it — one path, query or header
 * parameter, the body (JSON or raw), the content type, or the token.
 */
final class RequestCases {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final OpenApiDocument document;

	private final SchemaExamples examples;

	private final BodyCases bodies;

	private final Access access;

	private final Map<String, String> bodyExamples;

	private final Map<String, String> parameterValues;

	RequestCases(OpenApiDocument document, Access access, Map<String, String> bodyExamples,
			Map<String, String> parameterValues) {
		this.document = document;
		this.examples = new SchemaExamples(document);
		this.bodies = new BodyCases(document);
		this.access = access;
		this.bodyExamples = bodyExamples;
		this.parameterValues = parameterValues;
	}

	List<FuzzRequest> of(FuzzOperation operation) {
		FuzzRequest baseline = baseline(operation);
		List<FuzzRequest> cases = new ArrayList<>();
		cases.add(baseline);
		cases.addAll(bodyCases(operation, baseline));
		cases.addAll(new ParameterCases(operation, this::plain).cases(baseline));
		cases.add(baseline.withHeader("Authorization", null).as("no token"));
		cases
			.add(baseline.withHeader("Authorization", "Bearer " + this.access.wrongRole()).as("token of a wrong role"));
		cases.add(baseline.withHeader("Authorization", "Bearer not.a.token").as("forged token"));
		return cases;
	}

	private FuzzRequest baseline(FuzzOperation operation) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Authorization", "Bearer " + this.access.allowed());
		headers.put("Accept", "application/json, application/problem+json");
		for (FuzzOperation.Parameter header : operation.in("header")) {
			if (header.required()) {
				headers.put(header.name(), plain(header));
			}
		}
		byte[] body = new byte[0];
		if (!operation.bodies().isEmpty()) {
			var first = operation.bodies().entrySet().iterator().next();
			headers.put("Content-Type", first.getKey());
			body = BodyCases.bytes(bodyBaseline(operation, first.getValue()));
		}
		return new FuzzRequest(operation.name(), "baseline", operation.method(), baselinePath(operation), headers,
				body);
	}

	private String baselinePath(FuzzOperation operation) {
		String path = operation.path();
		for (FuzzOperation.Parameter parameter : operation.in("path")) {
			path = path.replace("{" + parameter.name() + "}", encode(plain(parameter)));
		}
		List<String> query = new ArrayList<>();
		for (FuzzOperation.Parameter parameter : operation.in("query")) {
			if (parameter.required()) {
				query.add(encode(parameter.name()) + "=" + encode(plain(parameter)));
			}
		}
		return query.isEmpty() ? path : path + "?" + String.join("&", query);
	}

	private JsonNode bodyBaseline(FuzzOperation operation, JsonNode schema) {
		@Nullable String example = this.bodyExamples.get(operation.name());
		return (example != null) ? JSON.readTree(example) : this.examples.example(schema);
	}

	private List<FuzzRequest> bodyCases(FuzzOperation operation, FuzzRequest baseline) {
		List<FuzzRequest> cases = new ArrayList<>();
		for (Map.Entry<String, JsonNode> body : operation.bodies().entrySet()) {
			String contentType = body.getKey();
			FuzzRequest typed = baseline.withHeader("Content-Type", contentType);
			boolean json = contentType.contains("json") || contentType.equals("*/*");
			Map<String, byte[]> variants = json
					? this.bodies.cases(body.getValue(), bodyBaseline(operation, body.getValue()))
					: RawBodyCases.cases(contentType);
			variants.forEach((mutation, bytes) -> cases.add(typed.withBody(mutation + " as " + contentType, bytes)));
		}
		if (!operation.bodies().isEmpty()) {
			cases.add(baseline.withHeader("Content-Type", "text/plain").as("Content-Type: text/plain"));
			cases.add(baseline.withHeader("Content-Type", "application/x-unknown; charset=nonsense")
				.as("Content-Type: unknown with a bad charset"));
			cases.add(baseline.withHeader("Content-Type", null).as("no Content-Type"));
		}
		else if (!operation.method().equals("GET")) {
			cases.add(baseline.withHeader("Content-Type", "application/json")
				.withBody("unexpected body", BodyCases.utf8("{\"unexpectedField\": 1e400}")));
		}
		return cases;
	}

	/** A plausible value for a parameter. */
	private String plain(FuzzOperation.Parameter parameter) {
		@Nullable String given = this.parameterValues.get(parameter.name());
		if (given != null) {
			return given;
		}
		if (parameter.name().equalsIgnoreCase("If-Match")) {
			return "\"0\"";
		}
		JsonNode value = this.examples.example(parameter.schema(), parameter.name());
		return value.isString() ? value.asString() : value.toString();
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
