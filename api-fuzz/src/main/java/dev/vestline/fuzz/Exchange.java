package dev.vestline.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Sends one request to the service exactly as generated and judges the answer
 * ({@link Verdict}), counting the schema's rows around a refusal.
 */
final class Exchange {

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(30))
		.build();

	private final String baseUrl;

	private final RowCounts rows;

	Exchange(String baseUrl, RowCounts rows) {
		this.baseUrl = baseUrl;
		this.rows = rows;
	}

	/**
	 * @param request sent as it is
	 * @return what was wrong with the answer, if anything
	 */
	Optional<Finding> judge(FuzzRequest request) {
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

	byte[] get(String path) {
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

}
