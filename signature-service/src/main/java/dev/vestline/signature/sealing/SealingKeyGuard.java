package dev.vestline.signature.sealing;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Refuses to start the service under the {@code prod} profile without a real sealing key,
 * the way service-support's {@code ProductionGuard} refuses example secrets: a missing
 * key store, the kind of key a local run generates, a certificate naming an example
 * subject or issuer, or one outside its validity. (A missing or example store password is
 * the {@code ProductionGuard}'s: application-prod.yml lists it as a secret.)
 */
final class SealingKeyGuard {

	private static final List<String> EXAMPLE_MARKERS = List.of("example", "not for production", "change-me",
			"changeme", "dev-only", "localhost");

	private final Clock clock;

	SealingKeyGuard(Clock clock) {
		this.clock = clock;
	}

	/**
	 * @param key the configured key, or {@code null} when none is configured
	 * @throws IllegalStateException naming every problem at once
	 */
	void check(@Nullable SealingKey key) {
		List<String> problems = new ArrayList<>();
		if (key == null) {
			problems.add(SealingProperties.KEY_STORE
					+ " is not set: production seals with a configured key, never a generated one");
		}
		else {
			check(key.certificate(), problems);
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException(
					"Refusing to start under the prod profile:\n - " + String.join("\n - ", problems));
		}
	}

	private void check(X509Certificate certificate, List<String> problems) {
		String subject = certificate.getSubjectX500Principal().getName();
		String issuer = certificate.getIssuerX500Principal().getName();
		for (String name : List.of(subject, issuer)) {
			String lower = name.toLowerCase(Locale.ROOT);
			EXAMPLE_MARKERS.stream()
				.filter(lower::contains)
				.findFirst()
				.ifPresent((marker) -> problems.add("the sealing certificate (" + subject + ", issued by " + issuer
						+ ") is an example or locally generated one ('" + marker + "')"));
		}
		try {
			certificate.checkValidity(Date.from(this.clock.instant()));
		}
		catch (CertificateExpiredException | CertificateNotYetValidException ex) {
			problems.add("the sealing certificate (" + subject + ") is valid only from " + certificate.getNotBefore()
					+ " to " + certificate.getNotAfter());
		}
	}

}
