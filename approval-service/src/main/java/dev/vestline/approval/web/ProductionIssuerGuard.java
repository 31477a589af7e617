package dev.vestline.approval.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

import dev.vestline.support.security.DevTokens;

/**
 * Under {@code prod}, refuses to start without a real token issuer: the shared guard
 * checks secrets and URLs, not the issuer the tokens must name.
 */
@Configuration(proxyBeanMethods = false)
@Profile("prod")
class ProductionIssuerGuard {

	@Bean
	static SmartInitializingSingleton productionIssuerGuard(Environment environment) {
		List<String> problems = problems(environment);
		if (!problems.isEmpty()) {
			throw new IllegalStateException(
					"Refusing to start under the prod profile:\n - " + String.join("\n - ", problems));
		}
		return () -> {
		};
	}

	static List<String> problems(Environment environment) {
		List<String> problems = new ArrayList<>();
		String issuer = environment.getProperty("vestline.security.jwt.issuer", "");
		if (issuer.isBlank() || issuer.equals(DevTokens.ISSUER)) {
			problems.add("vestline.security.jwt.issuer must name the production token issuer, not '" + issuer + "'");
		}
		return problems;
	}

}
