package dev.vestline.console.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a test needs to exist before a person opens the console, made through
 * approval-service's public API with provider-issued tokens (the provider's impersonating
 * client, development only): deals, subscriptions, and decisions taken by someone else.
 */
public final class Arrange {

	private static final HttpClient http = HttpClient.newHttpClient();

	/** The one JSON reader of the arranging classes. */
	static final JsonMapper json = JsonMapper.builder().build();

	private final String issuer;

	private final String approval;

	private final String client;

	private final String secret;

	Arrange(String issuer, String approval, String client, String secret) {
		this.issuer = issuer;
		this.approval = approval;
		this.client = client;
		this.secret = secret;
	}

	/**
	 * @return a new deal's id, created by oscar (operations)
	 */
	public UUID deal(String name, String capacity) {
		JsonNode deal = send("oscar", "operations", "POST", "/api/v1/deals", null, """
				{"vehicleId":"%s","name":"%s","currency":"EUR","capacity":%s}""".formatted(UUID.randomUUID(), name,
				capacity));
		return UUID.fromString(deal.path("id").asString());
	}

	/**
	 * @return a new subscription approval's id, requested by the investor for themselves
	 */
	public UUID subscription(UUID deal, String investor, String amount) {
		JsonNode approval = send(investor, "investor", "POST", "/api/v1/approvals", null, """
				{"kind":"SUBSCRIPTION","dealId":"%s","investorId":"%s","subscriptionId":"%s","amount":%s}"""
			.formatted(deal, investor, UUID.randomUUID(), amount));
		return UUID.fromString(approval.path("id").asString());
	}

	/**
	 * @return a new deal-interest approval's id, requested by the investor for themselves
	 */
	public UUID interest(UUID deal, String investor) {
		JsonNode approval = send(investor, "investor", "POST", "/api/v1/approvals", null, """
				{"kind":"DEAL_INTEREST","dealId":"%s","investorId":"%s"}""".formatted(deal, investor));
		return UUID.fromString(approval.path("id").asString());
	}

	/** Decides the current step as this person, with the approval's current version. */
	public JsonNode approve(UUID approval, String person, String role) {
		JsonNode current = send(person, role, "GET", "/api/v1/approvals/" + approval, null, null);
		return send(person, role, "POST", "/api/v1/approvals/" + approval + "/decisions",
				"\"" + current.path("version").asLong() + "\"", "{\"decision\":\"APPROVE\"}");
	}

	/**
	 * @return the approval as the service has it now
	 */
	public JsonNode approval(UUID approval) {
		return send("oscar", "operations", "GET", "/api/v1/approvals/" + approval, null, null);
	}

	private JsonNode send(String person, String role, String method, String path, String ifMatch, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.approval + path))
			.header("Authorization", "Bearer " + token(person, role))
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		HttpResponse<String> answer = call(request.build());
		if (answer.statusCode() >= 300) {
			throw new IllegalStateException(
					method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
		}
		return json.readTree(answer.body());
	}

	/**
	 * @return an access token for this person with this role, from the provider's
	 * impersonating client (client credentials, Basic authentication)
	 */
	String token(String person, String role) {
		String form = "grant_type=client_credentials&subject=" + URLEncoder.encode(person, StandardCharsets.UTF_8)
				+ "&roles=" + URLEncoder.encode(role, StandardCharsets.UTF_8);
		HttpResponse<String> answer = call(HttpRequest.newBuilder(URI.create(this.issuer + "/oauth2/token"))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((this.client + ":" + this.secret).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
		if (answer.statusCode() != 200) {
			throw new IllegalStateException("The provider answered " + answer.statusCode() + ": " + answer.body());
		}
		return json.readTree(answer.body()).path("access_token").asString();
	}

	/** Sends a request of the arranging classes; an I/O failure fails the test. */
	static HttpResponse<String> call(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
