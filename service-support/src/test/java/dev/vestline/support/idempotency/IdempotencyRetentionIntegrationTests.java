package dev.vestline.support.idempotency;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.vestline.testharness.SchemaUnderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention forgets keys past their age, in batches, once however many replicas run it.
 */
class IdempotencyRetentionIntegrationTests {

	SchemaUnderTest schema;

	JdbcClient jdbc;

	@BeforeEach
	void setUp() {
		this.schema = SchemaUnderTest.create("idempotency", IdempotencyAutoConfiguration.MIGRATIONS);
		this.jdbc = JdbcClient.create(this.schema.dataSource());
	}

	@AfterEach
	void tearDown() {
		this.schema.close();
	}

	@Test
	void forgetsKeysPastRetentionInBatchesAndKeepsNewerOnes() {
		insertKeys(12_000, 10);
		insertKeys(300, 1);

		int deleted = new IdempotencyRetention(this.schema.dataSource())
			.deleteCreatedBefore(Instant.now().minus(7, ChronoUnit.DAYS));

		assertThat(deleted).isEqualTo(12_000);
		assertThat(count()).isEqualTo(300);
	}

	@Test
	void forgetsEachKeyOnceWhenThreeReplicasRunAtOnce() throws Exception {
		insertKeys(15_000, 10);
		Instant cutoff = Instant.now().minus(7, ChronoUnit.DAYS);
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			CyclicBarrier start = new CyclicBarrier(3);
			List<Future<Integer>> replicas = List.of(1, 2, 3).stream().map((replica) -> pool.submit(() -> {
				start.await(30, TimeUnit.SECONDS);
				return new IdempotencyRetention(this.schema.dataSource()).deleteCreatedBefore(cutoff);
			})).toList();
			int deleted = 0;
			for (Future<Integer> replica : replicas) {
				deleted += replica.get(60, TimeUnit.SECONDS);
			}
			assertThat(deleted).isEqualTo(15_000);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(count()).isZero();
	}

	private void insertKeys(int count, int daysOld) {
		this.jdbc.sql("""
				INSERT INTO idempotency_record (caller, operation, idempotency_key, request_sha256, response_status,
				                                response_body, created_at)
				SELECT 'retention-test', 'create-thing', ? || n, sha256(n::text::bytea), 201, '{}',
				       now() - (? * interval '1 day')
				  FROM generate_series(1, ?) AS n
				""").params(daysOld + "-", daysOld, count).update();
	}

	private long count() {
		return this.jdbc.sql("SELECT count(*) FROM idempotency_record").query(Long.class).single();
	}

}
