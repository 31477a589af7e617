package dev.vestline.approval.approvals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vestline.approval.support.Api;
import dev.vestline.approval.support.ApprovalApiTest;
import dev.vestline.approval.support.Scenario;
import dev.vestline.events.Contact;
import dev.vestline.events.DomainEvent;
import dev.vestline.events.approval.ApprovalGranted;
import org.junit.jupiter.api.Test;

import static dev.vestline.approval.support.Scenario.OPERATIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The investor's name and e-mail address arrive with the approval request and travel on
 * only with the grant, which the signature service needs to mail the signing links.
 */
class InvestorContactIntegrationTests extends ApprovalApiTest {

	@Test
	void carriesTheInvestorsContactOnTheGrantAndOnNoOtherEvent() {
		UUID deal = this.scenario.deal("1000000.00");
		Map<String, Object> body = Scenario.subscription(deal, "inv-mail-1", "1000.00");
		body.put("investor", Map.of("name", "Ada Lovelace", "email", "ada@investor.example.org"));
		Api.Response requested = this.scenario.request(body);
		this.scenario.approve(this.scenario.approve(requested, "carla", "compliance"), "oscar", "operations");

		List<DomainEvent> events = this.published.of(UUID.fromString(requested.text("id")));
		assertThat(events).last()
			.isInstanceOfSatisfying(ApprovalGranted.class, (grant) -> assertThat(grant.investor())
				.isEqualTo(new Contact("Ada Lovelace", "ada@investor.example.org")));
		assertThat(events.subList(0, events.size() - 1)).extracting(Object::toString)
			.noneMatch((text) -> text.contains("ada@investor.example.org"));
	}

	@Test
	void grantsWithoutAContactWhenTheRequestGaveNone() {
		UUID deal = this.scenario.deal("1000000.00");
		Api.Response requested = this.scenario.request(Scenario.subscription(deal, "inv-mail-2", "1000.00"));
		this.scenario.approve(this.scenario.approve(requested, "carla", "compliance"), "oscar", "operations");

		assertThat(this.published.of(UUID.fromString(requested.text("id")), ApprovalGranted.class)).singleElement()
			.satisfies((grant) -> assertThat(grant.investor()).isNull());
	}

	@Test
	void namesTheFieldOfAnInvalidContact() {
		UUID deal = this.scenario.deal("1000.00");
		Map<String, Object> body = Scenario.interest(deal, "inv-mail-3");
		body = new java.util.LinkedHashMap<>(body);
		body.put("investor", Map.of("name", "Ada", "email", "not an address"));

		Api.Response refused = this.api.post("/api/v1/approvals", OPERATIONS, body);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("investor.email");
	}

}
