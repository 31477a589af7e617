package dev.vestline.messaging.autoconfigure;

import java.time.Duration;

import dev.vestline.messaging.outbox.RelaySettings;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code vestline.messaging.*}: how the outbox and the inbox behave.
 *
 * @param outbox the outbox
 * @param inbox the inbox
 * @param consumer the Kafka consumers of the listeners
 */
@ConfigurationProperties("vestline.messaging")
public record MessagingProperties(@DefaultValue Outbox outbox, @DefaultValue Inbox inbox,
		@DefaultValue Consumer consumer) {

	/**
	 * @param instanceId this instance's name among the service's running instances,
	 * stable across its restarts (a StatefulSet pod's name, or one the launcher gives):
	 * with it, every listener is a static member of its group ({@code group.instance.id}
	 * {@code <instance-id>.<group>.<topics>}), and a restarted instance gets its
	 * partitions back as soon as it rejoins. Never give two running instances the same
	 * one: they would fence each other. Without it, members are dynamic, and a killed
	 * instance's partitions wait for its session to time out
	 * ({@code spring.kafka.consumer.properties.session.timeout.ms}, 15 s by default here)
	 */
	public record Consumer(@Nullable String instanceId) {

	}

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
	 * @param maxEventSize the largest Kafka record (key, value and headers) an event may
	 * be: a larger one is refused when it is appended ({@code EventTooLargeException}),
	 * failing its transaction. Keep it well under the producer's {@code max.request.size}
	 * and every topic's {@code max.message.bytes} (1 MiB by default)
	 * @param parkAfter refusals of one row by the producer or the broker (too large,
	 * invalid) after which the relay parks it and holds its aggregate's later rows behind
	 * it, so that other aggregates' events flow on
	 * @param lease how long the relay leader may go without proving its lock session is
	 * alive: PostgreSQL ends a leader's session idle for longer (a frozen or cut-off
	 * leader), so a standby takes over within about the lease plus the takeover interval;
	 * the leader checks its session every fifth of it and stops relaying when it cannot
	 */
	public record Outbox(@DefaultValue("true") boolean relayEnabled, @DefaultValue("500") int batchSize,
			@DefaultValue("3") int pipelineDepth, @DefaultValue("20ms") Duration pollBeforeSleeping,
			@DefaultValue("5s") Duration fallbackPoll, @DefaultValue("1s") Duration takeoverInterval,
			@DefaultValue("100ms") Duration initialBackoff, @DefaultValue("30s") Duration maxBackoff,
			@DefaultValue("7d") Duration retention, @DefaultValue("5s") Duration metricsRefresh,
			@DefaultValue("512KB") DataSize maxEventSize, @DefaultValue("3") int parkAfter,
			@DefaultValue("10s") Duration lease) {

		RelaySettings relaySettings() {
			return new RelaySettings(this.batchSize, this.pipelineDepth, this.pollBeforeSleeping, this.fallbackPoll,
					this.takeoverInterval, this.initialBackoff, this.maxBackoff, this.parkAfter, this.lease);
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
