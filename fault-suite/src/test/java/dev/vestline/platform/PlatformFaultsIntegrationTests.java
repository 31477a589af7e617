package dev.vestline.platform;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.vestline.platform.SubscriptionLifecycle.Fault;
import dev.vestline.platform.SubscriptionLifecycle.Outcome;
import dev.vestline.testharness.FreePorts;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The four services as processes on one PostgreSQL server (durable settings, reached
 * through a TCP proxy) and one KRaft broker, started once. Each scenario drives one new
 * subscription from deal to paid invoice through the public APIs, breaks something while
 * the pack is signed (when every service has work in flight), heals it, and then requires
 * exactly the state one subscription leaves behind. Recovery times are printed (prefix
 * {@code [fault-suite]}), never asserted beyond generous bounds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class PlatformFaultsIntegrationTests {

	private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

	/**
	 * The longest a caller may wait while the database is away: a request on a connection
	 * that was in use when the freeze began waits for pgjdbc's 30 s socket timeout (a new
	 * connection gives up after the pool's 5 s); doubled for a small, shared machine.
	 */
	private static final Duration ANSWER_BOUND = Duration.ofSeconds(60);

	private static final Duration PATIENCE = Duration.ofMinutes(4);

	private static final Map<String, Map<String, String>> PROPERTIES = Map.of("billing",
			Map.of("vestline.billing.invoices.run-cron", "-", "vestline.billing.management-fees.cron", "-"),
			"reconciliation", Map.of("vestline.reconciliation.invariants.interval", "PT2S",
					"vestline.reconciliation.invariants.initial-delay", "PT1S"));

	/**
	 * Under target/, so the logs of PostgreSQL, the broker and the services outlive a
	 * run.
	 */
	private final Path home = Path.of("target", "faults", "run-" + System.currentTimeMillis()).toAbsolutePath();

	private final Recoveries recoveries = new Recoveries(System.out);

	private @Nullable DurablePostgres postgres;

	private @Nullable DatabaseProxy proxy;

	private @Nullable LocalPlatform platform;

	private @Nullable EventWatcher watcher;

	@BeforeAll
	void startThePlatform() {
		int postgresPort = FreePorts.pick();
		this.postgres = DurablePostgres.start(this.home.resolve("postgres"), postgresPort);
		this.proxy = new DatabaseProxy(FreePorts.pick(), postgresPort);
		PlatformOptions defaults = PlatformOptions.forTests(this.home, REPOSITORY, PROPERTIES);
		Instant start = Instant.now();
		this.platform = LocalPlatform
			.start(new PlatformOptions(defaults.home(), defaults.repository(), this.proxy.jdbcUrl(), "postgres",
					"postgres", defaults.ports(), false, false, defaults.serviceProperties()));
		this.recoveries.record("start", "PostgreSQL, broker and four services ready", start, Instant.now());
		this.watcher = new EventWatcher(this.platform.bootstrapServers());
	}

	@AfterAll
	void stopThePlatform() {
		this.recoveries.print();
		if (this.watcher != null) {
			this.watcher.close();
		}
		if (this.platform != null) {
			this.platform.close();
		}
		if (this.proxy != null) {
			this.proxy.close();
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	@Test
	@Order(1)
	void aServiceKilledWhileItConsumesComesBackAndTheFlowCompletesWithNothingTwice() {
		String scenario = "billing kill -9";
		Instant[] readyAgain = new Instant[1];
		try {
			Ran outcome = run(scenario, new Fault() {
				@Override
				public void afterSignatures() {
					Instant killed = Instant.now();
					Signals.kill(List.of(platform().process("billing").pid()));
					platform().stop("billing"); // forgets the dead process
					platform().start("billing");
					readyAgain[0] = Instant.now();
					PlatformFaultsIntegrationTests.this.recoveries.record(scenario,
							"killed -> new process ready (readiness 200)", killed, readyAgain[0]);
				}
			});
			this.recoveries.record(scenario, "ready again -> FeeAccrued on the broker (< 0: before the kill)",
					readyAgain[0], seen(outcome, "FeeAccrued"));
		}
		finally {
			ensureRunning("billing");
		}
	}

	@Test
	@Order(2)
	void theBrokerKilledMidFlowAndRestartedLosesNoEvent() {
		String scenario = "broker kill -9";
		Instant[] listening = new Instant[1];
		try {
			Ran outcome = run(scenario, new Fault() {
				@Override
				public void beforeSigning() {
					platform().broker().kill();
				}

				@Override
				public void afterSignatures() {
					Instant restart = Instant.now();
					platform().broker().restart();
					listening[0] = Instant.now();
					PlatformFaultsIntegrationTests.this.recoveries.record(scenario,
							"restarted -> broker listening again", restart, listening[0]);
				}
			});
			this.recoveries.record(scenario, "listening -> SigningWorkflowCompleted (published by the relay)",
					listening[0], seen(outcome, "SigningWorkflowCompleted"));
			this.recoveries.record(scenario, "listening -> FeeAccrued (consumed, accrued, published)", listening[0],
					seen(outcome, "FeeAccrued"));
		}
		finally {
			platform().broker().restart();
		}
	}

	@Test
	@Order(3)
	void connectionsToPostgresDelayedFrozenAndCutMidFlowAndTheFlowCompletes() {
		String scenario = "database connections delayed, frozen, cut";
		DatabaseProxy proxy = proxy();
		Instant[] reopened = new Instant[1];
		try {
			Ran outcome = run(scenario, new Fault() {
				@Override
				public void beforeSigning() {
					proxy.delay(Duration.ofMillis(50)); // the signatures go through a
														// slow network
				}

				@Override
				public void afterSignatures() {
					proxy.freeze();
					PlatformFaultsIntegrationTests.this.recoveries.note(scenario,
							"frozen: " + Probe.get(dbRead("billing"), staff(), ANSWER_BOUND));
					proxy.cut();
					PlatformFaultsIntegrationTests.this.recoveries.note(scenario,
							"cut: " + Probe.get(dbRead("billing"), staff(), ANSWER_BOUND));
					proxy.heal();
					reopened[0] = Instant.now();
					awaitDatabaseReads(scenario, reopened[0]);
				}
			});
			this.recoveries.record(scenario, "reopened -> FeeAccrued on the broker (< 0: before the freeze)",
					reopened[0], seen(outcome, "FeeAccrued"));
		}
		finally {
			proxy.heal();
		}
	}

	@Test
	@Order(4)
	void postgresCrashedMidFlowAndRestartedLosesNothingAcknowledged() {
		String scenario = "PostgreSQL kill -9";
		DurablePostgres postgres = postgres();
		// the crash is only a test of durability if the server is durable
		assertThat(postgres.setting("fsync")).isEqualTo("on");
		assertThat(postgres.setting("synchronous_commit")).isEqualTo("on");
		assertThat(postgres.setting("full_page_writes")).isEqualTo("on");
		try {
			Ran outcome = run(scenario, new Fault() {
				@Override
				public void afterSignatures() {
					// both signatures were just acknowledged: they must survive the crash
					Instant crashed = Instant.now();
					postgres.crash();
					postgres.restart();
					PlatformFaultsIntegrationTests.this.recoveries.record(scenario,
							"killed -> restarted, WAL replayed, accepting connections", crashed, Instant.now());
					awaitDatabaseReads(scenario, crashed);
				}
			});
			this.recoveries.note(scenario,
					"pack " + outcome.outcome().workflow() + " signed right before the crash: checked COMPLETED");
		}
		finally {
			if (!postgres.running()) {
				postgres.restart();
			}
		}
	}

	@Test
	@Order(5)
	void aFrozenRelayLeaderHandsItsSchemasEventsToTheOtherInstance() throws SQLException {
		String scenario = "relay leader SIGSTOP";
		long leaderBackend = awaitRelayLockHolder("billing");
		ServiceProcess second = platform().startAnotherInstance("billing", FreePorts.pick());
		long leaderPid = platform().process("billing").pid();
		List<Long> frozen = new ArrayList<>();
		Instant[] frozenAt = new Instant[1];
		try {
			// the lock's session is older than the second instance: the first one leads
			assertThat(awaitRelayLockHolder("billing")).as("relay lock holder").isEqualTo(leaderBackend);
			Map<String, String> urls = new LinkedHashMap<>(platform().baseUrls());
			urls.put("billing", second.baseUrl());
			Ran outcome = run(scenario, urls, new Fault() {
				@Override
				public void beforeSigning() {
					frozen.add(leaderPid);
					Signals.freeze(frozen);
					frozenAt[0] = Instant.now();
				}
			});
			this.recoveries.record(scenario, "leader frozen -> FeeAccrued published via the other instance (takeover)",
					frozenAt[0], seen(outcome, "FeeAccrued"));
		}
		finally {
			Signals.thaw(frozen);
			second.stop();
		}
	}

	@Test
	@Order(6)
	void postgresFrozenMidFlowAnswers503InBoundedTimeAndRecoversFully() {
		String scenario = "PostgreSQL SIGSTOP";
		DurablePostgres postgres = postgres();
		List<Probe.Answer> reads = new ArrayList<>();
		List<Probe.Answer> readiness = new ArrayList<>();
		run(scenario, new Fault() {
			@Override
			public void afterSignatures() {
				List<Long> frozen = postgres.freeze();
				try {
					List<CompletableFuture<Probe.Answer>> readProbes = new ArrayList<>();
					List<CompletableFuture<Probe.Answer>> readinessProbes = new ArrayList<>();
					for (String service : PlatformOptions.SERVICE_ORDER) {
						readProbes
							.add(CompletableFuture.supplyAsync(() -> Probe.get(dbRead(service), staff(), PATIENCE)));
						readinessProbes.add(CompletableFuture.supplyAsync(() -> Probe
							.get(platform().baseUrls().get(service) + "/actuator/health/readiness", null, PATIENCE)));
					}
					readProbes.forEach((probe) -> reads.add(probe.join()));
					readinessProbes.forEach((probe) -> readiness.add(probe.join()));
				}
				finally {
					Signals.thaw(frozen);
				}
				Instant thawed = Instant.now();
				reads.forEach((answer) -> PlatformFaultsIntegrationTests.this.recoveries.note(scenario,
						"frozen, read: " + answer));
				readiness.forEach((answer) -> PlatformFaultsIntegrationTests.this.recoveries.note(scenario,
						"frozen, readiness: " + answer));
				awaitDatabaseReads(scenario, thawed);
			}
		});
		// the flow recovered fully (checked by run); now what callers saw meanwhile
		assertThat(reads).hasSize(4).allSatisfy((answer) -> {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
			assertThat(answer.retryAfter()).as(answer + ": Retry-After").isNotBlank();
			assertThat(answer.body()).as(answer + ": a problem").contains("\"status\":503");
			assertThat(answer.took()).as(answer.toString()).isLessThan(ANSWER_BOUND);
		});
		assertThat(readiness).hasSize(4).allSatisfy((answer) -> {
			assertThat(answer.status()).as(answer + " (readiness DOWN)").isEqualTo(503);
			assertThat(answer.took()).as(answer.toString()).isLessThan(ANSWER_BOUND);
		});
	}

	private Ran run(String scenario, Fault fault) {
		return run(scenario, platform().baseUrls(), fault);
	}

	/**
	 * Runs one lifecycle with the fault and checks the exact final state of its flow.
	 */
	private Ran run(String scenario, Map<String, String> baseUrls, Fault fault) {
		EventWatcher watcher = watcher();
		SubscriptionLifecycle lifecycle = new SubscriptionLifecycle(platform(), watcher, baseUrls);
		Instant start = Instant.now();
		Outcome outcome;
		try {
			outcome = lifecycle.runWith(fault);
		}
		finally {
			lifecycle.timeline().print(System.out);
		}
		new FinalState(new StaffReads(platform(), baseUrls, lifecycle.correlationId()), outcome).assertExact(watcher,
				lifecycle.correlationId());
		this.recoveries.record(scenario, "whole flow, fault included, until the exact final state", start,
				Instant.now());
		return new Ran(outcome, lifecycle.correlationId());
	}

	/** Waits until every service reads from its database again, and records when. */
	private void awaitDatabaseReads(String scenario, Instant since) {
		for (String service : PlatformOptions.SERVICE_ORDER) {
			await(service + " reading from PostgreSQL again").atMost(PATIENCE)
				.pollInterval(Duration.ofMillis(250))
				.until(() -> Probe.get(dbRead(service), staff(), Duration.ofSeconds(10)).status() == 200);
			this.recoveries.record(scenario, "-> " + service + " answers a database read with 200", since,
					Instant.now());
		}
	}

	/** A read each service answers from its database (nothing matches; it still asks). */
	private String dbRead(String service) {
		String path = switch (service) {
			case "approval" -> "/api/v1/approvals?dealId=00000000-0000-0000-0000-000000000000";
			case "signature" -> "/api/v1/workflows?approvalId=00000000-0000-0000-0000-000000000000";
			case "billing" -> "/api/v1/fees?subscriptionId=00000000-0000-0000-0000-000000000000";
			case "reconciliation" -> "/api/v1/positions?investorId=nobody";
			default -> throw new IllegalArgumentException(service);
		};
		return platform().baseUrls().get(service) + path;
	}

	private String staff() {
		return platform().token("tess", "operations", "billing", "compliance");
	}

	private Instant seen(Ran ran, String type) {
		return watcher().events()
			.stream()
			.filter((event) -> event.is(type) && ran.correlationId().equals(event.correlationId()))
			.map(ObservedEvent::seenAt)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no " + type + " on " + ran.correlationId()));
	}

	/**
	 * @return the PostgreSQL backend that holds the service's relay lock (the session
	 * advisory lock on {@code hashtext('vestline.outbox.' || schema)})
	 */
	private long awaitRelayLockHolder(String schema) {
		return await("a " + schema + " session holding the relay lock").atMost(PATIENCE).until(() -> {
			try (Connection connection = postgres().admin().getConnection();
					PreparedStatement query = connection.prepareStatement("""
							SELECT l.pid FROM pg_locks l
							WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
							  AND l.objid::bigint = (hashtext('vestline.outbox.' || ?)::bigint & 4294967295)
							""")) {
				query.setString(1, schema);
				try (ResultSet result = query.executeQuery()) {
					return result.next() ? result.getLong(1) : null;
				}
			}
		}, (pid) -> pid != null);
	}

	private void ensureRunning(String service) {
		boolean alive;
		try {
			alive = Signals.alive(platform().process(service).pid());
		}
		catch (IllegalStateException notStarted) {
			alive = false;
		}
		if (!alive) {
			platform().stop(service);
			platform().start(service);
		}
	}

	private LocalPlatform platform() {
		return Objects.requireNonNull(this.platform, "the platform did not start");
	}

	private EventWatcher watcher() {
		return Objects.requireNonNull(this.watcher);
	}

	private DurablePostgres postgres() {
		return Objects.requireNonNull(this.postgres);
	}

	private DatabaseProxy proxy() {
		return Objects.requireNonNull(this.proxy);
	}

	/**
	 * A lifecycle that ran.
	 *
	 * @param outcome what it produced
	 * @param correlationId the correlation id of its requests and events
	 */
	private record Ran(Outcome outcome, String correlationId) {

	}

}
