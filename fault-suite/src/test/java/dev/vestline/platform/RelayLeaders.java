package dev.vestline.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * Which replica of a service relays its outbox: the one whose
 * {@code vestline_outbox_relay_leader} gauge is 1 (it holds the schema's relay lock).
 */
final class RelayLeaders {

	private static final Duration PATIENCE = Duration.ofMinutes(3);

	private final LocalPlatform platform;

	RelayLeaders(LocalPlatform platform) {
		this.platform = platform;
	}

	/**
	 * Waits until exactly one running replica of the service leads.
	 * @param service e.g. {@code billing}
	 * @return its number, 1 to N
	 */
	int leaderOf(String service) {
		return await(service + "'s relay led by exactly one replica").atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> leaders(service), (leaders) -> leaders.size() == 1)
			.getFirst();
	}

	/**
	 * @param service e.g. {@code billing}
	 * @param replica the replica that is to lead, 1 to N
	 */
	void awaitLeader(String service, int replica) {
		await(service + "'s relay led by replica " + replica).atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> leaders(service), (leaders) -> leaders.equals(List.of(replica)));
	}

	private List<Integer> leaders(String service) {
		List<ServiceProcess> replicas = this.platform.replicas(service).processes();
		List<Integer> leaders = new ArrayList<>();
		for (int i = 0; i < replicas.size(); i++) {
			Probe.Answer metrics = Probe.get(replicas.get(i).baseUrl() + "/actuator/prometheus", null,
					Duration.ofSeconds(10));
			if (metrics.status() == 200 && metrics.body()
				.lines()
				.anyMatch((line) -> line.startsWith("vestline_outbox_relay_leader") && line.endsWith(" 1.0"))) {
				leaders.add(i + 1);
			}
		}
		return leaders;
	}

}
