package dev.vestline.console.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

import dev.vestline.testharness.mail.MimeParts;

/**
 * Signing workflows for the console's tests, made the way they are made in production: a
 * subscription requested and granted through approval-service's API, its
 * {@code ApprovalGranted} handed to signature-service, which opens the workflow and mails
 * the links; signers sign with the token from their mail. Tokens from the provider's
 * impersonating client (development only).
 */
public final class SigningArrange {

	private static final Pattern LINK = Pattern.compile("/sign/([A-Za-z0-9_-]{20,})");

	private final String approval;

	private final SignatureBackend signature;

	private final Arrange arrange;

	SigningArrange(String approval, SignatureBackend signature, Arrange arrange) {
		this.approval = approval;
		this.signature = signature;
		this.arrange = arrange;
	}

	/**
	 * A granted subscription of {@code investor} (mails to
	 * {@code <investor>@investor.example.org}) whose subscription pack waits for the
	 * investor and the arranger ({@code <investor>-arranger@arranger.example.org}).
	 * @return the open workflow's id
	 */
	public UUID workflow(String investor) {
		UUID vehicle = UUID.randomUUID();
		send(this.signature.url(), "oscar", "operations", "PUT", "/api/v1/vehicles/" + vehicle + "/parties/ARRANGER",
				null, """
						{"partyId":"arranger-%s","name":"Ada Arranger","email":"%s"}""".formatted(investor,
						arrangerEmail(investor)));
		JsonNode deal = send(this.approval, "oscar", "operations", "POST", "/api/v1/deals", null, """
				{"vehicleId":"%s","name":"Signing Fund %s","currency":"EUR","capacity":10000000}""".formatted(vehicle,
				investor));
		JsonNode requested = send(this.approval, investor, "investor", "POST", "/api/v1/approvals", null, """
				{"kind":"SUBSCRIPTION","dealId":"%s","investorId":"%s","subscriptionId":"%s","amount":250000,
				 "investor":{"name":"Ivy %s","email":"%s"}}""".formatted(deal.path("id").asString(), investor,
				UUID.randomUUID(), investor, investorEmail(investor)));
		UUID approvalId = UUID.fromString(requested.path("id").asString());
		this.arrange.approve(approvalId, "cleo", "compliance");
		this.arrange.approve(approvalId, "oscar", "operations");
		this.signature.forwardGrant(approvalId);
		return Awaitility.await("the workflow of approval " + approvalId)
			.atMost(Duration.ofSeconds(120))
			.until(() -> send(this.signature.url(), "oscar", "operations", "GET",
					"/api/v1/workflows?approvalId=" + approvalId, null, null), (found) -> found.size() == 1)
			.get(0)
			.path("id")
			.asString()
			.transform(UUID::fromString);
	}

	public static String investorEmail(String investor) {
		return investor + "@investor.example.org";
	}

	public static String arrangerEmail(String investor) {
		return investor + "-arranger@arranger.example.org";
	}

	/**
	 * @return the mails this address received so far, oldest first
	 */
	public List<MimeMessage> mailsTo(String address) {
		return Arrays.stream(this.signature.mail().getReceivedMessages())
			.filter((message) -> recipients(message).contains(address))
			.toList();
	}

	/**
	 * @return the token of the newest signing link this address was mailed, once one
	 * arrived
	 */
	public String linkMailedTo(String address) {
		List<MimeMessage> mails = Awaitility.await("a signing link mailed to " + address)
			.atMost(Duration.ofSeconds(90))
			.until(() -> mailsTo(address).stream().filter((mail) -> link(mail) != null).toList(),
					(found) -> !found.isEmpty());
		return link(mails.getLast());
	}

	/** Signs with the link's token, by typed name, with consent. */
	public void sign(String token, String name) {
		send(this.signature.url(), null, null, "POST", "/api/v1/signing/" + token + "/signature", null, """
				{"typedName":"%s","consent":true}""".formatted(name));
	}

	/** Cancels as this person, at the workflow's current version. */
	public void cancel(UUID workflow, String person, String role, String reason) {
		JsonNode current = workflowNow(workflow);
		send(this.signature.url(), person, role, "POST", "/api/v1/workflows/" + workflow + "/cancel",
				"\"" + current.path("version").asInt() + "\"", "{\"reason\":\"" + reason + "\"}");
	}

	/**
	 * @return how many workflows are in this state now
	 */
	public int count(String status) {
		int count = 0;
		String after = null;
		do {
			JsonNode page = send(this.signature.url(), "oscar", "operations", "GET",
					"/api/v1/workflows?limit=100&status=" + status + ((after != null) ? "&after=" + after : ""), null,
					null);
			count += page.path("items").size();
			after = page.path("next").isString() ? page.path("next").asString() : null;
		}
		while (after != null);
		return count;
	}

	/**
	 * @return the workflow as signature-service has it now
	 */
	public JsonNode workflowNow(UUID workflow) {
		return send(this.signature.url(), "oscar", "operations", "GET", "/api/v1/workflows/" + workflow, null, null);
	}

	/**
	 * @return the workflow's audit log, oldest first
	 */
	public List<JsonNode> audit(UUID workflow) {
		List<JsonNode> entries = new java.util.ArrayList<>();
		send(this.signature.url(), "oscar", "operations", "GET", "/api/v1/workflows/" + workflow + "/audit", null, null)
			.forEach(entries::add);
		return entries;
	}

	private static String link(MimeMessage mail) {
		try {
			String text = MimeParts.text(mail, "text/plain");
			Matcher matcher = LINK.matcher((text != null) ? text : "");
			return matcher.find() ? matcher.group(1) : null;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String recipients(MimeMessage message) {
		try {
			return Arrays.toString(message.getAllRecipients());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private JsonNode send(String base, String person, String role, String method, String path, String ifMatch,
			String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (person != null) {
			request.header("Authorization", "Bearer " + this.arrange.token(person, role));
		}
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		HttpResponse<String> answer = Arrange.call(request.build());
		if (answer.statusCode() >= 300) {
			throw new IllegalStateException(
					method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
		}
		return answer.body().isBlank() ? Arrange.json.createObjectNode() : Arrange.json.readTree(answer.body());
	}

}
