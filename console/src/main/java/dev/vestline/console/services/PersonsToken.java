package dev.vestline.console.services;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Puts the signed-in person's access token on every call to a service. A token that has
 * expired (and could not be refreshed) or that a service refuses (401) is forgotten, and
 * the person is sent through the provider again:
 * {@link ClientAuthorizationRequiredException} makes Spring Security redirect to the
 * authorization endpoint, which, while the provider's own session lasts, comes straight
 * back without a password.
 */
class PersonsToken implements ClientHttpRequestInterceptor {

	private static final String REGISTRATION = "vestline";

	/** A token this close to expiring is not sent: it could expire on the way. */
	private static final Duration MARGIN = Duration.ofSeconds(30);

	private final OAuth2AuthorizedClientManager manager;

	private final OAuth2AuthorizedClientRepository authorizedClients;

	private final Clock clock = Clock.systemUTC();

	PersonsToken(OAuth2AuthorizedClientManager manager, OAuth2AuthorizedClientRepository authorizedClients) {
		this.manager = manager;
		this.authorizedClients = authorizedClients;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		Authentication person = SecurityContextHolder.getContext().getAuthentication();
		ServletRequestAttributes servlet = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
		if (person == null) {
			throw new ClientAuthorizationRequiredException(REGISTRATION);
		}
		OAuth2AuthorizedClient client = this.manager
			.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION)
				.principal(person)
				.attribute(HttpServletRequest.class.getName(), servlet.getRequest())
				.attribute(HttpServletResponse.class.getName(), servlet.getResponse())
				.build());
		if (client == null || expiresSoon(client)) {
			throw signInAgain(person, servlet);
		}
		request.getHeaders().setBearerAuth(client.getAccessToken().getTokenValue());
		ClientHttpResponse response = execution.execute(request, body);
		if (response.getStatusCode().value() == 401) {
			response.close();
			throw signInAgain(person, servlet);
		}
		return response;
	}

	private boolean expiresSoon(OAuth2AuthorizedClient client) {
		var expiresAt = client.getAccessToken().getExpiresAt();
		return expiresAt != null && expiresAt.isBefore(this.clock.instant().plus(MARGIN));
	}

	private ClientAuthorizationRequiredException signInAgain(Authentication person, ServletRequestAttributes servlet) {
		this.authorizedClients.removeAuthorizedClient(REGISTRATION, person, servlet.getRequest(),
				Objects.requireNonNull(servlet.getResponse(), "a page's request has a response"));
		return new ClientAuthorizationRequiredException(REGISTRATION);
	}

}
