package dev.vestline.billing.consistency;

import java.time.Clock;

import dev.vestline.support.consistency.ConsistencyCheck;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Billing's invariants ({@link InvariantQueries}) on the shared consistency check, run on
 * demand and on {@code vestline.consistency.cron}.
 */
@Configuration(proxyBeanMethods = false)
class ConsistencyConfiguration {

	@Bean
	ConsistencyCheck consistencyCheck(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
			MeterRegistry registry) {
		return new ConsistencyCheck("billing", InvariantQueries.INVARIANTS, jdbc, transactions, clock, registry);
	}

}
