package dev.vestline.console;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vestline.console.*}: where the services' public APIs are, and where the identity
 * provider puts a person's roles.
 *
 * @param services the services' base URLs
 * @param rolesClaim the ID token claim with the person's roles: a name, or a dotted path
 * such as {@code realm_access.roles} (Keycloak)
 * @param apiTimeout how long a page waits for a service before it says the service is not
 * answering
 */
@ConfigurationProperties("vestline.console")
public record ConsoleProperties(Services services, @DefaultValue("roles") String rolesClaim,
		@DefaultValue("10s") Duration apiTimeout) {

	/**
	 * The base URLs of the services the console calls.
	 *
	 * @param approval approval-service, e.g. {@code http://localhost:8081}
	 */
	public record Services(URI approval) {

	}

}
