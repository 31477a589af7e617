package dev.vestline.signature.mail;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vestline.signature.mail.*}: when signers are reminded, and who hears of a
 * decline besides the other signers.
 *
 * @param remindEvery a signer who has not signed is reminded this long after their
 * current link was sent, with a fresh link
 * @param maxReminders at most this many reminders per link a person asked for
 * @param checkInterval how often each replica looks for reminders and expired links due
 * @param requester the desk that requested the signatures (operations' shared mailbox);
 * it hears of every decline. None when not set.
 */
@ConfigurationProperties("vestline.signature.mail")
public record SignatureMailProperties(@DefaultValue("3d") Duration remindEvery, @DefaultValue("2") int maxReminders,
		@DefaultValue("1m") Duration checkInterval, @Nullable String requester) {

}
