package dev.vestline.support.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vestline.support.domain.Conflict;
import dev.vestline.support.domain.DomainException;
import dev.vestline.support.domain.Expired;
import dev.vestline.support.domain.InvalidInput;
import dev.vestline.support.domain.NotFound;
import dev.vestline.support.domain.NotPermitted;
import dev.vestline.support.domain.StaleVersion;
import dev.vestline.support.domain.Unacceptable;
import dev.vestline.support.domain.Unauthenticated;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class DomainProblemsTests {

	@Test
	void answersEachFamilyWithItsStatusAndDocumentedSlug() {
		Map<DomainException, Integer> statuses = Map.of(InvalidInput.field("amount", "must be positive"), 400,
				new Unauthenticated("no signature"), 401, new NotPermitted("four-eyes", "Four eyes", "not you"), 403,
				new NotFound("no deal"), 404, new Conflict("taken"), 409, new Expired("gone"), 410,
				new StaleVersion(3, "moved on"), 412, new Unacceptable("unknown deal"), 422);
		ProblemTypes types = ProblemTypes.load();
		statuses.forEach((ex, status) -> {
			ResponseEntity<ProblemDetail> answer = DomainProblems.response(ex);
			assertThat(answer.getStatusCode().value()).as(ex.slug()).isEqualTo(status);
			assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(answer.getBody().getType().toString()).isEqualTo(Problems.TYPE_BASE + ex.slug());
			assertThat(types.find(ex.slug())).as(ex.slug())
				.hasValueSatisfying((type) -> assertThat(type.status()).isEqualTo(status));
		});
	}

	@Test
	void tellsWhenToRetryAndWhatTheCurrentVersionIs() {
		ResponseEntity<ProblemDetail> busy = DomainProblems
			.response(new Conflict("lease-held", "Someone else is signing", "busy").retryAfter(Duration.ofMillis(300)));
		ResponseEntity<ProblemDetail> stale = DomainProblems.response(StaleVersion.of(7));

		assertThat(busy.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
		assertThat(busy.getBody().getProperties()).containsEntry("retryAfterSeconds", 1L);
		assertThat(stale.getHeaders().getETag()).isEqualTo("\"7\"");
		assertThat(stale.getBody().getProperties()).containsEntry("currentVersion", 7L);
	}

	@Test
	void namesEveryInvalidFieldInOrder() {
		ProblemDetail problem = DomainProblems
			.response(InvalidInput.fields(new LinkedHashMap<>(Map.of("currency", "is not ISO 4217"))))
			.getBody();

		assertThat(problem.getDetail()).isEqualTo("currency: is not ISO 4217");
		assertThat(problem.getProperties().get("errors"))
			.isEqualTo(List.of(Map.of("field", "currency", "message", "is not ISO 4217")));
	}

}
