package dev.vestline.support.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTypesTests {

	private final ProblemTypes types = ProblemTypes.load();

	@Test
	void documentsEverySlugTheKitAnswersWith() {
		assertThat(this.types.slugs()).contains("invalid-request", "unauthenticated", "forbidden", "not-found",
				"conflict", "expired", "stale-version", "unprocessable", "if-match-required", "payload-too-large",
				"event-too-large", "service-unavailable", "invariant-violated", "request-rejected",
				"idempotency-key-reused", "idempotency-key-in-use", "replay-running", "not-first-pending");
	}

	@Test
	void givesEveryTypeAStatusATitleAndADescription() {
		assertThat(this.types.slugs())
			.allSatisfy((slug) -> assertThat(this.types.find(slug)).hasValueSatisfying((type) -> assertThat(
					List.of(type.status() >= 400, type.title().isBlank(), type.description().length() > 20))
				.as(slug)
				.containsExactly(true, false, true)));
	}

	@Test
	void describesAPlainStatusFromItselfAndNothingElse() {
		assertThat(this.types.find("http-415"))
			.hasValueSatisfying((type) -> assertThat(type.title()).isEqualTo("Unsupported Media Type"));
		assertThat(this.types.find("http-999")).isEmpty();
		assertThat(this.types.find("no-such-problem")).isEmpty();
	}

}
