package dev.vestline.testharness;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * Ports for the processes and servers the tests and the local platform start.
 */
public final class FreePorts {

	/**
	 * The first port picked and the one after the last: 20000 to 31999 unless
	 * {@code VESTLINE_TEST_PORTS} says otherwise, e.g. {@code 20000-25999}, which gives
	 * each of {@code ./verify}'s lanes a range of its own.
	 */
	private static final int[] RANGE = range(System.getenv("VESTLINE_TEST_PORTS"));

	private static final Set<Integer> handedOut = ConcurrentHashMap.newKeySet();

	private FreePorts() {
	}

	/**
	 * A port nothing listens on, below Linux's ephemeral range (32768–60999): a process
	 * binds its port seconds after it was picked (a service after its AOT cache's
	 * training run, a replica restarted minutes after), and meanwhile any outgoing
	 * connection may be given an ephemeral port by the kernel. A port of that range was
	 * taken so in a benchmark run (signature's replica could not start: "Port … was
	 * already in use", three times) when ports were picked with
	 * {@code new ServerSocket(0)}. Each port is handed out once per JVM.
	 * @return the port
	 */
	public static int pick() {
		for (int tries = 0; tries < 1_000; tries++) {
			int port = ThreadLocalRandom.current().nextInt(RANGE[0], RANGE[1]);
			if (!handedOut.add(port)) {
				continue;
			}
			try (ServerSocket socket = new ServerSocket(port)) {
				return socket.getLocalPort();
			}
			catch (IOException taken) {
				// something listens there: try another
			}
		}
		throw new IllegalStateException("No free port between " + RANGE[0] + " and " + RANGE[1]);
	}

	private static int[] range(@Nullable String range) {
		if (range == null || range.isBlank()) {
			return new int[] { 20_000, 32_000 };
		}
		String[] ends = range.strip().split("-");
		return new int[] { Integer.parseInt(ends[0]), Integer.parseInt(ends[1]) + 1 };
	}

}
