package dev.vestline.messaging.outbox;

import java.io.IOException;
import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox as an operator asks about it, read from the database so that any replica
 * answers the same: what is not published yet and since when, and which instance's relay
 * leads the schema now. Leadership is the session advisory lock of {@link RelayLock}; the
 * leader is the session holding it in {@code pg_locks}, named by the
 * {@code application_name} each instance gives its connections (see
 * {@code MessagingEnvironmentDefaults}).
 */
public class OutboxStatus {

	private final OutboxQueries queries;

	private final JdbcClient jdbc;

	private final Clock clock;

	public OutboxStatus(DataSource dataSource, Clock clock) {
		this.queries = new OutboxQueries(dataSource);
		this.jdbc = JdbcClient.create(dataSource);
		this.clock = clock;
	}

	/**
	 * @return the unpublished events now
	 */
	public Backlog backlog() {
		OutboxQueries.Backlog current = this.queries.backlog();
		return new Backlog(current.size(), current.oldest(), current.age(this.clock.instant()), current.parked(),
				current.held());
	}

	/**
	 * The relay lock's key is a 64-bit advisory key (the 32-bit hash, sign-extended),
	 * which {@code pg_locks} shows split into {@code classid} (high half) and
	 * {@code objid} (low half) with {@code objsubid = 1}.
	 * @return the session leading the relay of the current schema, empty while none does
	 * (a takeover under way)
	 */
	public Optional<Leader> leader() {
		return this.jdbc.sql("""
				SELECT a.application_name, host(a.client_addr) AS client_address, a.pid, a.backend_start
				  FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
				 WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
				   AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
				   AND ((l.classid::bigint << 32) | l.objid::bigint) = hashtext('vestline.outbox.' || current_schema())
				""")
			.query((rs, n) -> new Leader(rs.getString("application_name"), rs.getString("client_address"),
					rs.getInt("pid"), instant(rs.getTimestamp("backend_start"))))
			.optional();
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * The name this process gives its database sessions, and so its relay's lock:
	 * {@code <application> <instance>/<pid>}, where the instance is
	 * {@code VESTLINE_INSTANCE_ID} (the pod or the launcher's replica), else the host
	 * name. PostgreSQL keeps 63 bytes of it.
	 * @param application the application's name
	 * @param instanceId the platform's instance id, may be empty
	 * @return the name
	 */
	public static String sessionName(String application, @Nullable String instanceId) {
		String instance = (instanceId != null && !instanceId.isBlank()) ? instanceId : hostName();
		String name = application + " " + instance + "/" + ProcessHandle.current().pid();
		return (name.length() <= 63) ? name : name.substring(0, 63);
	}

	private static String hostName() {
		String fromEnvironment = System.getenv("HOSTNAME");
		if (fromEnvironment != null && !fromEnvironment.isBlank()) {
			return fromEnvironment;
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (IOException ex) {
			return "unknown-host";
		}
	}

	/**
	 * The unpublished events.
	 *
	 * @param size how many wait on the relay's work list
	 * @param oldestCreatedAt when the oldest of those was written, absent when none waits
	 * @param oldestAge how long it has waited, zero when none waits
	 * @param parked how many the broker refused again and again, parked for an operator
	 * @param held how many wait behind a parked event of their aggregate
	 */
	public record Backlog(long size, @Nullable Instant oldestCreatedAt, Duration oldestAge, long parked, long held) {
	}

	/**
	 * The database session holding the relay lock.
	 *
	 * @param applicationName the instance's session name ({@link #sessionName})
	 * @param clientAddress where it connects from, absent over a Unix socket
	 * @param pid the server process of the session
	 * @param sessionStartedAt when the session started (leadership began then or later)
	 */
	public record Leader(@Nullable String applicationName, @Nullable String clientAddress, int pid,
			@Nullable Instant sessionStartedAt) {
	}

}
