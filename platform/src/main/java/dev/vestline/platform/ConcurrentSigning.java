package dev.vestline.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;

/**
 * Several signers sign through their links at the same moment: their threads start on a
 * barrier. A signer who finds another one holding the document's lease (409 with
 * {@code Retry-After}), or a service that asks to wait (503 with {@code Retry-After}),
 * tries again, with the same {@code Idempotency-Key}, as a signer's browser would.
 */
final class ConcurrentSigning {

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	private final ApiClient api;

	ConcurrentSigning(ApiClient api) {
		this.api = api;
	}

	/**
	 * @param typedNames each signer's link token and the name they type
	 * @return each signer's answer, by token
	 */
	Map<String, ApiClient.Answer> signAtOnce(Map<String, String> typedNames) {
		CyclicBarrier barrier = new CyclicBarrier(typedNames.size());
		Map<String, Future<ApiClient.Answer>> futures = new LinkedHashMap<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(typedNames.size())) {
			typedNames.forEach((token, name) -> futures.put(token, threads.submit(() -> {
				barrier.await();
				return sign(token, name);
			})));
			Map<String, ApiClient.Answer> answers = new LinkedHashMap<>();
			for (var future : futures.entrySet()) {
				answers.put(future.getKey(), future.getValue().get());
			}
			return answers;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("A signer failed: " + ex.getCause().getMessage(), ex.getCause());
		}
	}

	private ApiClient.Answer sign(String token, String typedName) {
		String key = UUID.randomUUID().toString();
		AtomicReference<ApiClient.Answer> answer = new AtomicReference<>();
		List<Integer> attempts = new ArrayList<>();
		Awaitility.await("signature of " + typedName)
			.atMost(PATIENCE)
			.pollInSameThread()
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> {
				ApiClient.Answer attempt = this.api.call("signature", "POST", "/api/v1/signing/" + token + "/signature")
					.header("Idempotency-Key", key)
					.json(Map.of("typedName", typedName, "consent", true))
					.send();
				attempts.add(attempt.status());
				answer.set(attempt);
				if ((attempt.status() == 409 || attempt.status() == 503) && attempt.retryAfter() != null) {
					return false; // another signer holds the lease, or the service asks
									// to wait
				}
				if (attempt.status() != 200) {
					throw new IllegalStateException(typedName + " could not sign: " + attempt.status() + " "
							+ attempt.text() + " (attempts " + attempts + ")");
				}
				return true;
			});
		return answer.get();
	}

}
