package dev.vestline.console.services;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The person's token on every call, and signing in again when it has expired or a service
 * refuses it. The token's source is the session's authorized client, as in the running
 * console; the provider is not asked (its part is in the integration tests).
 */
class PersonsTokenTests {

	private static final ClientRegistration REGISTRATION = ClientRegistration.withRegistrationId("vestline")
		.clientId("vestline-console")
		.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
		.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
		.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
		.authorizationUri("http://127.0.0.1:9000/oauth2/authorize")
		.tokenUri("http://127.0.0.1:9000/oauth2/token")
		.build();

	private final HttpSessionOAuth2AuthorizedClientRepository sessions = new HttpSessionOAuth2AuthorizedClientRepository();

	private final TestingAuthenticationToken carla = new TestingAuthenticationToken("carla", null, "ROLE_compliance");

	private final MockHttpServletRequest request = new MockHttpServletRequest();

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@BeforeEach
	void signedIn() {
		SecurityContextHolder.getContext().setAuthentication(this.carla);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(this.request, this.response));
	}

	@AfterEach
	void signedOut() {
		SecurityContextHolder.clearContext();
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void sendsThePersonsAccessTokenAsABearerToken() throws IOException {
		holds(token("carla-token", Instant.now().plusSeconds(600)));
		MockClientHttpRequest call = call();

		token().intercept(call, new byte[0], (sent, body) -> new MockClientHttpResponse(new byte[0], HttpStatus.OK));

		assertThat(call.getHeaders().getFirst("Authorization")).isEqualTo("Bearer carla-token");
	}

	@Test
	void signsInAgainInsteadOfSendingAnExpiredToken() {
		holds(token("old-token", Instant.now().minusSeconds(1)));

		assertThatExceptionOfType(ClientAuthorizationRequiredException.class)
			.isThrownBy(() -> token().intercept(call(), new byte[0], (sent, body) -> {
				throw new AssertionError("an expired token was sent");
			}));
		assertThat(held()).as("forgotten").isNull();
	}

	@Test
	void signsInAgainWhenAServiceRefusesTheToken() {
		holds(token("revoked-token", Instant.now().plusSeconds(600)));

		assertThatExceptionOfType(ClientAuthorizationRequiredException.class).isThrownBy(() -> token().intercept(call(),
				new byte[0], (sent, body) -> new MockClientHttpResponse(new byte[0], HttpStatus.UNAUTHORIZED)));
		assertThat(held()).as("forgotten").isNull();
	}

	private PersonsToken token() {
		// the manager of a client that cannot refresh: it gives back what the session
		// holds
		return new PersonsToken((authorize) -> held(), this.sessions);
	}

	private void holds(OAuth2AccessToken token) {
		this.sessions.saveAuthorizedClient(new OAuth2AuthorizedClient(REGISTRATION, "carla", token), this.carla,
				this.request, this.response);
	}

	private OAuth2AuthorizedClient held() {
		return this.sessions.loadAuthorizedClient("vestline", this.carla, this.request);
	}

	private static OAuth2AccessToken token(String value, Instant expiresAt) {
		return new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, value, expiresAt.minusSeconds(3600),
				expiresAt);
	}

	private static MockClientHttpRequest call() {
		return new MockClientHttpRequest(HttpMethod.GET, URI.create("http://127.0.0.1:8081/api/v1/approvals"));
	}

}
