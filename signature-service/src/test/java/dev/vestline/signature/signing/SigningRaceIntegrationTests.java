package dev.vestline.signature.signing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.vestline.events.DomainEvent;
import dev.vestline.events.approval.ApprovalCancelled;
import dev.vestline.events.approval.ApprovalGranted;
import dev.vestline.events.signature.SigningWorkflowCompleted;
import dev.vestline.signature.Api;
import dev.vestline.signature.CapturedLinks;
import dev.vestline.signature.Grants;
import dev.vestline.signature.OpenWorkflows;
import dev.vestline.signature.PublishedEvents;
import dev.vestline.signature.SignatureIntegrationTest;
import dev.vestline.signature.documents.DocumentText;
import dev.vestline.signature.documents.DocumentVersion;
import dev.vestline.signature.documents.DocumentVersions;
import dev.vestline.signature.workflows.WorkflowCancellation;
import dev.vestline.signature.workflows.WorkflowOpening;
import dev.vestline.testharness.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signers racing over HTTP: both signatures survive, the chain stays linear, the workflow
 * completes exactly once; one link signs once however many times it is submitted at once.
 */
@SignatureIntegrationTest
class SigningRaceIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	WorkflowOpening opening;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CapturedLinks links;

	@Autowired
	DocumentVersions documents;

	@Autowired
	TestInfrastructure infrastructure;

	@Autowired
	WorkflowCancellation cancellation;

	Api api;

	OpenWorkflows workflows;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.workflows = new OpenWorkflows(this.opening, this.jdbc);
	}

	@Test
	void investorAndArrangerSigningAtTheSameInstantBothEndUpInTheFinalDocument() throws Exception {
		Set<UUID> raced = new HashSet<>();
		for (int round = 0; round < 100; round++) {
			UUID workflow = this.workflows.subscriptionPack();
			List<Api.Response> responses = race(
					List.of(this.links.token(workflow, "INVESTOR"), this.links.token(workflow, "ARRANGER")),
					List.of("Ivy Investor", "Ada Arranger"));
			assertThat(responses).as("round %d", round).allSatisfy((r) -> assertThat(r.status()).isEqualTo(200));
			assertThat(responses).filteredOn((r) -> r.json().get("workflowCompleted").asBoolean()).hasSize(1);
			List<DocumentVersion> chain = this.documents.of(workflow);
			assertThat(chain).extracting(DocumentVersion::version).containsExactly(1, 2, 3);
			assertThat(chain.get(1).parentSha256()).isEqualTo(chain.get(0).sha256());
			assertThat(chain.get(2).parentSha256()).isEqualTo(chain.get(1).sha256());
			assertThat(DocumentText.of(this.documents.content(workflow, 3).orElseThrow().bytes()))
				.contains("SIGNED by Ivy Investor", "as INVESTOR", "SIGNED by Ada Arranger", "as ARRANGER");
			assertThat(this.workflows.outboxEvents(workflow, "SigningWorkflowCompleted")).isEqualTo(1);
			raced.add(workflow);
		}
		// the race is real: in some rounds one signer found the other holding the lease
		assertThat(this.jdbc.sql("""
				SELECT count(DISTINCT workflow_id) FROM audit_entry
				 WHERE action = 'LEASE_CONTENDED' AND workflow_id IN (:ids)
				""").param("ids", List.copyOf(raced)).query(Long.class).single()).isPositive();
		List<DomainEvent> events = PublishedEvents.await(this.infrastructure.kafka().bootstrapServers(),
				(all) -> completionsOf(all, raced).size() >= raced.size());
		assertThat(completionsOf(events, raced)).hasSize(100)
			.extracting(SigningWorkflowCompleted::workflowId)
			.doesNotHaveDuplicates();
	}

	@Test
	void oneLinkSignsOnceWhenSubmittedTwentyTimesAtOnce() throws Exception {
		for (int round = 0; round < 3; round++) {
			UUID workflow = this.workflows.subscriptionPack();
			String token = this.links.token(workflow, "INVESTOR");
			List<Api.Response> responses = race(java.util.Collections.nCopies(20, token),
					java.util.Collections.nCopies(20, "Ivy Investor"));
			assertThat(responses).filteredOn((r) -> r.status() == 200).hasSize(1);
			assertThat(responses).filteredOn((r) -> r.status() == 409).hasSize(19);
			assertThat(this.workflows.versions(workflow)).isEqualTo(2);
			assertThat(this.workflows.outboxEvents(workflow, "DocumentSigned")).isEqualTo(1);
		}
	}

	@Test
	void concurrentRetriesWithOneIdempotencyKeyAllGetTheOneSignature() throws Exception {
		for (int round = 0; round < 3; round++) {
			UUID workflow = this.workflows.subscriptionPack();
			String path = "/api/v1/signing/" + this.links.token(workflow, "INVESTOR") + "/signature";
			int threads = 10;
			CyclicBarrier barrier = new CyclicBarrier(threads);
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			List<Future<Api.Response>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(pool.submit(() -> {
					barrier.await();
					return this.api.post(path, "{\"typedName\":\"Ivy Investor\",\"consent\":true}", "Idempotency-Key",
							"retry-me");
				}));
			}
			List<Api.Response> responses = new ArrayList<>();
			for (Future<Api.Response> future : futures) {
				responses.add(future.get());
			}
			pool.shutdownNow();
			assertThat(responses).allSatisfy((r) -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
			assertThat(responses.stream().map(Api.Response::text).distinct()).hasSize(1);
			assertThat(this.workflows.versions(workflow)).isEqualTo(2);
		}
	}

	@Test
	void theLastSignatureAndAnApprovalCancellationNeverBothWin() throws Exception {
		for (int round = 0; round < 20; round++) {
			ApprovalGranted grant = Grants.subscription(Grants.CONFIGURED_VEHICLE);
			UUID workflow = this.workflows.open(grant);
			assertThat(this.api
				.post("/api/v1/signing/" + this.links.token(workflow, "ARRANGER") + "/signature",
						"{\"typedName\":\"Ada Arranger\",\"consent\":true}")
				.status()).isEqualTo(200);
			String investor = "/api/v1/signing/" + this.links.token(workflow, "INVESTOR") + "/signature";
			CyclicBarrier barrier = new CyclicBarrier(2);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			Future<Api.Response> signed = pool.submit(() -> {
				barrier.await();
				return this.api.post(investor, "{\"typedName\":\"Ivy Investor\",\"consent\":true}");
			});
			Future<?> cancelled = pool.submit(() -> {
				barrier.await();
				this.cancellation
					.approvalCancelled(new ApprovalCancelled(grant.approvalId(), grant.dealId(), grant.investorId(),
							grant.kind(), grant.subscriptionId(), grant.amount(), "withdrawn", "carl", Instant.now()));
				return null;
			});
			int status = signed.get().status();
			cancelled.get();
			pool.shutdownNow();
			long completions = this.workflows.outboxEvents(workflow, "SigningWorkflowCompleted");
			long cancellations = this.workflows.outboxEvents(workflow, "SigningWorkflowCancelled");
			assertThat(completions + cancellations).as("round %d", round).isEqualTo(1);
			assertThat(status).isEqualTo((completions == 1) ? 200 : 409);
			assertThat(this.workflows.status(workflow)).isEqualTo((completions == 1) ? "COMPLETED" : "CANCELLED");
		}
	}

	private List<Api.Response> race(List<String> tokens, List<String> names) throws Exception {
		CyclicBarrier barrier = new CyclicBarrier(tokens.size());
		ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
		try {
			List<Future<Api.Response>> futures = new ArrayList<>();
			for (int i = 0; i < tokens.size(); i++) {
				String path = "/api/v1/signing/" + tokens.get(i) + "/signature";
				String body = "{\"typedName\":\"" + names.get(i) + "\",\"consent\":true}";
				futures.add(pool.submit(() -> {
					barrier.await();
					return this.api.post(path, body);
				}));
			}
			List<Api.Response> responses = new ArrayList<>();
			for (Future<Api.Response> future : futures) {
				responses.add(future.get());
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static List<SigningWorkflowCompleted> completionsOf(List<DomainEvent> events, Set<UUID> workflows) {
		return PublishedEvents.ofType(events, SigningWorkflowCompleted.class)
			.stream()
			.filter((completed) -> workflows.contains(completed.workflowId()))
			.toList();
	}

}
