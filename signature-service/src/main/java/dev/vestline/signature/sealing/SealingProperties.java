package dev.vestline.signature.sealing;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vestline.signature.sealing.*}: the platform's sealing key. Without a key store a
 * key is generated for the running process (never under the {@code prod} profile, which
 * refuses to start without one).
 *
 * @param keyStore where the PKCS#12 file holding the key and its certificate chain is,
 * e.g. {@code file:/etc/vestline/sealing/seal.p12} (or {@code classpath:...})
 * @param keyStorePassword its password
 * @param keyAlias the key's alias; may be left out when the store holds one key
 * @param keyPassword the key's own password, when it differs from the store's
 * @param sweepInterval how often completed workflows without a seal are looked for (a
 * seal that failed or was cut short by a crash)
 */
@ConfigurationProperties("vestline.signature.sealing")
public record SealingProperties(@Nullable String keyStore, @Nullable String keyStorePassword, @Nullable String keyAlias,
		@Nullable String keyPassword, @DefaultValue("1m") Duration sweepInterval) {

	static final String KEY_STORE = "vestline.signature.sealing.key-store";

	boolean configured() {
		return this.keyStore != null && !this.keyStore.isBlank();
	}

	char[] storePassword() {
		return (this.keyStorePassword != null) ? this.keyStorePassword.toCharArray() : new char[0];
	}

	char[] entryPassword() {
		return (this.keyPassword != null && !this.keyPassword.isEmpty()) ? this.keyPassword.toCharArray()
				: storePassword();
	}

}
