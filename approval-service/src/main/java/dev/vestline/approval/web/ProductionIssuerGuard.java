package dev.vestline.approval.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

import dev.vestline.support.production.ProductionGuard;
import dev.vestline.support.security.DevTokens;

/**
 * Under {@code prod}, refuses to start without a real token issuer (the shared
 * {@link ProductionGuard} checks secrets and URLs, not the issuer tokens must name), and
 * reports the shared guard's findings in the same message.
 */
@Configuration(proxyBeanMethods = false)
@Profile("prod")
class ProductionIssuerGuard {

	@Bean
	static SmartInitializingSingleton jwtIssuerCheck(Environment environment) {
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
		try {
			// name every problem at once, the shared guard's too, so one restart fixes
			// them all
			new ProductionGuard(environment).check();
		}
		catch (IllegalStateException ex) {
			ex.getMessage()
				.lines()
				.filter((line) -> line.startsWith(" - "))
				.map((line) -> line.substring(3))
				.forEach(problems::add);
		}
		return problems;
	}

}
