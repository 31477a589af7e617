package dev.vestline.signature.page;

import java.time.Clock;

import javax.sql.DataSource;

import dev.vestline.messaging.HousekeepingJob;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The limit on "send me a new link" and the job that forgets its old counts, on every
 * replica (a delete of old rows, harmless when two run it).
 */
@Configuration(proxyBeanMethods = false)
class NewLinkConfiguration {

	@Bean
	NewLinkLimit newLinkLimit(DataSource dataSource,
			@Value("${vestline.signature.pages.new-links-per-link:3}") int perLink,
			@Value("${vestline.signature.pages.new-links-per-address:20}") int perAddress, Clock clock) {
		return new NewLinkLimit(dataSource, perLink, perAddress, clock);
	}

	@Bean
	HousekeepingJob newLinkLimitRetention(NewLinkLimit limit) {
		return new HousekeepingJob("vestline-new-link-limit", NewLinkLimit.WINDOW, limit::forgetOldWindows,
				"Forgetting old new-link counts failed; trying again in an hour");
	}

}
