package dev.vestline.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;

import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.core.throttle.Throttler;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;

/**
 * A TCP proxy (NetCrusher) between the services and PostgreSQL: every service connects
 * through it, so the suite can delay, freeze and cut their connections as a bad network
 * would, while the server itself runs on.
 */
final class DatabaseProxy implements AutoCloseable {

	private final NioReactor reactor;

	private final TcpCrusher crusher;

	private final Latency latency = new Latency();

	DatabaseProxy(int port, int postgresPort) {
		try {
			this.reactor = new NioReactor(10);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.crusher = TcpCrusherBuilder.builder()
			.withReactor(this.reactor)
			.withBindAddress("localhost", port)
			.withConnectAddress("localhost", postgresPort)
			.withIncomingThrottlerFactory((address) -> this.latency)
			.withOutgoingThrottlerFactory((address) -> this.latency)
			.buildAndOpen();
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.crusher.getBindAddress().getPort() + "/postgres";
	}

	/** Every packet, both ways, waits this long first; {@link Duration#ZERO} for none. */
	void delay(Duration delay) {
		this.latency.nanos = delay.toNanos();
	}

	/** No byte goes through and no connection is accepted; the sockets stay open. */
	void freeze() {
		this.crusher.freeze();
	}

	void unfreeze() {
		if (this.crusher.isFrozen()) {
			this.crusher.unfreeze();
		}
	}

	/** Closes every connection and the listening socket: new connections are refused. */
	void cut() {
		this.crusher.close();
	}

	/** Listens again; new connections go through. */
	void reopen() {
		if (!this.crusher.isOpen()) {
			this.crusher.open();
		}
	}

	/** Back to a transparent proxy: open, not frozen, no delay. */
	void heal() {
		delay(Duration.ZERO);
		reopen();
		unfreeze();
	}

	int connections() {
		return this.crusher.getClientAddresses().size();
	}

	@Override
	public void close() {
		this.crusher.close();
		this.reactor.close();
	}

	/** The same delay for every connection, changed while they run. */
	private static final class Latency implements Throttler {

		private volatile long nanos;

		@Override
		public long calculateDelayNs(ByteBuffer bb) {
			return this.nanos;
		}

	}

}
