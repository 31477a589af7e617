package dev.vestline.messaging.autoconfigure;

import java.time.Duration;

import dev.vestline.messaging.outbox.RelaySettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vestline.messaging.*}: how the outbox and the inbox behave.
 *
 * @param outbox the outbox
 * @param inbox the inbox
 */
@ConfigurationProperties("vestline.messaging")
public record MessagingProperties(@DefaultValue Outbox outbox, @DefaultValue Inbox inbox) {

	/**
	 * @param relayEnabled whether this instance runs a relay (any number may; one leads)
	 * @param batchSize rows per relay round trip
	 * @param pipelineDepth relay batches in flight at most (1: one at a time)
	 * @param pollBeforeSleeping how long the relay keeps polling once the outbox is
	 * drained, before it waits for a commit notification
	 * @param fallbackPoll how long the relay waits for a commit notification before it
	 * looks
	 * @param takeoverInterval how often a standby relay tries to lead
	 * @param initialBackoff first pause after a Kafka or database failure
	 * @param maxBackoff longest pause
	 * @param retention how long published rows are kept, counted from when they were
	 * written
	 * @param metricsRefresh how often backlog size and age are read
	 */
	public record Outbox(@DefaultValue("true") boolean relayEnabled, @DefaultValue("500") int batchSize,
			@DefaultValue("3") int pipelineDepth, @DefaultValue("20ms") Duration pollBeforeSleeping,
			@DefaultValue("5s") Duration fallbackPoll, @DefaultValue("1s") Duration takeoverInterval,
			@DefaultValue("100ms") Duration initialBackoff, @DefaultValue("30s") Duration maxBackoff,
			@DefaultValue("7d") Duration retention, @DefaultValue("5s") Duration metricsRefresh) {

		RelaySettings relaySettings() {
			return new RelaySettings(this.batchSize, this.pipelineDepth, this.pollBeforeSleeping, this.fallbackPoll,
					this.takeoverInterval, this.initialBackoff, this.maxBackoff);
		}

	}

	/**
	 * @param retention how long event ids are remembered; keep it longer than the topics'
	 * retention, so no redelivery can outlive its inbox row
	 * @param retries retries of a failing record before it is dead-lettered
	 * @param initialBackoff first pause before a retry
	 * @param maxBackoff longest pause between retries
	 */
	public record Inbox(@DefaultValue("30d") Duration retention, @DefaultValue("6") int retries,
			@DefaultValue("200ms") Duration initialBackoff, @DefaultValue("5s") Duration maxBackoff) {

	}

}
