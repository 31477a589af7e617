package dev.vestline.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Which replicas of a service may take requests, as a Kubernetes Service's endpoints say:
 * a replica is in rotation while its process serves (it is not being stopped) and its
 * last readiness probe ({@code /actuator/health/readiness}) answered 200. Probes run
 * every {@link #PERIOD}; a replica that refused a connection leaves the rotation at once
 * and comes back with its next good probe.
 */
final class ReplicaReadiness implements AutoCloseable {

	static final Duration PERIOD = Duration.ofMillis(250);

	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(PROBE_TIMEOUT)
		.build();

	private final List<Replica> replicas;

	private final Map<Replica, Boolean> ready = new ConcurrentHashMap<>();

	private final ScheduledExecutorService probes;

	ReplicaReadiness(String service, List<Replica> replicas) {
		this.replicas = List.copyOf(replicas);
		this.probes = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("readiness-" + service).daemon().factory());
		this.probes.scheduleWithFixedDelay(this::probeAll, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * @return the replicas a request may go to now, in their fixed order
	 */
	List<Replica> inRotation() {
		return this.replicas.stream()
			.filter((r) -> r.serving().getAsBoolean() && this.ready.getOrDefault(r, false))
			.toList();
	}

	/** A replica refused a connection: out of rotation until a probe says otherwise. */
	void down(Replica replica) {
		this.ready.put(replica, false);
	}

	private void probeAll() {
		this.replicas
			.forEach((replica) -> this.ready.put(replica, replica.serving().getAsBoolean() && answersReady(replica)));
	}

	private boolean answersReady(Replica replica) {
		HttpRequest probe = HttpRequest.newBuilder(URI.create(replica.baseUrl() + "/actuator/health/readiness"))
			.timeout(PROBE_TIMEOUT)
			.build();
		try {
			return this.http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException notReady) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public void close() {
		this.probes.shutdownNow();
		this.http.close();
	}

}
