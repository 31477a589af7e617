package dev.vestline.signature.web;

import org.junit.jupiter.api.Test;

import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class LinkTokenObservationsTests {

	static final String TOKEN = "UZohbyKdUDpNttr9zLH-GsQS7YmFBSxAp6IKD7hUOcI";

	LinkTokenObservations convention = new LinkTokenObservations();

	@Test
	void namesASigningRequestByItsRouteNotItsToken() {
		ServerRequestObservationContext context = context("/sign/" + TOKEN + "/signature");
		context.setPathPattern("/sign/{token}/signature");

		assertThat(this.convention.getHighCardinalityKeyValues(context).stream())
			.anySatisfy((kv) -> assertThat(kv.getValue()).isEqualTo("/sign/{token}/signature"))
			.noneSatisfy((kv) -> assertThat(kv.getValue()).contains(TOKEN));
		assertThat(this.convention.getLowCardinalityKeyValues(context).stream())
			.noneSatisfy((kv) -> assertThat(kv.getValue()).contains(TOKEN));
	}

	@Test
	void dropsTheUrlOfASigningPathThatMatchedNoRoute() {
		ServerRequestObservationContext unmatched = context("/api/v1/signing/" + TOKEN + "/nothing");
		ServerRequestObservationContext resource = context("/sign/" + TOKEN + "/nothing");
		resource.setPathPattern("/**");

		for (ServerRequestObservationContext context : java.util.List.of(unmatched, resource)) {
			assertThat(this.convention.getHighCardinalityKeyValues(context).stream())
				.noneSatisfy((kv) -> assertThat(kv.getValue()).contains(TOKEN));
		}
	}

	@Test
	void keepsOtherUrlsAsTheyAre() {
		ServerRequestObservationContext context = context("/api/v1/workflows/42");
		context.setPathPattern("/api/v1/workflows/{id}");

		assertThat(this.convention.getHighCardinalityKeyValues(context).stream())
			.anySatisfy((kv) -> assertThat(kv.getValue()).isEqualTo("/api/v1/workflows/42"));
	}

	private static ServerRequestObservationContext context(String path) {
		return new ServerRequestObservationContext(new MockHttpServletRequest("GET", path),
				new MockHttpServletResponse());
	}

}
