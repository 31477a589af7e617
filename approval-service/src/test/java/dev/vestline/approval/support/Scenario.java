package dev.vestline.approval.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps tests share: create a deal, request an approval, decide its steps.
 */
public final class Scenario {

	public static final String OPERATIONS = Api.token("olga", "operations");

	private final Api api;

	public Scenario(Api api) {
		this.api = api;
	}

	public UUID deal(String capacity) {
		Api.Response created = this.api.post("/api/v1/deals", OPERATIONS,
				Map.of("vehicleId", UUID.randomUUID(), "name", "Fund IV", "currency", "EUR", "capacity", capacity));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.text("id"));
	}

	public static Map<String, Object> subscription(UUID deal, String investor, String amount) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", "SUBSCRIPTION");
		body.put("dealId", deal.toString());
		body.put("investorId", investor);
		body.put("subscriptionId", UUID.randomUUID().toString());
		body.put("amount", amount);
		return body;
	}

	public static Map<String, Object> interest(UUID deal, String investor) {
		return Map.of("kind", "DEAL_INTEREST", "dealId", deal.toString(), "investorId", investor);
	}

	public Api.Response request(Map<String, Object> body) {
		Api.Response created = this.api.post("/api/v1/approvals", OPERATIONS, body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created;
	}

	public Api.Response decide(String approval, String user, String role, String etag, String decision,
			@Nullable String reason) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("decision", decision);
		if (reason != null) {
			body.put("reason", reason);
		}
		return this.api.post("/api/v1/approvals/" + approval + "/decisions", Api.token(user, role), body,
				Map.of("If-Match", etag));
	}

	public Api.Response approve(Api.Response approval, String user, String role) {
		Api.Response decided = decide(approval.text("id"), user, role, approval.etag(), "APPROVE", null);
		assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
		return decided;
	}

	/** Requests a subscription and approves every step but the last. */
	public Api.Response subscriptionAwaitingLastStep(UUID deal, String investor, String amount) {
		Api.Response approval = request(subscription(deal, investor, amount));
		return approve(approval, "carl-" + investor, "compliance");
	}

	/** Requests a subscription and approves every step. */
	public Api.Response grantedSubscription(UUID deal, String investor, String amount) {
		return approve(subscriptionAwaitingLastStep(deal, investor, amount), "otto-" + investor, "operations");
	}

	public String reserved(UUID deal) {
		return this.api.get("/api/v1/deals/" + deal, OPERATIONS).json().path("reserved").path("amount").asString();
	}

}
