package dev.vestline.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes one running service from its OpenAPI document: generates every hostile request
 * for every operation ({@link RequestCases}), sends them one by one, and collects each
 * answer that is a 5xx, an error that is no RFC 9457 problem, or a refusal after which a
 * table of the service's schema has more rows.
 */
public final class ApiFuzzer {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String service;

	private final Access access;

	private final Exchange exchange;

	private final Map<String, String> bodyExamples = new LinkedHashMap<>();

	private final Map<String, String> parameterValues = new LinkedHashMap<>();

	private final Map<String, UnaryOperator<FuzzRequest>> finishers = new LinkedHashMap<>();

	private final List<FuzzRequest> extraCases = new ArrayList<>();

	private final List<Template> templates = new ArrayList<>();

	/**
	 * @param service the service's name, for the report
	 * @param baseUrl e.g. {@code http://localhost:8080}
	 * @param access the tokens to send
	 * @param database the service's schema, whose tables must not grow on a refusal
	 */
	public ApiFuzzer(String service, String baseUrl, Access access, DataSource database) {
		this.service = service;
		this.access = access;
		this.exchange = new Exchange(baseUrl, new RowCounts(database));
	}

	/**
	 * A baseline body for an operation whose document gives no JSON schema for it (a raw
	 * {@code byte[]} body): its fields are mutated like a schema's.
	 * @param operation e.g. {@code POST /api/v1/payments/webhook}
	 * @param json the body
	 * @return this fuzzer
	 */
	public ApiFuzzer example(String operation, String json) {
		this.bodyExamples.put(operation, json);
		return this;
	}

	/**
	 * The plausible value of a parameter wherever it appears, e.g. a signer-link token or
	 * the id of a resource that exists, so hostile input reaches past the lookup.
	 * @param name the parameter's name in the document
	 * @param value its value
	 * @return this fuzzer
	 */
	public ApiFuzzer parameter(String name, String value) {
		this.parameterValues.put(name, value);
		return this;
	}

	/**
	 * Changes every request of an operation last, e.g. to sign its body, so that hostile
	 * bodies get past a signature check to the parser.
	 * @param operation e.g. {@code POST /api/v1/payments/webhook}
	 * @param finisher what to do to each request
	 * @return this fuzzer
	 */
	public ApiFuzzer finish(String operation, UnaryOperator<FuzzRequest> finisher) {
		this.finishers.put(operation, finisher);
		return this;
	}

	/**
	 * @param request a hand-made hostile request, sent and judged like the generated ones
	 * @return this fuzzer
	 */
	public ApiFuzzer also(FuzzRequest request) {
		this.extraCases.add(request);
		return this;
	}

	/**
	 * Bodies of a format the document cannot describe, each placeholder of the template
	 * made hostile in turn (see {@link TemplateCases}).
	 * @param operation e.g. {@code POST /api/v1/bank-statements}
	 * @param contentType the body's content type
	 * @param template the body with {@code ${name}} placeholders
	 * @param plain a plausible value for each placeholder
	 * @return this fuzzer
	 */
	public ApiFuzzer template(String operation, String contentType, String template, Map<String, String> plain) {
		this.templates.add(new Template(operation, contentType, template, new LinkedHashMap<>(plain)));
		return this;
	}

	/**
	 * @return the report of every request sent, with the findings
	 */
	public FuzzReport run() {
		long started = System.nanoTime();
		OpenApiDocument document = new OpenApiDocument(JSON.readTree(this.exchange.get("/v3/api-docs")));
		RequestCases cases = new RequestCases(document, this.access, this.bodyExamples, this.parameterValues);
		List<Finding> findings = new ArrayList<>();
		Set<String> paths = new LinkedHashSet<>();
		int sent = 0;
		// one operation at a time: its megabyte bodies are dropped before the next
		for (FuzzOperation operation : document.operations()) {
			sent += send(requests(cases, operation), findings, sent);
			paths.add(operation.path());
		}
		sent += send(this.extraCases, findings, sent);
		sent += send(Unmapped.cases(paths, this.access), findings, sent);
		return new FuzzReport(this.service, sent, findings, Duration.ofNanos(System.nanoTime() - started));
	}

	private int send(List<FuzzRequest> requests, List<Finding> findings, int sentBefore) {
		int sequence = sentBefore;
		for (FuzzRequest request : requests) {
			this.exchange.judge(withFreshIdempotencyKey(request, ++sequence)).ifPresent(findings::add);
		}
		return requests.size();
	}

	private List<FuzzRequest> requests(RequestCases cases, FuzzOperation operation) {
		UnaryOperator<FuzzRequest> finisher = this.finishers.getOrDefault(operation.name(), (r) -> r);
		List<FuzzRequest> generated = cases.of(operation);
		List<FuzzRequest> requests = new ArrayList<>(generated.stream().map(finisher).toList());
		for (Template template : this.templates) {
			if (template.operation().equals(operation.name())) {
				FuzzRequest base = generated.get(0).withHeader("Content-Type", template.contentType());
				TemplateCases.requests(base, template.text(), template.plain())
					.stream()
					.map((request) -> request.as(request.mutation() + " in " + template.contentType()))
					.map(finisher)
					.forEach(requests::add);
			}
		}
		return requests;
	}

	/** Each request gets a key of its own, unless the key is what is being fuzzed. */
	private static FuzzRequest withFreshIdempotencyKey(FuzzRequest request, int sequence) {
		boolean hasKey = request.headers().keySet().stream().anyMatch("Idempotency-Key"::equalsIgnoreCase);
		if (!hasKey || request.mutation().startsWith("header Idempotency-Key")) {
			return request;
		}
		return request.withHeader("Idempotency-Key", "fuzz-" + sequence);
	}

	private record Template(String operation, String contentType, String text, Map<String, String> plain) {

	}

}
