package dev.vestline.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sends POSIX signals with {@code kill}, as an operator (or the kernel's OOM killer)
 * would: a frozen process (SIGSTOP) keeps its sockets open and answers nothing, a killed
 * one (SIGKILL) leaves no chance to clean up.
 */
final class Signals {

	private Signals() {
	}

	/** SIGSTOP: the processes stop where they are; their sockets stay open. */
	static void freeze(Collection<Long> pids) {
		send("-STOP", pids);
	}

	/** SIGCONT: frozen processes go on; harmless for running or gone ones. */
	static void thaw(Collection<Long> pids) {
		send("-CONT", pids);
	}

	/** SIGKILL, and waits until every process is gone. */
	static void kill(Collection<Long> pids) {
		send("-KILL", pids);
		for (long pid : pids) {
			ProcessHandle.of(pid).ifPresent((process) -> process.onExit().join());
		}
	}

	/**
	 * @param pid a process
	 * @return it and every process it started, parents first
	 */
	static List<Long> withDescendants(long pid) {
		List<Long> pids = new ArrayList<>(List.of(pid));
		ProcessHandle.of(pid).ifPresent((process) -> process.descendants().forEach((d) -> pids.add(d.pid())));
		return pids;
	}

	static boolean alive(long pid) {
		return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
	}

	private static void send(String signal, Collection<Long> pids) {
		List<String> command = new ArrayList<>(List.of("kill", signal));
		pids.forEach((pid) -> command.add(Long.toString(pid)));
		try {
			Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
			if (!kill.waitFor(30, TimeUnit.SECONDS)) {
				kill.destroyForcibly();
				throw new IllegalStateException("kill " + signal + " " + pids + " did not return");
			}
			// a process that is already gone is not an error here: it is what a crash
			// leaves
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
