package dev.vestline.support.mail;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.vestline.messaging.HousekeepingJob;
import dev.vestline.support.operations.OperatorActions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.api.Location;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mail kit, in a service that sets {@code vestline.mail.enabled}: the
 * {@code mail_outbox} migration in its schema, the {@link MailOutbox}, the sender on
 * every replica and the staff API for failed mails. SMTP is Spring Boot's
 * {@code spring.mail.*}.
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, MailSenderAutoConfiguration.class })
@ConditionalOnBooleanProperty("vestline.mail.enabled")
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(MailProperties.class)
public class MailAutoConfiguration {

	/**
	 * The messaging kit's default inbox retention ({@code MessagingProperties.Inbox}).
	 */
	private static final Duration INBOX_RETENTION_DEFAULT = Duration.ofDays(30);

	/** Where the outbox's migrations live (versions 0.9.5 and up, run out of order). */
	public static final String MIGRATIONS = "classpath:db/vestline-mail";

	@Bean
	FlywayConfigurationCustomizer vestlineMailMigrations() {
		return (configuration) -> {
			List<Location> locations = new ArrayList<>(List.of(configuration.getLocations()));
			locations.add(new Location(MIGRATIONS));
			configuration.locations(locations.toArray(Location[]::new)).outOfOrder(true);
		};
	}

	@Bean
	MailQueries mailQueries(DataSource dataSource) {
		return new MailQueries(dataSource);
	}

	@Bean
	MailOutbox mailOutbox(MailQueries queries, MailProperties properties, Clock clock) {
		return new MailOutbox(queries, properties, clock);
	}

	@Bean
	FailedMails failedMails(MailQueries queries, MailProperties properties, Clock clock) {
		return new FailedMails(queries, properties, clock);
	}

	@Bean
	MailDelivery mailDelivery(MailQueries queries, JavaMailSender sender, MailProperties properties, Clock clock,
			ObjectProvider<MeterRegistry> meters) {
		if (sender instanceof JavaMailSenderImpl impl) {
			withTimeouts(impl, properties);
		}
		return new MailDelivery(queries, new SmtpTransport(sender, properties), properties, clock,
				meters.getIfAvailable(SimpleMeterRegistry::new), "mail-" + UUID.randomUUID());
	}

	/**
	 * Sends due mail every {@code poll-interval} on every replica; the claims make that
	 * safe. A failed run (the database away, say) is logged and the next interval tries
	 * again; claims run out meanwhile.
	 */
	@Bean
	HousekeepingJob vestlineMailSending(MailDelivery delivery, MailProperties properties) {
		return new HousekeepingJob("vestline-mail-sender", properties.pollInterval(), delivery::sendAllDue,
				"Sending mail failed; trying again at the next interval");
	}

	/**
	 * Forgets sent mail and read bounces past {@code vestline.mail.retention}, every
	 * {@code cleanup-interval} on every replica (skip-locked batches make that safe).
	 */
	@Bean
	HousekeepingJob vestlineMailRetention(MailQueries queries, MailProperties properties, Environment environment,
			Clock clock) {
		MailRetention.requireLongerThanInbox(properties.retention(),
				Binder.get(environment)
					.bind("vestline.messaging.inbox.retention", Duration.class)
					.orElse(INBOX_RETENTION_DEFAULT));
		MailRetention retention = new MailRetention(queries);
		return new HousekeepingJob("vestline-mail-retention", properties.cleanupInterval(),
				() -> retention.forgetBefore(clock.instant().minus(properties.retention())),
				"Mail retention failed; trying again at the next interval");
	}

	/**
	 * JavaMail waits forever by default; a claim must outlast every SMTP step, so each
	 * gets the kit's timeout unless the service set one.
	 */
	private static void withTimeouts(JavaMailSenderImpl sender, MailProperties properties) {
		String timeout = Long.toString(properties.smtpTimeout().toMillis());
		for (String name : List.of("mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout")) {
			sender.getJavaMailProperties().putIfAbsent(name, timeout);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class Api {

		@Bean
		MailController mailController(FailedMails failed, OperatorActions actions, TransactionTemplate transactions) {
			return new MailController(failed, actions, transactions);
		}

	}

}
