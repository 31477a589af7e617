package dev.vestline.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * What a Kubernetes Service (with an ingress in front) does for a service's replicas, on
 * one machine: listens on the service's usual port, on 127.0.0.1 only, and sends each
 * request to the next replica in rotation ({@link ReplicaReadiness}), round robin.
 * <p>
 * It resends a request to another replica only when the connection was refused: then
 * nothing reached the replica, so resending is safe for any method, and a Service, whose
 * endpoints drop a stopped pod, would not have sent it there. A request that reached a
 * replica which then failed (killed while it worked, connection reset) is never resent:
 * it may have been applied. The caller gets a 503 problem with {@code Retry-After} (what
 * Envoy answers for a reset upstream) and retries with its {@code Idempotency-Key} or
 * {@code If-Match}, which the services make safe. So no failure is hidden, and none is
 * doubled. A request that no replica answered within {@link #PATIENCE} gets a 504.
 */
final class ReplicaRouter implements AutoCloseable {

	static final Duration PATIENCE = Duration.ofMinutes(2);

	/** Headers of one connection, or set by the client or the server themselves. */
	private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection",
			"proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host",
			"content-length", "expect", "date");

	private final String service;

	private final String publicBaseUrl;

	private final ReplicaReadiness readiness;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final HttpServer server;

	private final AtomicInteger turn = new AtomicInteger();

	private final LongAdder forwarded = new LongAdder();

	private final LongAdder resent = new LongAdder();

	private final LongAdder failedInFlight = new LongAdder();

	private final LongAdder noReplica = new LongAdder();

	private ReplicaRouter(String service, int port, List<Replica> replicas) {
		this.service = service;
		this.publicBaseUrl = "http://localhost:" + port;
		this.readiness = new ReplicaReadiness(service, replicas);
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
		}
		catch (IOException ex) {
			this.readiness.close();
			throw new UncheckedIOException("The router of " + service + " could not listen on " + port, ex);
		}
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/", this::route);
	}

	/**
	 * @param service e.g. {@code billing}
	 * @param port the service's usual port
	 * @param replicas its replicas, each on a port of its own
	 * @return the listening router
	 */
	static ReplicaRouter start(String service, int port, List<Replica> replicas) {
		ReplicaRouter router = new ReplicaRouter(service, port, replicas);
		router.server.start();
		return router;
	}

	/**
	 * @return what the router did so far
	 */
	Counts counts() {
		return new Counts(this.forwarded.sum(), this.resent.sum(), this.failedInFlight.sum(), this.noReplica.sum());
	}

	private void route(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = exchange.getRequestBody().readAllBytes();
			for (Replica replica : nextTurn()) {
				try {
					HttpResponse<byte[]> answer = this.http.send(request(exchange, replica, body),
							HttpResponse.BodyHandlers.ofByteArray());
					this.forwarded.increment();
					respond(exchange, replica, answer);
					return;
				}
				catch (ConnectException | HttpConnectTimeoutException refused) {
					this.readiness.down(replica); // nothing reached it: the next one
					this.resent.increment();
				}
				catch (HttpTimeoutException ex) {
					problem(exchange, 504, replica.baseUrl() + " did not answer within " + PATIENCE
							+ "; the request may have been applied");
					return;
				}
				catch (IOException ex) {
					this.failedInFlight.increment();
					problem(exchange, 503, "the replica " + replica.baseUrl() + " failed while it handled the request ("
							+ ex + "); it may have been applied: retry with the same Idempotency-Key or If-Match");
					return;
				}
			}
			this.noReplica.increment();
			problem(exchange, 503, "no replica of " + this.service + " is ready");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The replicas in rotation, starting with the one whose turn it is. */
	private List<Replica> nextTurn() {
		List<Replica> ready = this.readiness.inRotation();
		List<Replica> order = new ArrayList<>(ready.size());
		int first = ready.isEmpty() ? 0 : Math.floorMod(this.turn.getAndIncrement(), ready.size());
		for (int i = 0; i < ready.size(); i++) {
			order.add(ready.get((first + i) % ready.size()));
		}
		return order;
	}

	private HttpRequest request(HttpExchange exchange, Replica replica, byte[] body) {
		URI uri = exchange.getRequestURI();
		String target = replica.baseUrl() + uri.getRawPath()
				+ ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target))
			.timeout(PATIENCE)
			.method(exchange.getRequestMethod(), (body.length == 0) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(body));
		exchange.getRequestHeaders().forEach((name, values) -> {
			if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
				values.forEach((value) -> request.header(name, value));
			}
		});
		request.header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
		request.header("X-Forwarded-Host", exchange.getRequestHeaders().getFirst("Host"));
		return request.build();
	}

	private void respond(HttpExchange exchange, Replica replica, HttpResponse<byte[]> answer) throws IOException {
		answer.headers().map().forEach((name, values) -> {
			if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
				values.forEach((value) -> exchange.getResponseHeaders()
					.add(name, name.equalsIgnoreCase("Location") ? relocated(value, replica) : value));
			}
		});
		byte[] body = answer.body();
		boolean bodyless = exchange.getRequestMethod().equals("HEAD") || answer.statusCode() == 204
				|| answer.statusCode() == 304 || body.length == 0;
		exchange.sendResponseHeaders(answer.statusCode(), bodyless ? -1 : body.length);
		if (!bodyless) {
			exchange.getResponseBody().write(body);
		}
	}

	/**
	 * A location on the replica names the same place on the router, as nginx rewrites it.
	 */
	private String relocated(String location, Replica replica) {
		return location.startsWith(replica.baseUrl())
				? this.publicBaseUrl + location.substring(replica.baseUrl().length()) : location;
	}

	private static void problem(HttpExchange exchange, int status, String detail) throws IOException {
		byte[] body = ApiClient
			.write(java.util.Map.of("type", "about:blank", "title",
					(status == 503) ? "Service Unavailable" : "Gateway Timeout", "status", status, "detail", detail))
			.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
		if (status == 503) {
			exchange.getResponseHeaders().set("Retry-After", "1");
		}
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.readiness.close();
		this.http.close();
	}

	/**
	 * What a router did.
	 *
	 * @param forwarded requests a replica answered (any status)
	 * @param resent attempts whose connection a replica refused, sent to the next one
	 * @param failedInFlight requests whose replica failed while it handled them (503)
	 * @param noReplica requests that found no replica ready (503)
	 */
	record Counts(long forwarded, long resent, long failedInFlight, long noReplica) {

	}

}
