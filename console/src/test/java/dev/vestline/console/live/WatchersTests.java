package dev.vestline.console.live;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static org.assertj.core.api.Assertions.assertThat;

class WatchersTests {

	private final Watchers watchers = new Watchers(Runnable::run);

	private final UUID approval = UUID.randomUUID();

	private final UUID other = UUID.randomUUID();

	@Test
	void greetsANewPageWithChangedSoItReadsWhatItMayHaveMissed() {
		Stream page = follow("carla", new Watch("approval", this.approval), true);

		assertThat(page.events).containsExactly("changed");
	}

	@Test
	void tellsANewPageThatLiveUpdatesArePausedWhileTheBrokerIsAway() {
		Stream page = follow("carla", new Watch("approval", this.approval), false);

		assertThat(page.events).containsExactly("changed", "paused");
	}

	@Test
	void tellsOnlyThePagesThatShowTheChangedAggregate() {
		Stream watching = follow("carla", new Watch("approval", this.approval), true);
		Stream another = follow("cleo", new Watch("approval", this.other), true);
		Stream workflow = follow("oscar", new Watch("signature", this.approval), true);

		this.watchers.changed(new Change("approval", this.approval.toString()));

		assertThat(watching.events).containsExactly("changed", "changed");
		assertThat(another.events).containsExactly("changed");
		assertThat(workflow.events).containsExactly("changed");
	}

	@Test
	void tellsTheQueueOfAnyApprovalButNotOfOtherTopics() {
		Stream queue = follow("carla", new Watch("approval", null), true);

		this.watchers.changed(new Change("approval", this.other.toString()));
		this.watchers.changed(new Change("billing", this.other.toString()));

		assertThat(queue.events).containsExactly("changed", "changed");
	}

	@Test
	void tellsEveryPageWhenLiveUpdatesPauseAndResume() {
		Stream one = follow("carla", new Watch("approval", this.approval), true);
		Stream two = follow("bianca", new Watch("billing", this.other), true);

		this.watchers.live(false);
		this.watchers.live(true);

		assertThat(one.events).containsExactly("changed", "paused", "resumed");
		assertThat(two.events).containsExactly("changed", "paused", "resumed");
	}

	@Test
	void aPageBeyondTheSessionsLimitPushesOutItsOldestWhichIsToldAndClosed() {
		List<Stream> pages = new ArrayList<>();
		for (int i = 0; i < Watchers.PER_SESSION + 1; i++) {
			pages.add(follow("carla", new Watch("approval", this.approval), true));
		}
		Stream otherSession = follow("cleo", new Watch("approval", this.approval), true);

		assertThat(pages.get(0).events).containsExactly("changed", "closed");
		assertThat(pages.get(0).completed).isTrue();
		assertThat(this.watchers.size()).isEqualTo(Watchers.PER_SESSION + 1);
		this.watchers.changed(new Change("approval", this.approval.toString()));
		assertThat(pages.get(0).events).containsExactly("changed", "closed");
		assertThat(pages.get(Watchers.PER_SESSION).events).containsExactly("changed", "changed");
		assertThat(otherSession.events).containsExactly("changed", "changed");
	}

	@Test
	void forgetsAPageWhoseBrowserWentAway() {
		Stream gone = follow("carla", new Watch("approval", this.approval), true);
		gone.broken = true;

		this.watchers.heartbeat();

		assertThat(this.watchers.size()).isZero();
	}

	private Stream follow(String session, Watch watch, boolean live) {
		Stream stream = new Stream();
		this.watchers.add(session, watch, stream, live);
		return stream;
	}

	/** A page's stream that keeps the names of the events it was sent. */
	static final class Stream extends SseEmitter {

		final List<String> events = new ArrayList<>();

		boolean broken;

		boolean completed;

		@Override
		public void send(SseEventBuilder builder) throws IOException {
			if (this.broken) {
				throw new IOException("Broken pipe");
			}
			String text = builder.build().stream().map((part) -> part.getData().toString()).reduce("", String::concat);
			if (text.startsWith("event:")) {
				this.events.add(text.substring("event:".length(), text.indexOf('\n')));
			}
		}

		@Override
		public void complete() {
			this.completed = true;
		}

	}

}
