package dev.vestline.signature.signing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.vestline.signature.Api;
import dev.vestline.signature.CapturedLinks;
import dev.vestline.signature.OpenWorkflows;
import dev.vestline.signature.SignatureIntegrationTest;
import dev.vestline.signature.audit.AuditLog;
import dev.vestline.signature.documents.DocumentText;
import dev.vestline.signature.documents.DocumentVersion;
import dev.vestline.signature.documents.DocumentVersions;
import dev.vestline.signature.lease.LeaseLost;
import dev.vestline.signature.lease.LeaseReaper;
import dev.vestline.signature.workflows.WorkflowOpening;
import dev.vestline.support.security.DevTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The lease that outlives a transaction: a stalled holder is fenced out after a takeover,
 * a waiting caller gets a 409 with Retry-After, and the reaper clears abandoned leases
 * once however many replicas run it.
 */
@SignatureIntegrationTest
class LeaseIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	WorkflowOpening opening;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CapturedLinks links;

	@Autowired
	Signing signing;

	@Autowired
	LeaseReaper reaper;

	@Autowired
	AuditLog audit;

	@Autowired
	List<ScheduledTaskHolder> scheduled;

	@Autowired
	DocumentVersions documents;

	Api api;

	OpenWorkflows workflows;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.workflows = new OpenWorkflows(this.opening, this.jdbc);
	}

	@Test
	void aStalledHolderIsFencedOutAfterTheWaitingSignerTookOver() throws Exception {
		UUID workflow = this.workflows.subscriptionPack();
		PreparedSignature stalled = this.signing.prepare(this.links.token(workflow, "INVESTOR"), "Ivy Investor");
		ExecutorService arrangerThread = Executors.newSingleThreadExecutor();
		Future<Api.Response> waiting = arrangerThread
			.submit(() -> sign(this.links.token(workflow, "ARRANGER"), "Ada Arranger"));
		await().until(() -> actions(workflow).contains("LEASE_CONTENDED")); // the
																			// arranger
																			// waits
		expireLease(workflow); // the investor's holder stalls past its lease
		Api.Response arranger = waiting.get();
		arrangerThread.shutdown();
		assertThat(arranger.status()).isEqualTo(200);
		assertThatThrownBy(() -> this.signing.complete(stalled)).isInstanceOf(LeaseLost.class);
		assertThat(this.workflows.versions(workflow)).isEqualTo(2);
		assertThat(this.workflows.signerStatus(workflow, "INVESTOR")).isEqualTo("PENDING");
		assertThat(actions(workflow)).contains("LEASE_TAKEN_OVER", "LEASE_FENCED");

		Api.Response investor = sign(this.links.token(workflow, "INVESTOR"), "Ivy Investor");
		assertThat(investor.json().get("workflowCompleted").asBoolean()).isTrue();
		List<DocumentVersion> chain = this.documents.of(workflow);
		assertThat(chain).extracting(DocumentVersion::version).containsExactly(1, 2, 3);
		assertThat(chain.get(2).parentSha256()).isEqualTo(chain.get(1).sha256());
		assertThat(DocumentText.of(this.documents.content(workflow, 3).orElseThrow().bytes()))
			.contains("SIGNED by Ada Arranger", "SIGNED by Ivy Investor");
		assertThat(this.workflows.outboxEvents(workflow, "SigningWorkflowCompleted")).isEqualTo(1);
	}

	@Test
	void aCallerWaitingForAHeldLeaseGetsA409WithRetryAfterThenSucceeds() {
		UUID workflow = this.workflows.subscriptionPack();
		PreparedSignature holding = this.signing.prepare(this.links.token(workflow, "INVESTOR"), "Ivy Investor");
		Api.Response waited = sign(this.links.token(workflow, "ARRANGER"), "Ada Arranger");
		assertThat(waited.status()).isEqualTo(409);
		assertThat(Integer.parseInt(waited.header("Retry-After"))).isBetween(1, 2);
		assertThat(waited.json().get("detail").asString())
			.isEqualTo("Another party is signing this document right now; try again in a few seconds.");
		assertThat(this.signing.complete(holding).documentVersion()).isEqualTo(2);
		assertThat(sign(this.links.token(workflow, "ARRANGER"), "Ada Arranger").status()).isEqualTo(200);
		assertThat(actions(workflow)).contains("LEASE_CONTENDED", "LEASE_REFUSED");
		assertThat(this.api.get("/actuator/prometheus").text()).contains("vestline_signature_lease_refused_total",
				"vestline_signature_lease_contended_total", "vestline_signature_lease_waited_seconds");
	}

	@Test
	void theReaperClearsALeaseAbandonedByAKilledHolder() {
		UUID workflow = this.workflows.subscriptionPack();
		PreparedSignature killed = this.signing.prepare(this.links.token(workflow, "INVESTOR"), "Ivy Investor");
		this.reaper.reap();
		assertThat(leaseHolder(workflow)).as("not expired yet").isNotNull();
		expireLease(workflow);
		assertThat(this.reaper.reap()).isPositive();
		assertThat(leaseHolder(workflow)).isNull();
		assertThat(actions(workflow)).containsOnlyOnce("LEASE_REAPED");
		assertThatThrownBy(() -> this.signing.complete(killed)).isInstanceOf(LeaseLost.class);
		assertThat(this.api.get("/actuator/prometheus").text()).contains("vestline_signature_lease_reaped_total");
		assertThat(sign(this.links.token(workflow, "INVESTOR"), "Ivy Investor").status()).isEqualTo(200);
	}

	@Test
	void theReaperIsScheduledAtItsConfiguredInterval() {
		// the test context configures the reaper's interval as 1h, which nothing else
		// uses
		assertThat(this.scheduled.stream().flatMap((holder) -> holder.getScheduledTasks().stream()))
			.map(ScheduledTask::getTask)
			.filteredOn(FixedDelayTask.class::isInstance)
			.map((task) -> ((FixedDelayTask) task).getIntervalDuration())
			.contains(Duration.ofHours(1));
	}

	@Test
	void reapsEachExpiredLeaseOnceWhenManyReplicasReapAtOnce() throws Exception {
		List<UUID> abandoned = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			UUID workflow = this.workflows.subscriptionPack();
			this.signing.prepare(this.links.token(workflow, "INVESTOR"), "Ivy Investor");
			abandoned.add(workflow);
		}
		abandoned.forEach(this::expireLease);
		int replicas = 8;
		CyclicBarrier barrier = new CyclicBarrier(replicas);
		ExecutorService pool = Executors.newFixedThreadPool(replicas);
		try {
			List<Future<Integer>> reaps = new ArrayList<>();
			for (int i = 0; i < replicas; i++) {
				reaps.add(pool.submit(() -> {
					barrier.await();
					return this.reaper.reap();
				}));
			}
			for (Future<Integer> reap : reaps) {
				reap.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		for (UUID workflow : abandoned) {
			assertThat(leaseHolder(workflow)).isNull();
			assertThat(actions(workflow)).containsOnlyOnce("LEASE_REAPED");
		}
	}

	@Test
	void aSignerMidSignatureCannotCommitOnceStaffCancelledTheWorkflow() {
		UUID workflow = this.workflows.subscriptionPack();
		PreparedSignature signing = this.signing.prepare(this.links.token(workflow, "INVESTOR"), "Ivy Investor");
		String compliance = "Bearer " + DevTokens.example().token("carl", "compliance");
		assertThat(this.api
			.post("/api/v1/workflows/" + workflow + "/cancel", "{\"reason\":\"withdrawn\"}", "Authorization",
					compliance, "If-Match", "\"0\"")
			.status()).isEqualTo(200);
		assertThatThrownBy(() -> this.signing.complete(signing)).isInstanceOf(LeaseLost.class);
		assertThat(this.workflows.versions(workflow)).isEqualTo(1);
		assertThat(this.workflows.outboxEvents(workflow, "DocumentSigned")).isZero();
		assertThat(this.workflows.status(workflow)).isEqualTo("CANCELLED");
	}

	@Test
	void keepsTheLeaseColumnsAllSetOrAllEmpty() {
		UUID workflow = this.workflows.subscriptionPack();
		assertThatThrownBy(() -> this.jdbc.sql("UPDATE signing_workflow SET lease_holder = 'someone' WHERE id = :id")
			.param("id", workflow)
			.update()).isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("signing_workflow_lease_all_or_nothing");
	}

	private void expireLease(UUID workflow) {
		this.jdbc.sql("""
				UPDATE signing_workflow SET lease_acquired_at = now() - interval '2 minutes',
				                            lease_expires_at = now() - interval '1 minute'
				 WHERE id = :id AND lease_holder IS NOT NULL
				""").param("id", workflow).update();
	}

	private String leaseHolder(UUID workflow) {
		return this.jdbc.sql("SELECT lease_holder FROM signing_workflow WHERE id = :id")
			.param("id", workflow)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private List<String> actions(UUID workflow) {
		return this.audit.of(workflow).stream().map(AuditLog.Entry::action).toList();
	}

	private Api.Response sign(String token, String name) {
		return this.api.post("/api/v1/signing/" + token + "/signature",
				"{\"typedName\":\"" + name + "\",\"consent\":true}");
	}

}
