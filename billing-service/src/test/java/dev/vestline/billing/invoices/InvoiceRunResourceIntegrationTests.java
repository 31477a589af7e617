package dev.vestline.billing.invoices;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import dev.vestline.billing.BillingIntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invoice run as a resource: {@code 202} and a {@code Location} at once, progress
 * while it runs in the background, one run at a time whoever asks (PostgreSQL decides), a
 * run whose instance died shown as such and started again, the schedule's runs listed. A
 * run is held mid-way, where a test needs it running, by a transaction that locks the fee
 * table: the run counts its groups, then waits for its first claim.
 */
class InvoiceRunResourceIntegrationTests extends BillingIntegrationTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	InvoiceRunSchedule schedule;

	@Autowired
	InvoiceRun run;

	@Autowired
	InvoiceRuns runs;

	@Test
	void answersAtOnceAndShowsHowFarTheRunIsUntilItCompleted() throws Exception {
		String batch = batch();
		accrue(batch, 3, 2);
		String location;
		try (Connection held = holdRuns()) {
			ResponseEntity<JsonNode> started = start("k-" + batch);
			assertThat(started.getStatusCode().value()).isEqualTo(202);
			location = started.getHeaders().getLocation().toString();
			assertThat(location).isEqualTo("/api/v1/invoice-runs/" + started.getBody().get("id").asString());
			assertThat(started.getBody().get("status").asString()).isEqualTo("RUNNING");
			assertThat(started.getBody().get("startedBy").asString()).isEqualTo("bea");

			JsonNode counted = await(location, (run) -> run.hasNonNull("groupsTotal"));
			assertThat(counted.get("status").asString()).isEqualTo("RUNNING");
			assertThat(counted.get("groupsTotal").asInt()).isGreaterThanOrEqualTo(3);
			assertThat(counted.get("groupsDone").asInt()).isZero();
			assertThat(counted.get("finishedAt").isNull()).isTrue();
			held.rollback();
		}
		JsonNode done = await(location, (run) -> !run.get("status").asString().equals("RUNNING"));
		assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(done.get("groupsDone").asInt()).isEqualTo(done.get("groupsTotal").asInt());
		assertThat(done.get("invoicesIssued").asInt()).isGreaterThanOrEqualTo(3);
		assertThat(done.get("finishedAt").isNull()).isFalse();
		assertThat(count("SELECT count(*) FROM fee WHERE investor_id LIKE ? AND status = 'INVOICED'", batch))
			.isEqualTo(6);
	}

	@Test
	void startsOneRunWhenEightPeopleStartOneAtOnceAndBillsEachFeeOnce() throws Exception {
		for (int round = 0; round < 3; round++) {
			String batch = batch();
			accrue(batch, 4, 3);
			int runsBefore = count("SELECT count(*) FROM invoice_run WHERE id IS NOT NULL", "");
			List<String> locations = new ArrayList<>();
			try (Connection held = holdRuns()) {
				// two clicks of one form (one key) and six other people (keys of their
				// own)
				List<Future<ResponseEntity<JsonNode>>> answers = race(8,
						() -> start("k-" + batch + "-" + (Thread.currentThread().threadId() % 7)));
				for (Future<ResponseEntity<JsonNode>> answer : answers) {
					assertThat(answer.get().getStatusCode().value()).isEqualTo(202);
					locations.add(answer.get().getHeaders().getLocation().toString());
				}
				held.rollback();
			}
			assertThat(new HashSet<>(locations)).as("everyone got the one run").hasSize(1);
			assertThat(count("SELECT count(*) FROM invoice_run WHERE id IS NOT NULL", "")).isEqualTo(runsBefore + 1);
			JsonNode done = await(locations.getFirst(), (run) -> !run.get("status").asString().equals("RUNNING"));
			assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
			assertThat(count("SELECT count(*) FROM fee WHERE investor_id LIKE ? AND status = 'INVOICED'", batch))
				.isEqualTo(12);
			assertThat(count("SELECT count(*) FROM invoice WHERE investor_id LIKE ?", batch))
				.as("one invoice per investor, issued once")
				.isEqualTo(4);
			assertThat(count("""
					SELECT count(*) FROM invoice_line l JOIN fee f ON f.id = l.fee_id WHERE f.investor_id LIKE ?
					""", batch)).isEqualTo(12);
		}
	}

	@Test
	void givesTheSameRunForTheSameKeyAfterItFinished() {
		String key = "k-" + batch();
		String first = start(key).getHeaders().getLocation().toString();
		await(first, (run) -> !run.get("status").asString().equals("RUNNING"));
		ResponseEntity<JsonNode> again = start(key);
		assertThat(again.getStatusCode().value()).isEqualTo(202);
		assertThat(again.getHeaders().getLocation().toString()).isEqualTo(first);
		assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
	}

	@Test
	void showsARunWhoseInstanceDiedAsStalledFailsItAndStartsAnother() {
		// a replica started a run, then died: its lease ran out
		UUID dead = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO invoice_run (id, status, started_by, started_at, groups_total, groups_done, holder,
				                         lease_expires_at)
				VALUES (?, 'RUNNING', 'olga', now() - interval '10 minutes', 5, 2, 'billing-0/dead',
				        now() - interval '1 second')
				""").param(dead).update();
		assertThat(get("/api/v1/invoice-runs/" + dead).getBody().get("status").asString()).isEqualTo("STALLED");

		ResponseEntity<JsonNode> again = start(null);
		assertThat(again.getStatusCode().value()).isEqualTo(202);
		assertThat(again.getBody().get("id").asString()).isNotEqualTo(dead.toString());
		JsonNode failed = get("/api/v1/invoice-runs/" + dead).getBody();
		assertThat(failed.get("status").asString()).isEqualTo("FAILED");
		assertThat(failed.get("failure").asString()).contains("stopped").contains("start the run again");
		assertThat(failed.get("groupsDone").asInt()).isEqualTo(2);
		assertThat(await(again.getHeaders().getLocation().toString(),
				(run) -> !run.get("status").asString().equals("RUNNING"))
			.get("status")
			.asString()).isEqualTo("COMPLETED");
	}

	@Test
	void aRunCutShortByStoppingBillingIsFailedWithItsReasonBeforeTheStopReturns() throws Exception {
		accrue(batch(), 3, 1);
		// an instance of its own, stopped here as the application stops it
		InvoiceRunExecution stopping = new InvoiceRunExecution(this.run, this.runs, Clock.systemUTC(), null,
				Duration.ofMinutes(5));
		UUID id = UUID.randomUUID();
		try (Connection held = holdRuns()) {
			Awaitility.await("no other run going")
				.atMost(Duration.ofSeconds(90))
				.until(() -> this.runs.start(id, "olga", Instant.now(), stopping.holder(),
						Instant.now().plus(Duration.ofMinutes(5))));
			stopping.submit(id);
			await("/api/v1/invoice-runs/" + id, (run) -> run.hasNonNull("groupsTotal"));
			Thread stop = Thread.ofPlatform().start(stopping::destroy);
			Awaitility.await("the stop waits for the run")
				.atMost(Duration.ofSeconds(60))
				.until(() -> stop.getState() == Thread.State.TIMED_WAITING || !stop.isAlive());
			assertThat(stop.isAlive()).as("the stop waits for the run to record how it ended").isTrue();
			held.rollback();
			stop.join();
		}
		JsonNode failed = get("/api/v1/invoice-runs/" + id).getBody();
		assertThat(failed.get("status").asString()).isEqualTo("FAILED");
		assertThat(failed.get("failure").asString())
			.isEqualTo("Billing stopped while the run was going; start it again");
		assertThat(failed.get("groupsDone").asInt()).isEqualTo(1);
	}

	@Test
	void listsTheNightlyRunsBesideThePeoplesNewestFirstInKeysetPages() {
		String byPerson = start(null).getBody().get("id").asString();
		await("/api/v1/invoice-runs/" + byPerson, (run) -> !run.get("status").asString().equals("RUNNING"));
		this.schedule.nightly();
		JsonNode first = get("/api/v1/invoice-runs?limit=1").getBody();
		assertThat(first.get("items")).singleElement()
			.satisfies((run) -> assertThat(run.get("startedBy").asString()).isEqualTo("schedule"));
		await("/api/v1/invoice-runs/" + first.get("items").get(0).get("id").asString(),
				(run) -> !run.get("status").asString().equals("RUNNING"));
		JsonNode second = get("/api/v1/invoice-runs?limit=1&after=" + first.get("next").asString()).getBody();
		assertThat(second.get("items")).singleElement()
			.satisfies((run) -> assertThat(run.get("id").asString()).isEqualTo(byPerson));
		assertThat(get("/api/v1/invoice-runs?limit=0").getStatusCode().value()).isEqualTo(400);
		assertThat(get("/api/v1/invoice-runs/" + UUID.randomUUID()).getStatusCode().value()).isEqualTo(404);
	}

	private ResponseEntity<JsonNode> start(String key) {
		var request = http().post().uri("/api/v1/invoice-runs");
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return request.retrieve().toEntity(JsonNode.class);
	}

	private JsonNode await(String location, java.util.function.Predicate<JsonNode> condition) {
		return Awaitility.await(location)
			.atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> get(location).getBody(), condition);
	}

	/**
	 * A transaction that locks the fee table: a run counts its groups, then waits at its
	 * first claim until the connection rolls back.
	 */
	private Connection holdRuns() throws Exception {
		Connection connection = this.dataSource.getConnection();
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			statement.execute("LOCK TABLE fee IN EXCLUSIVE MODE");
		}
		return connection;
	}

	private static String batch() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	/** Accrues fees directly: investors {@code <batch><n>}, one vehicle. */
	private void accrue(String batch, int investors, int feesEach) {
		this.jdbc.sql("""
				INSERT INTO fee (id, subscription_id, investor_id, vehicle_id, fee_type, period, amount, currency,
				                 status, accrued_at)
				SELECT gen_random_uuid(), gen_random_uuid(), :batch || (n % :investors), :vehicle, 'MANAGEMENT',
				       '2026-Q' || (1 + n % 4), 1 + n / 100.0, 'EUR', 'ACCRUED', now()
				  FROM generate_series(1, :count) AS n
				""")
			.param("batch", batch)
			.param("investors", investors)
			.param("vehicle", UUID.randomUUID())
			.param("count", investors * feesEach)
			.update();
	}

	private int count(String sql, String batch) {
		var statement = this.jdbc.sql(sql);
		if (sql.contains("?")) {
			statement = statement.param(batch + "%");
		}
		return statement.query(Integer.class).single();
	}

}
