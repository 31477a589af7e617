package dev.vestline.support.idempotency;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.vestline.support.domain.Conflict;
import dev.vestline.testharness.SchemaUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The shared Idempotency-Key store on real PostgreSQL: replays, refusals, scoping, a
 * failed first attempt, and retries racing on one key.
 */
class IdempotentRequestsIntegrationTests {

	static SchemaUnderTest schema;

	static JdbcClient jdbc;

	static TransactionTemplate transactions;

	static IdempotentRequests requests;

	@BeforeAll
	static void setUp() {
		schema = SchemaUnderTest.create("idempotency", IdempotencyAutoConfiguration.MIGRATIONS,
				"classpath:db/idempotency-test");
		jdbc = JdbcClient.create(schema.dataSource());
		transactions = new TransactionTemplate(new JdbcTransactionManager(schema.dataSource()));
		requests = new IdempotentRequests(schema.dataSource(), transactions, JsonMapper.builder().build(),
				Clock.systemUTC());
	}

	@AfterAll
	static void tearDown() {
		schema.close();
	}

	@Test
	void replaysTheFirstResponseToARetryWithTheSameKeyAndRequest() {
		String key = UUID.randomUUID().toString();
		AtomicInteger executions = new AtomicInteger();
		Map<String, Object> request = Map.of("name", "first");

		ResponseEntity<?> first = requests.run("alice", "create-thing", key, request,
				() -> create("first", executions));
		ResponseEntity<?> retry = requests.run("alice", "create-thing", key, request,
				() -> create("first", executions));

		assertThat(executions).hasValue(1);
		assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(retry.getBody()).isInstanceOf(String.class).isEqualTo(first.getBody());
		assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
		assertThat(retry.getHeaders().getETag()).isEqualTo("\"0\"");
		assertThat(retry.getHeaders().getContentType()).hasToString("application/json");
		assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(first.getHeaders().containsHeader("Idempotent-Replayed")).isFalse();
		assertThat(first.getHeaders().getFirst("X-Other")).as("the first response keeps its headers").isEqualTo("kept");
		assertThat(things("first")).isOne();
	}

	@Test
	void refusesTheSameKeyWithAnotherRequest() {
		String key = UUID.randomUUID().toString();
		AtomicInteger executions = new AtomicInteger();
		requests.run("alice", "create-thing", key, Map.of("name", "a"), () -> create("a", executions));

		assertThatExceptionOfType(IdempotencyProblem.class).isThrownBy(
				() -> requests.run("alice", "create-thing", key, Map.of("name", "b"), () -> create("b", executions)))
			.satisfies((problem) -> {
				assertThat(problem.getStatusCode().value()).isEqualTo(422);
				assertThat(problem.getBody().getType())
					.hasToString("https://vestline.dev/problems/idempotency-key-reused");
			});
		assertThat(executions).hasValue(1);
	}

	@Test
	void scopesKeysToTheCallerAndTheOperation() {
		String key = UUID.randomUUID().toString();
		AtomicInteger executions = new AtomicInteger();
		Map<String, Object> request = Map.of("name", "scoped");

		requests.run("alice", "create-thing", key, request, () -> create("scoped", executions));
		requests.run("bob", "create-thing", key, request, () -> create("scoped", executions));
		requests.run("alice", "copy-thing", key, request, () -> create("scoped", executions));
		ResponseEntity<?> retry = requests.run("bob", "create-thing", key, request, () -> create("scoped", executions));

		assertThat(executions).hasValue(3);
		assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
	}

	@Test
	void runsARetryAgainWhenTheFirstAttemptFailed() {
		String key = UUID.randomUUID().toString();
		AtomicInteger executions = new AtomicInteger();
		Map<String, Object> request = Map.of("name", "flaky");

		assertThatIllegalStateException().isThrownBy(() -> requests.run("alice", "create-thing", key, request, () -> {
			create("flaky", executions);
			throw new IllegalStateException("failed after writing");
		}));
		ResponseEntity<?> retry = requests.run("alice", "create-thing", key, request,
				() -> create("flaky", executions));

		assertThat(executions).hasValue(2);
		assertThat(retry.getHeaders().containsHeader("Idempotent-Replayed")).isFalse();
		assertThat(things("flaky")).as("the failed attempt's row was rolled back with its key").isOne();
	}

	@Test
	void refusesABlankOrOverlongKey() {
		for (String key : List.of("", "  ", "k".repeat(201))) {
			assertThatExceptionOfType(IdempotencyProblem.class)
				.isThrownBy(() -> requests.run("alice", "create-thing", key, Map.of(), () -> {
					throw new AssertionError("must not run");
				}))
				.satisfies((problem) -> assertThat(problem.getStatusCode().value()).isEqualTo(400));
		}
		assertThat(requests.run("alice", "create-thing", "k".repeat(200), Map.of(), () -> ResponseEntity.ok().build())
			.getStatusCode()
			.value()).isEqualTo(200);
	}

	@Test
	void runsEveryRequestWithoutAKey() {
		AtomicInteger executions = new AtomicInteger();
		requests.run("alice", "create-thing", null, Map.of(), () -> create("keyless", executions));
		requests.run("alice", "create-thing", null, Map.of(), () -> create("keyless", executions));
		assertThat(things("keyless")).isEqualTo(2);
	}

	@Test
	void fingerprintsARawBodyByItsBytes() {
		String key = UUID.randomUUID().toString();
		AtomicInteger executions = new AtomicInteger();
		requests.run("alice", "import", key, "CSV\na,b".getBytes(), () -> create("raw", executions));
		requests.run("alice", "import", key, "CSV\na,b".getBytes(), () -> create("raw", executions));
		assertThatExceptionOfType(IdempotencyProblem.class).isThrownBy(
				() -> requests.run("alice", "import", key, "XML\na,b".getBytes(), () -> create("raw", executions)));
		assertThat(executions).hasValue(1);
	}

	@Test
	void executesOnceWhenTwentyRetriesWithOneKeyRace() throws Exception {
		int contenders = 20;
		for (int round = 0; round < 5; round++) {
			String key = UUID.randomUUID().toString();
			String name = "raced-" + round;
			AtomicInteger executions = new AtomicInteger();
			List<ResponseEntity<?>> responses = race(contenders, () -> requests.run("alice", "create-thing", key,
					Map.of("name", name), () -> create(name, executions)));

			assertThat(executions).as("round %d", round).hasValue(1);
			assertThat(things(name)).isOne();
			assertThat(responses).allSatisfy((response) -> {
				assertThat(response.getStatusCode().value()).isEqualTo(201);
				assertThat(response.getBody()).isEqualTo(responses.getFirst().getBody());
				assertThat(response.getHeaders().getLocation())
					.isEqualTo(responses.getFirst().getHeaders().getLocation());
			});
			assertThat(responses.stream().filter((r) -> r.getHeaders().containsHeader("Idempotent-Replayed")))
				.hasSize(contenders - 1);
		}
	}

	@Test
	void remembersAResponseCommittedWithItsWorkForALaterReplay() {
		IdempotencyKey key = requests.key("link:abc", "sign", UUID.randomUUID().toString(),
				"Ivy\u0000consent".getBytes());
		assertThat(requests.replayed(key)).isEmpty();

		transactions.executeWithoutResult((status) -> requests.remember(key, Map.of("documentVersion", 2)));

		ResponseEntity<String> replay = requests.replayed(key).orElseThrow();
		assertThat(replay.getStatusCode().value()).isEqualTo(200);
		assertThat(replay.getBody()).isEqualTo("{\"documentVersion\":2}");
		assertThat(replay.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
		IdempotencyKey other = requests.key("link:abc", "sign", key.value(), "Eve\u0000consent".getBytes());
		assertThatExceptionOfType(ErrorResponseException.class).isThrownBy(() -> requests.replayed(other))
			.satisfies((problem) -> assertThat(problem.getStatusCode().value()).isEqualTo(422));
	}

	@Test
	void runsWorkAcrossTransactionsOnceAndReplaysItsAnswer() {
		IdempotencyKey key = requests.key("link:def", "sign", UUID.randomUUID().toString(),
				"Ivy\u0000consent".getBytes());
		AtomicInteger executions = new AtomicInteger();
		Supplier<Object> work = () -> {
			executions.incrementAndGet();
			return transactions.execute((status) -> {
				Map<String, Integer> answer = Map.of("documentVersion", 3);
				requests.remember(key, answer);
				return answer;
			});
		};

		ResponseEntity<?> first = requests.runAcrossTransactions(key, work);
		ResponseEntity<?> again = requests.runAcrossTransactions(key, work);

		assertThat(executions).hasValue(1);
		assertThat(first.getStatusCode().value()).isEqualTo(200);
		assertThat(first.getHeaders().containsHeader("Idempotent-Replayed")).isFalse();
		assertThat(again.getBody()).isEqualTo("{\"documentVersion\":3}");
		assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
	}

	@Test
	void answersARefusedRetryWithTheAnswerACompetingRetryCommitted() {
		IdempotencyKey key = requests.key("link:ghi", "sign", UUID.randomUUID().toString(),
				"Ivy\u0000consent".getBytes());

		// the competitor commits between this retry's first look and its own commit,
		// which the domain then refuses (already signed)
		ResponseEntity<?> answer = requests.runAcrossTransactions(key, () -> {
			transactions.executeWithoutResult((status) -> requests.remember(key, Map.of("documentVersion", 4)));
			throw new Conflict("You have already signed.");
		});

		assertThat(answer.getBody()).isEqualTo("{\"documentVersion\":4}");
		assertThat(answer.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
	}

	private static ResponseEntity<?> create(String name, AtomicInteger executions) {
		executions.incrementAndGet();
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO thing (id, name) VALUES (?, ?)").params(id, name).update();
		return ResponseEntity.created(URI.create("/things/" + id))
			.eTag("\"0\"")
			.header("X-Other", "kept")
			.body(Map.of("id", id, "name", name));
	}

	private static long things(String name) {
		return jdbc.sql("SELECT count(*) FROM thing WHERE name = ?").param(name).query(Long.class).single();
	}

	private static <T> List<T> race(int contenders, Supplier<T> task) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(contenders);
		try {
			CyclicBarrier start = new CyclicBarrier(contenders);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < contenders; i++) {
				futures.add(pool.submit(() -> {
					start.await(30, TimeUnit.SECONDS);
					return task.get();
				}));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
