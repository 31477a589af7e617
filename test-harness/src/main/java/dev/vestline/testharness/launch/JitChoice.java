package dev.vestline.testharness.launch;

/**
 * Which JIT the JVMs that the tests and the local platform start run: the first tier only
 * (quick to start, the default on this project's two cores), or both tiers as a
 * production JVM runs, with {@code VESTLINE_JIT=full} in the environment (the platform
 * benchmark).
 */
public final class JitChoice {

	private JitChoice() {
	}

	/**
	 * @return whether {@code VESTLINE_JIT=full} asks for both JIT tiers
	 */
	public static boolean full() {
		return "full".equals(System.getenv("VESTLINE_JIT"));
	}

}
