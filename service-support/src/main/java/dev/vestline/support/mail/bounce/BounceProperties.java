package dev.vestline.support.mail.bounce;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vestline.mail.bounces.*}: the IMAP mailbox the bounces of this service's mails
 * arrive in (the SMTP envelope sender, {@code spring.mail.properties.mail.smtp.from}).
 * Off unless {@code host} is set. One mailbox per service: a bounce of another service's
 * mail is flagged there and left alone.
 *
 * @param host the IMAP server
 * @param port its port
 * @param ssl whether to speak IMAP over TLS (imaps)
 * @param user the mailbox's user
 * @param password its password
 * @param folder the folder bounces arrive in
 * @param pollInterval how often each replica reads it
 * @param batchSize at most this many messages per read
 * @param timeout connect and read timeout of the IMAP connection
 */
@ConfigurationProperties("vestline.mail.bounces")
public record BounceProperties(@Nullable String host, @DefaultValue("993") int port, @DefaultValue("true") boolean ssl,
		@Nullable String user, @Nullable String password, @DefaultValue("INBOX") String folder,
		@DefaultValue("1m") Duration pollInterval, @DefaultValue("50") int batchSize,
		@DefaultValue("30s") Duration timeout) {

}
