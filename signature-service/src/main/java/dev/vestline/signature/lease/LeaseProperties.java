package dev.vestline.signature.lease;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vestline.signature.lease.*}: how long a signer may hold a workflow and how long
 * others wait for it.
 *
 * @param duration how long a lease lasts; longer than rendering and committing a
 * signature ever takes
 * @param maxWait how long a caller waits for a held lease before it gets a 409
 * @param initialBackoff the first pause between attempts
 * @param maxBackoff the longest pause between attempts
 * @param reaperInterval how often expired leases are cleared
 */
@ConfigurationProperties("vestline.signature.lease")
public record LeaseProperties(@DefaultValue("30s") Duration duration, @DefaultValue("5s") Duration maxWait,
		@DefaultValue("20ms") Duration initialBackoff, @DefaultValue("400ms") Duration maxBackoff,
		@DefaultValue("5s") Duration reaperInterval) {

}
