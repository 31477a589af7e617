package dev.vestline.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vestline.testharness.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The router in front of a service's replicas sends only to replicas that serve and are
 * ready, resends only what never reached a replica, and answers 503 with
 * {@code Retry-After} for a request a replica failed while handling it, never resending
 * that one.
 */
class ReplicaRouterTests {

	private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final List<AutoCloseable> closing = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable resource : this.closing.reversed()) {
			resource.close();
		}
	}

	@Test
	void sendsOnlyToReplicasThatServeAndAreReady() {
		FakeReplica ready = replica(true, Behaviour.ANSWER);
		FakeReplica notReady = replica(false, Behaviour.ANSWER);
		FakeReplica stopping = replica(true, Behaviour.ANSWER);
		stopping.serving.set(false);
		int port = router(ready, notReady, stopping);
		awaitRouting(port);

		for (int i = 0; i < 20; i++) {
			assertThat(post(port).statusCode()).isEqualTo(200);
		}

		assertThat(notReady.requests.get()).isZero();
		assertThat(stopping.requests.get()).isZero();
		notReady.ready.set(true);
		await("the replica that became ready gets requests").atMost(Duration.ofSeconds(60))
			.until(() -> post(port).statusCode() == 200 && notReady.requests.get() > 0);
	}

	@Test
	void answersAFailureInFlightWith503AndRetryAfterAndNeverResendsIt() {
		FakeReplica failing = replica(true, Behaviour.DROP_CONNECTION);
		FakeReplica healthy = replica(true, Behaviour.ANSWER);
		int port = router(failing, healthy);
		await("both replicas in rotation").atMost(Duration.ofSeconds(60))
			.until(() -> post(port).statusCode() == 503 && failing.requests.get() > 0);
		failing.requests.set(0);
		healthy.requests.set(0);

		List<HttpResponse<String>> answers = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			answers.add(post(port));
		}

		List<HttpResponse<String>> unavailable = answers.stream().filter((a) -> a.statusCode() == 503).toList();
		assertThat(unavailable).hasSize(failing.requests.get())
			.allSatisfy((answer) -> assertThat(answer.headers().firstValue("Retry-After")).hasValue("1"))
			.allSatisfy((answer) -> assertThat(answer.body()).contains("may have been applied"));
		assertThat(answers.stream().filter((a) -> a.statusCode() == 200)).hasSize(healthy.requests.get());
		assertThat(failing.requests.get() + healthy.requests.get()).as("each request reached one replica once")
			.isEqualTo(20);
	}

	@Test
	void resendsARequestWhoseConnectionWasRefusedToTheNextReplica() {
		FakeReplica gone = replica(true, Behaviour.ANSWER);
		FakeReplica healthy = replica(true, Behaviour.ANSWER);
		int port = router(gone, healthy);
		await("both replicas in rotation").atMost(Duration.ofSeconds(60))
			.until(() -> post(port).statusCode() == 200 && gone.requests.get() > 0 && healthy.requests.get() > 0);
		gone.server.stop(0); // refuses connections from now on, still "serving"
		healthy.requests.set(0);

		for (int i = 0; i < 20; i++) {
			assertThat(post(port).statusCode()).isEqualTo(200);
		}

		assertThat(healthy.requests.get()).isEqualTo(20);
	}

	@Test
	void answers503WithRetryAfterWhenNoReplicaIsReady() {
		int port = router(replica(false, Behaviour.ANSWER));

		HttpResponse<String> answer = post(port);

		assertThat(answer.statusCode()).isEqualTo(503);
		assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	private void awaitRouting(int port) {
		await("a replica in rotation").atMost(Duration.ofSeconds(60)).until(() -> post(port).statusCode() == 200);
	}

	private int router(FakeReplica... replicas) {
		int port = FreePorts.pick();
		ReplicaRouter router = ReplicaRouter.start("test", port,
				List.of(replicas).stream().map((r) -> new Replica(r.baseUrl(), r.serving::get)).toList());
		this.closing.add(router);
		return port;
	}

	private FakeReplica replica(boolean ready, Behaviour behaviour) {
		FakeReplica replica = new FakeReplica(ready, behaviour);
		this.closing.add(() -> replica.server.stop(0));
		return replica;
	}

	private static HttpResponse<String> post(int port) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/things"))
				.POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}"))
				.header("Content-Type", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private enum Behaviour {

		ANSWER, DROP_CONNECTION

	}

	/** A replica: a readiness probe that says what it is told, and one API. */
	private static final class FakeReplica {

		private final HttpServer server;

		private final AtomicBoolean ready;

		private final AtomicBoolean serving = new AtomicBoolean(true);

		private final AtomicInteger requests = new AtomicInteger();

		FakeReplica(boolean ready, Behaviour behaviour) {
			this.ready = new AtomicBoolean(ready);
			try {
				this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.server.createContext("/actuator/health/readiness", (exchange) -> {
				respond(exchange, this.ready.get() ? 200 : 503, "{}");
			});
			this.server.createContext("/api/v1/things", (exchange) -> {
				exchange.getRequestBody().readAllBytes();
				this.requests.incrementAndGet();
				if (behaviour == Behaviour.DROP_CONNECTION) {
					exchange.close(); // a replica killed while it works: no answer at all
				}
				else {
					respond(exchange, 200, "{\"ok\":true}");
				}
			});
			this.server.start();
		}

		String baseUrl() {
			return "http://localhost:" + this.server.getAddress().getPort();
		}

		private static void respond(HttpExchange exchange, int status, String body) throws IOException {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		}

	}

}
