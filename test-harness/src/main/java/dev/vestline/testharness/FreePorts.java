package dev.vestline.testharness;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the processes and servers the tests and the local platform start.
 */
public final class FreePorts {

	private static final int FIRST_PORT = 20_000;

	private static final int LAST_PORT = 32_000;

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
			int port = ThreadLocalRandom.current().nextInt(FIRST_PORT, LAST_PORT);
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
		throw new IllegalStateException("No free port between " + FIRST_PORT + " and " + LAST_PORT);
	}

}
