package dev.vestline.approval.web;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IfMatchTests {

	@Test
	void readsStrongAndWeakETags() {
		assertThat(IfMatch.version("\"3\"")).isEqualTo(3);
		assertThat(IfMatch.version("W/\"4\"")).isEqualTo(4);
		assertThat(IfMatch.version("5")).isEqualTo(5);
	}

	@Test
	void requiresTheHeader() {
		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> IfMatch.version(null))
			.satisfies((p) -> assertThat(p.status()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED));
	}

	@Test
	void refusesSomethingThatIsNotAVersion() {
		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> IfMatch.version("\"abc\""))
			.satisfies((p) -> assertThat(p.status()).isEqualTo(HttpStatus.BAD_REQUEST));
	}

	@Test
	void answersPreconditionFailedWhenStale() {
		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> IfMatch.check(2, 3))
			.satisfies((p) -> assertThat(p.status()).isEqualTo(HttpStatus.PRECONDITION_FAILED));
	}

}
