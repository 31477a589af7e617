package dev.vestline.console.live;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open pages and what each listens to, by session: a change reaches the streams whose
 * {@link Watch} matches it. A session holds at most {@link #PER_SESSION} streams: a page
 * opened beyond that takes over from the session's oldest, which is told so and closed
 * (it does not reconnect, so two tabs never push each other out in turn). Streams are
 * forgotten when they complete, time out or fail; a heartbeat finds those whose browser
 * went away without a word. When the console stops, every stream is ended first (the
 * browsers open theirs again, on another instance or after the restart): an open stream
 * would otherwise hold up the web server's graceful shutdown until its timeout.
 */
class Watchers implements SmartLifecycle {

	/** Pages one person follows at once: tabs, a second window. */
	static final int PER_SESSION = 8;

	private final Map<String, Deque<Watcher>> bySession = new HashMap<>();

	private volatile boolean running;

	/**
	 * Sends off the listener's thread: a browser that reads slowly must not hold up the
	 * console's consumer or the other pages.
	 */
	private final Executor sending;

	Watchers(Executor sending) {
		this.sending = sending;
	}

	/**
	 * Follows a page's stream until it completes, times out or fails. The page is told at
	 * once to read again (what changed between its rendering and now would otherwise be
	 * missed; a page that shows the current state answers that with nothing) and, when
	 * the broker is away, that live updates are paused.
	 */
	void add(String session, Watch watch, SseEmitter stream, boolean live) {
		Watcher watcher = new Watcher(session, watch, stream);
		Watcher pushedOut = null;
		synchronized (this) {
			Deque<Watcher> streams = this.bySession.computeIfAbsent(session, (key) -> new ArrayDeque<>());
			streams.addLast(watcher);
			if (streams.size() > PER_SESSION) {
				pushedOut = streams.pollFirst();
			}
		}
		stream.onCompletion(() -> remove(watcher));
		stream.onTimeout(() -> remove(watcher));
		stream.onError((ex) -> remove(watcher));
		send(watcher, Event.CHANGED, null);
		if (!live) {
			send(watcher, Event.PAUSED, null);
		}
		if (pushedOut != null) {
			Watcher closing = pushedOut;
			send(closing, Event.CLOSED_TOO_MANY, closing.stream()::complete);
		}
	}

	/** Tells every page that shows the changed aggregate to read it again. */
	void changed(Change change) {
		select((watcher) -> watcher.watch().matches(change)).forEach((watcher) -> send(watcher, Event.CHANGED, null));
	}

	/**
	 * Tells every page that live updates stopped (the broker is away) or are back (the
	 * pages then read again what they may have missed).
	 */
	void live(boolean live) {
		select((watcher) -> true).forEach((watcher) -> send(watcher, live ? Event.RESUMED : Event.PAUSED, null));
	}

	/** Keeps proxies from closing quiet streams, and finds streams nobody reads. */
	void heartbeat() {
		select((watcher) -> true).forEach((watcher) -> send(watcher, Event.HEARTBEAT, null));
	}

	/**
	 * @return how many streams are followed now
	 */
	synchronized int size() {
		return this.bySession.values().stream().mapToInt(Deque::size).sum();
	}

	private synchronized List<Watcher> select(Predicate<Watcher> which) {
		return this.bySession.values().stream().flatMap(Deque::stream).filter(which).toList();
	}

	private synchronized void remove(Watcher watcher) {
		Deque<Watcher> streams = this.bySession.get(watcher.session());
		if (streams != null && streams.remove(watcher) && streams.isEmpty()) {
			this.bySession.remove(watcher.session());
		}
	}

	private void send(Watcher watcher, Event event, @Nullable Runnable then) {
		this.sending.execute(() -> {
			try {
				watcher.stream().send(event.builder());
				if (then != null) {
					then.run();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// the browser went away, or the stream completed meanwhile
				remove(watcher);
			}
		});
	}

	@Override
	public void start() {
		this.running = true;
	}

	/** Ends every stream: runs before the web server's graceful shutdown waits. */
	@Override
	public void stop() {
		this.running = false;
		List<Watcher> all;
		synchronized (this) {
			all = select((watcher) -> true);
			this.bySession.clear();
		}
		all.forEach((watcher) -> watcher.stream().complete());
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** One open page's stream. */
	record Watcher(String session, Watch watch, SseEmitter stream) {

	}

}
