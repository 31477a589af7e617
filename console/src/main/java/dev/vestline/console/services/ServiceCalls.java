package dev.vestline.console.services;

import java.net.URI;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.web.client.RestClient;

import dev.vestline.console.ConsoleProperties;

/**
 * One {@link RestClient} per service, each relaying the person's token and turning every
 * 4xx and 5xx into a {@link ServiceProblem}.
 */
@Configuration(proxyBeanMethods = false)
class ServiceCalls {

	@Bean
	OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientRepository authorizedClients) {
		DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
				authorizedClients);
		// a provider that issues refresh tokens to public clients (Keycloak) gets them
		// used; without one (Spring Authorization Server) PersonsToken signs in again
		manager.setAuthorizedClientProvider(
				OAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().refreshToken().build());
		return manager;
	}

	@Bean
	PersonsToken personsToken(OAuth2AuthorizedClientManager manager,
			OAuth2AuthorizedClientRepository authorizedClients) {
		return new PersonsToken(manager, authorizedClients);
	}

	@Bean
	RestClient approvalApi(RestClient.Builder builder, PersonsToken token, ConsoleProperties properties) {
		return client(builder, token, properties, properties.services().approval());
	}

	private static RestClient client(RestClient.Builder builder, PersonsToken token, ConsoleProperties properties,
			URI service) {
		return builder.clone()
			.baseUrl(service.toString())
			.requestFactory(ClientHttpRequestFactoryBuilder.jdk()
				.build(HttpClientSettings.defaults()
					.withConnectTimeout(properties.apiTimeout())
					.withReadTimeout(properties.apiTimeout())))
			.requestInterceptor(token)
			.defaultStatusHandler((status) -> status.isError(), ServiceProblem::read)
			.build();
	}

}
