package dev.vestline.support.idempotency;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyAutoConfigurationTests {

	@Test
	void addsTheSharedMigrationsAndLetsThemRunOutOfOrder() {
		FluentConfiguration configuration = Flyway.configure().locations("classpath:db/migration");

		new IdempotencyAutoConfiguration().vestlineIdempotencyMigrations().customize(configuration);

		assertThat(configuration.getLocations()).containsExactly(new Location("classpath:db/migration"),
				new Location(IdempotencyAutoConfiguration.MIGRATIONS));
		assertThat(configuration.isOutOfOrder()).isTrue();
	}

}
