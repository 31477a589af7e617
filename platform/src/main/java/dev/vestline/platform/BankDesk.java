package dev.vestline.platform;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/**
 * What an operations person does with the bank's money in reconciliation: imports the
 * day's camt.053 statement and accepts the matches the service suggests.
 */
final class BankDesk {

	private final ApiClient api;

	private final String token;

	private final Consumer<String> notes;

	BankDesk(ApiClient api, String token, Consumer<String> notes) {
		this.api = api;
		this.token = token;
		this.notes = notes;
	}

	/**
	 * @param statement the statement
	 * @return the bank transactions it created, in file order
	 */
	List<String> importStatement(CamtStatement statement) {
		JsonNode summary = this.api.call("reconciliation", "POST", "/api/v1/bank-statements")
			.as(this.token)
			.idempotent()
			.xml(statement.xml())
			.ok()
			.body();
		this.notes.accept(summary.path("newLines").asInt() + " new line(s), " + summary.path("duplicateLines").asInt()
				+ " duplicate(s), " + summary.path("rejectedLines").asInt() + " rejected");
		List<String> lines = new ArrayList<>();
		summary.path("lines").forEach((line) -> lines.add(line.path("bankTransactionId").asString()));
		return lines;
	}

	/**
	 * Waits until every line has a suggested match and accepts each, with the version
	 * read as {@code If-Match}.
	 * @param lines bank transaction ids
	 * @param timeout how long to wait for the suggestions
	 */
	void acceptSuggestions(List<String> lines, Duration timeout) {
		List<JsonNode> suggestions = Awaitility.await("suggested matches of the statement's lines")
			.atMost(timeout)
			.pollInterval(Duration.ofMillis(300))
			.until(() -> suggestionsFor(lines), (found) -> found.size() == lines.size());
		for (JsonNode suggestion : suggestions) {
			String id = suggestion.path("id").asString();
			ApiClient.Answer match = this.api.call("reconciliation", "GET", "/api/v1/matches/" + id)
				.as(this.token)
				.ok();
			this.api.call("reconciliation", "POST", "/api/v1/matches/" + id + "/accept")
				.as(this.token)
				.ifMatch(match.etag())
				.ok();
			this.notes.accept("accepted " + suggestion.path("target").asString() + " match ("
					+ suggestion.path("rule").asString() + ") of " + suggestion.path("currency").asString() + " "
					+ new BigDecimal(suggestion.path("amount").asString()).toPlainString());
		}
	}

	private List<JsonNode> suggestionsFor(List<String> lines) {
		List<JsonNode> found = new ArrayList<>();
		this.api.call("reconciliation", "GET", "/api/v1/matches?status=SUGGESTED&limit=100")
			.as(this.token)
			.ok()
			.body()
			.path("items")
			.forEach((match) -> {
				if (lines.contains(match.path("bankTransactionId").asString())) {
					found.add(match);
				}
			});
		return found;
	}

}
