package dev.vestline.signature.signing;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinkTokenTests {

	@Test
	void mintsUniqueWellFormedTokensWhoseHashIsAllThatIsStored() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			LinkToken token = LinkToken.mint();
			assertThat(token.wellFormed()).isTrue();
			assertThat(token.sha256()).hasSize(32).isEqualTo(new LinkToken(token.value()).sha256());
			assertThat(seen.add(token.value())).isTrue();
		}
	}

	@Test
	void recognisesWhatCannotBeAToken() {
		assertThat(new LinkToken("abc").wellFormed()).isFalse();
		assertThat(new LinkToken("A".repeat(44)).wellFormed()).isFalse();
		assertThat(new LinkToken("A".repeat(42) + "/").wellFormed()).isFalse();
		assertThat(new LinkToken("A".repeat(43)).wellFormed()).isTrue();
	}

}
