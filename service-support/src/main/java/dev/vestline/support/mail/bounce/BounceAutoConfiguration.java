package dev.vestline.support.mail.bounce;

import java.time.Clock;

import javax.sql.DataSource;

import dev.vestline.messaging.HousekeepingJob;
import dev.vestline.support.mail.MailAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.MessagingException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The bounce reader, in a service that sends mail and names a bounce mailbox
 * ({@code vestline.mail.bounces.host}); without one, bounces are not read.
 */
@AutoConfiguration(after = MailAutoConfiguration.class)
@ConditionalOnBooleanProperty("vestline.mail.enabled")
@ConditionalOnProperty(prefix = "vestline.mail.bounces", name = "host")
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(BounceProperties.class)
public class BounceAutoConfiguration {

	@Bean
	BounceReader bounceReader(BounceProperties properties, DataSource dataSource, Clock clock,
			ObjectProvider<MeterRegistry> meters) {
		return new BounceReader(new BounceMailbox(properties), new BounceQueries(dataSource), clock,
				meters.getIfAvailable(SimpleMeterRegistry::new));
	}

	/**
	 * Reads the mailbox every {@code poll-interval} on every replica; a bounce is marked
	 * once however many read it. A mailbox that does not answer is logged and read again
	 * at the next interval.
	 */
	@Bean
	HousekeepingJob vestlineBounceReading(BounceReader reader, BounceProperties properties) {
		return new HousekeepingJob("vestline-bounce-reader", properties.pollInterval(), () -> {
			try {
				reader.readOnce();
			}
			catch (MessagingException ex) {
				throw new IllegalStateException("The bounce mailbox did not answer", ex);
			}
		}, "Reading the bounce mailbox failed; trying again at the next interval");
	}

}
