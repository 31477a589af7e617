package dev.vestline.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The local platform's OpenID Connect provider: Spring Authorization Server with the
 * demo's people and script clients, signing access tokens with keys it can rotate.
 * Development only: users, clients and keys live in memory.
 */
@SpringBootApplication
@EnableConfigurationProperties(IdentityProperties.class)
public class IdentityProviderApplication {

	public static void main(String[] args) {
		SpringApplication.run(IdentityProviderApplication.class, args);
	}

}
