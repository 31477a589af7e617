package dev.vestline.support.consistency;

import dev.vestline.support.operations.OperatorActions;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Serves {@code POST /api/v1/consistency-checks} in a service that declares a
 * {@link ConsistencyCheck}, and runs it on {@code vestline.consistency.cron} (none unless
 * set; {@code -} turns it off).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(ConsistencyCheck.class)
public class ConsistencyAutoConfiguration {

	@Bean
	ConsistencyCheckController consistencyCheckController(ConsistencyCheck check, OperatorActions actions) {
		return new ConsistencyCheckController(check, actions);
	}

	@Bean
	ScheduledConsistencyCheck scheduledConsistencyCheck(ConsistencyCheck check) {
		return new ScheduledConsistencyCheck(check);
	}

	/** The check on the service's schedule; a gauge reads what it counted. */
	static class ScheduledConsistencyCheck {

		private final ConsistencyCheck check;

		ScheduledConsistencyCheck(ConsistencyCheck check) {
			this.check = check;
		}

		@Scheduled(cron = "${vestline.consistency.cron:-}")
		void run() {
			this.check.check();
		}

	}

}
