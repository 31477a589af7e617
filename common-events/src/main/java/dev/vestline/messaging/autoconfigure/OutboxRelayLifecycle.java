package dev.vestline.messaging.autoconfigure;

import dev.vestline.messaging.outbox.OutboxRelay;

import org.springframework.context.SmartLifecycle;

/**
 * Starts the relay when the application has started (after migrations) and stops it first
 * on shutdown, before the data source goes.
 */
class OutboxRelayLifecycle implements SmartLifecycle {

	private final OutboxRelay relay;

	private volatile boolean running;

	OutboxRelayLifecycle(OutboxRelay relay) {
		this.relay = relay;
	}

	@Override
	public void start() {
		this.relay.start();
		this.running = true;
	}

	@Override
	public void stop() {
		this.relay.stop();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	OutboxRelay relay() {
		return this.relay;
	}

}
