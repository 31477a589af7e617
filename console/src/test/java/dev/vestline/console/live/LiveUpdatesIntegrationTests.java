package dev.vestline.console.live;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.vestline.console.support.Arrange;
import dev.vestline.console.support.ConsoleTest;
import dev.vestline.console.support.SignedIn;
import dev.vestline.testharness.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Live updates against a real broker: approval-service publishes through its outbox, the
 * console's own consumer reads the record and tells the streams of the pages that show
 * the approval, and no other.
 */
class LiveUpdatesIntegrationTests extends ConsoleTest {

	private static final Duration PATIENCE = Duration.ofSeconds(120);

	@Autowired
	private BrokerWatch broker;

	@Autowired
	private Assignment assignment;

	private final List<Thread> readers = new CopyOnWriteArrayList<>();

	private final Arrange arrange = backends().arrange();

	@BeforeEach
	void consoleReadsItsTopics() {
		await().atMost(PATIENCE).until(this.broker::live);
	}

	@AfterEach
	void stopReading() {
		this.readers.forEach(Thread::interrupt);
	}

	@Test
	void anApprovalDecidedThroughTheApiByAnotherPersonReachesOnlyTheStreamsWatchingIt() {
		UUID watched = this.arrange.subscription(this.arrange.deal("Live " + UUID.randomUUID(), "100000"), "ingrid",
				"1000");
		UUID another = this.arrange.subscription(this.arrange.deal("Live " + UUID.randomUUID(), "100000"), "ingrid",
				"2000");
		List<String> carla = follow(SignedIn.as("carla", backends()), "/live/approval/" + watched);
		List<String> oscar = follow(SignedIn.as("oscar", backends()), "/live/approval/" + another);
		await().atMost(PATIENCE).until(() -> changes(carla) == 1 && changes(oscar) == 1); // the
																							// greeting

		this.arrange.approve(watched, "cleo", "compliance");

		await().atMost(PATIENCE).until(() -> changes(carla) == 2);
		this.arrange.approve(another, "cleo", "compliance");
		await().atMost(PATIENCE).until(() -> changes(oscar) == 2);
		assertThat(changes(oscar)).as("oscar's stream got its approval's change and not carla's").isEqualTo(2);
		assertThat(changes(carla)).as("carla's stream did not get the other approval's change").isEqualTo(2);
		assertThat(String.join("\n", carla)).doesNotContain(watched.toString()).doesNotContain("cleo");
	}

	@Test
	void theQueueHearsOfAnyApproval() {
		UUID deal = this.arrange.deal("Live " + UUID.randomUUID(), "100000");
		UUID approval = this.arrange.subscription(deal, "ingrid", "1000");
		List<String> queue = follow(SignedIn.as("carla", backends()), "/live/approval");
		await().atMost(PATIENCE).until(() -> changes(queue) >= 1);
		int before = changes(queue);

		this.arrange.approve(approval, "cleo", "compliance");

		await().atMost(PATIENCE).until(() -> changes(queue) > before);
	}

	@Test
	void aPageReadsAgainOnlyWhenWhatItShowsChanged() {
		UUID deal = this.arrange.deal("Live " + UUID.randomUUID(), "100000");
		UUID approval = this.arrange.subscription(deal, "ingrid", "1000");
		SignedIn carla = SignedIn.as("carla", backends());
		String page = carla.get("/approvals/" + approval).body();
		String shown = query(SignedIn.field(page, "shown"));
		String queue = carla.get("/approvals?deal=" + deal).body();
		String queueShown = query(SignedIn.field(queue, "shown"));
		assertThat(carla.getAsHtmx("/approvals/" + approval + "/now?shown=" + shown).statusCode()).isEqualTo(204);
		assertThat(carla.getAsHtmx("/approvals/now?deal=" + deal + "&shown=" + queueShown).statusCode()).isEqualTo(204);

		this.arrange.approve(approval, "cleo", "compliance");

		HttpResponse<String> now = carla.getAsHtmx("/approvals/" + approval + "/now?shown=" + shown + "&etag=" + shown);
		assertThat(now.statusCode()).isEqualTo(200);
		assertThat(now.body())
			.contains("Pending at step", "approved by", "cleo", "A moment ago <strong>cleo</strong>",
					"The approval changed", "id=\"approval-history\"", "hx-swap-oob=\"true\"")
			.doesNotContain("<form");
		HttpResponse<String> queueNow = carla.getAsHtmx("/approvals/now?deal=" + deal + "&shown=" + queueShown);
		assertThat(queueNow.statusCode()).isEqualTo(200);
		assertThat(queueNow.body()).contains("The queue changed a moment ago", "step <span>2</span>");
	}

	@Test
	void theConsoleTellsABrokerThatAnswersFromOneThatDoesNot() {
		BrokerWatch answering = new BrokerWatch(Map.of("bootstrap.servers", backends().kafkaBootstrapServers()),
				this.assignment, new Watchers(Runnable::run), Duration.ofSeconds(5));
		BrokerWatch away = new BrokerWatch(Map.of("bootstrap.servers", "127.0.0.1:" + FreePorts.pick()),
				this.assignment, new Watchers(Runnable::run), Duration.ofSeconds(1));
		try (answering; away) {
			answering.check();
			away.check();

			assertThat(answering.live()).isTrue();
			assertThat(away.live()).as("live updates paused while the broker does not answer").isFalse();
		}
	}

	@Test
	void aPersonWithoutTheAreasRoleGetsNoStream() {
		HttpResponse<Stream<String>> refused = SignedIn.as("bianca", backends())
			.stream("/live/approval/" + UUID.randomUUID());
		refused.body().close();

		assertThat(refused.statusCode()).isEqualTo(403);
	}

	@Test
	void aTopicTheConsoleDoesNotFollowIsNotFound() {
		HttpResponse<Stream<String>> unknown = SignedIn.as("carla", backends()).stream("/live/mail");
		unknown.body().close();

		assertThat(unknown.statusCode()).isEqualTo(404);
	}

	private List<String> follow(SignedIn person, String path) {
		HttpResponse<Stream<String>> stream = person.stream(path);
		assertThat(stream.statusCode()).isEqualTo(200);
		assertThat(stream.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		List<String> lines = new CopyOnWriteArrayList<>();
		Thread reader = Thread.ofVirtual().start(() -> {
			try (Stream<String> body = stream.body()) {
				body.forEach(lines::add);
			}
			catch (RuntimeException ex) {
				// interrupted at the end of the test
			}
		});
		this.readers.add(reader);
		return lines;
	}

	private static String query(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static int changes(List<String> lines) {
		return (int) lines.stream().filter("event:changed"::equals).count();
	}

}
