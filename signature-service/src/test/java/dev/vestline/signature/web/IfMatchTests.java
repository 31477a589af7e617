package dev.vestline.signature.web;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IfMatchTests {

	@Test
	void readsStrongAndWeakETags() {
		assertThat(IfMatch.version("\"3\"")).isEqualTo(3);
		assertThat(IfMatch.version("W/\"12\"")).isEqualTo(12);
		assertThat(IfMatch.etag(5)).isEqualTo("\"5\"");
	}

	@Test
	void asksForIfMatchWhenAbsentAndCallsAnythingElseStale() {
		assertThatThrownBy(() -> IfMatch.version(null)).isInstanceOfSatisfying(ApiProblem.class,
				(problem) -> assertThat(problem.status()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED));
		assertThatThrownBy(() -> IfMatch.version("\"abc\"")).isInstanceOfSatisfying(ApiProblem.class,
				(problem) -> assertThat(problem.status()).isEqualTo(HttpStatus.PRECONDITION_FAILED));
	}

}
