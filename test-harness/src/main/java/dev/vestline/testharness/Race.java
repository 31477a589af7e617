package dev.vestline.testharness;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Starts many tasks on a barrier, so they really run at the same moment: what the race
 * tests of every module share.
 */
public final class Race {

	private Race() {
	}

	/**
	 * @param contenders how many tasks
	 * @param task the task of contender {@code i}
	 * @return each contender's result, by index
	 */
	public static <T> List<T> run(int contenders, IntFunction<T> task) {
		ExecutorService pool = Executors.newFixedThreadPool(contenders);
		try {
			CyclicBarrier start = new CyclicBarrier(contenders);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < contenders; i++) {
				int contender = i;
				futures.add(pool.submit(() -> {
					start.await(30, TimeUnit.SECONDS);
					return task.apply(contender);
				}));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(120, TimeUnit.SECONDS));
			}
			return results;
		}
		catch (Exception ex) {
			throw new IllegalStateException("A contender failed", ex);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
