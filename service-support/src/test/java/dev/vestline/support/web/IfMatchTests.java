package dev.vestline.support.web;

import dev.vestline.support.domain.InvalidInput;
import dev.vestline.support.domain.StaleVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IfMatchTests {

	@Test
	void readsStrongWeakAndBareETags() {
		assertThat(IfMatch.version("\"3\"")).isEqualTo(3);
		assertThat(IfMatch.version("W/\"4\"")).isEqualTo(4);
		assertThat(IfMatch.version("5")).isEqualTo(5);
		assertThat(IfMatch.etag(6)).isEqualTo("\"6\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " " })
	void requiresTheHeader(String blank) {
		assertThatExceptionOfType(ErrorResponseException.class).isThrownBy(() -> IfMatch.version(blank))
			.satisfies((p) -> assertThat(p.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED))
			.satisfies((p) -> assertThat(p.getBody().getType().toString()).endsWith("/if-match-required"));
		assertThatExceptionOfType(ErrorResponseException.class).isThrownBy(() -> IfMatch.version(null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"abc\"", "*", "\"1\", \"2\"", "\"-1\"", "\"\"", "\"99999999999999999999\"", "\"١\"" })
	void refusesWhatNamesNoVersionNamingTheHeader(String header) {
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> IfMatch.version(header))
			.satisfies((p) -> assertThat(p.slug()).isEqualTo("invalid-request"))
			.satisfies((p) -> assertThat(p.properties().get("errors").toString()).contains("If-Match"));
	}

	@Test
	void refusesAVersionPastAnIntWhereVersionsAreInts() {
		assertThat(IfMatch.intVersion("\"7\"")).isEqualTo(7);
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> IfMatch.intVersion("\"4294967296\""));
	}

	@Test
	void staleVersionCarriesTheCurrentVersion() {
		assertThatExceptionOfType(StaleVersion.class).isThrownBy(() -> StaleVersion.check(2, 3))
			.satisfies((p) -> assertThat(p.currentVersion()).isEqualTo(3))
			.satisfies((p) -> assertThat(p.properties()).containsEntry("currentVersion", 3L));
		StaleVersion.check(3, 3);
	}

}
