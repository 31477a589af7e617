package dev.vestline.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

	private final String baseUrl;

	private final Access access;

	private final RowCounts rows;

	private final Map<String, String> bodyExamples = new LinkedHashMap<>();

	private final Map<String, UnaryOperator<FuzzRequest>> finishers = new LinkedHashMap<>();

	private final List<FuzzRequest> extraCases = new ArrayList<>();

	private final List<Template> templates = new ArrayList<>();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(30))
		.build();

	/**
	 * @param service the service's name, for the report
	 * @param baseUrl e.g. {@code http://localhost:8080}
	 * @param access the tokens to send
	 * @param database the service's schema, whose tables must not grow on a refusal
	 */
	public ApiFuzzer(String service, String baseUrl, Access access, DataSource database) {
		this.service = service;
		this.baseUrl = baseUrl;
		this.access = access;
		this.rows = new RowCounts(database);
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
		OpenApiDocument document = new OpenApiDocument(JSON.readTree(get("/v3/api-docs")));
		List<FuzzRequest> requests = requests(document);
		List<Finding> findings = new ArrayList<>();
		int sequence = 0;
		for (FuzzRequest request : requests) {
			send(withFreshIdempotencyKey(request, ++sequence)).ifPresent(findings::add);
		}
		return new FuzzReport(this.service, requests.size(), findings, Duration.ofNanos(System.nanoTime() - started));
	}

	private List<FuzzRequest> requests(OpenApiDocument document) {
		RequestCases cases = new RequestCases(document, this.access, this.bodyExamples);
		List<FuzzRequest> requests = new ArrayList<>();
		Set<String> paths = new LinkedHashSet<>();
		for (FuzzOperation operation : document.operations()) {
			UnaryOperator<FuzzRequest> finisher = this.finishers.getOrDefault(operation.name(), (r) -> r);
			List<FuzzRequest> generated = cases.of(operation);
			generated.stream().map(finisher).forEach(requests::add);
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
			paths.add(operation.path());
		}
		requests.addAll(this.extraCases);
		requests.addAll(Unmapped.cases(paths, this.access));
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

	private Optional<Finding> send(FuzzRequest request) {
		Map<String, Long> before = this.rows.now();
		HttpResponse<byte[]> response;
		try {
			response = this.http.send(httpRequest(request), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			return Optional.of(new Finding(request, "no answer", 0, "", ex.toString()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		Optional<String> wrong = Verdict.of(response);
		if (wrong.isEmpty() && response.statusCode() >= 400) {
			wrong = wrote(request, before);
		}
		return wrong.map((problem) -> new Finding(request, problem, response.statusCode(),
				Verdict.contentType(response), Verdict.body(response)));
	}

	/**
	 * A refusal after which a table grew. Other work of the service (a listener, a relay)
	 * may insert rows meanwhile, so a growth counts only if sending again grows it again.
	 */
	private Optional<String> wrote(FuzzRequest request, Map<String, Long> before) {
		Map<String, String> grown = RowCounts.grown(before, this.rows.now());
		if (grown.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Long> again = this.rows.now();
		try {
			this.http.send(httpRequest(request), HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		Map<String, String> grownAgain = RowCounts.grown(again, this.rows.now());
		return grownAgain.isEmpty() ? Optional.empty() : Optional.of("refused but wrote " + grownAgain);
	}

	private HttpRequest httpRequest(FuzzRequest request) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + request.path()))
			.timeout(Duration.ofMinutes(2))
			.method(request.method(), (request.body().length == 0) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(request.body()));
		request.headers().forEach(builder::header);
		return builder.build();
	}

	private byte[] get(String path) {
		try {
			HttpResponse<byte[]> response = this.http.send(
					HttpRequest.newBuilder(URI.create(this.baseUrl + path)).timeout(Duration.ofMinutes(2)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + " answered " + response.statusCode());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read " + path, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record Template(String operation, String contentType, String text, Map<String, String> plain) {

	}

}
