package dev.vestline.signature.sealing;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * Where the sealing key comes from: the configured PKCS#12 store, or, for a local run
 * without one, a P-256 key and a self-signed certificate generated in memory (never
 * written anywhere: a local seal proves only that the code path works).
 */
final class SealingKeys {

	private SealingKeys() {
	}

	/**
	 * @throws IllegalStateException when the store cannot be read or holds no usable key,
	 * naming the property to fix
	 */
	static SealingKey load(SealingProperties properties) {
		if (!properties.configured()) {
			throw new IllegalStateException(SealingProperties.KEY_STORE + " is not set");
		}
		Resource resource = new DefaultResourceLoader().getResource(properties.keyStore().strip());
		try (InputStream in = resource.getInputStream()) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, properties.storePassword());
			String alias = alias(store, properties.keyAlias());
			PrivateKey key = (PrivateKey) store.getKey(alias, properties.entryPassword());
			Certificate[] chain = store.getCertificateChain(alias);
			return new SealingKey(key, Arrays.stream(chain).map(X509Certificate.class::cast).toList());
		}
		catch (IOException | GeneralSecurityException | ClassCastException ex) {
			throw new IllegalStateException("The sealing key store " + resource.getDescription()
					+ " cannot be read (wrong password, alias or format?): " + ex.getMessage(), ex);
		}
	}

	private static String alias(KeyStore store, @Nullable String wanted) throws GeneralSecurityException {
		List<String> keys = Collections.list(store.aliases()).stream().filter((alias) -> isKey(store, alias)).toList();
		if (wanted != null && !wanted.isBlank()) {
			if (!keys.contains(wanted)) {
				throw new IllegalStateException("vestline.signature.sealing.key-alias " + wanted
						+ " names no private key in the store (it has " + keys + ")");
			}
			return wanted;
		}
		if (keys.size() != 1) {
			throw new IllegalStateException(
					"the store holds " + keys.size() + " keys " + keys + ": set vestline.signature.sealing.key-alias");
		}
		return keys.get(0);
	}

	private static boolean isKey(KeyStore store, String alias) {
		try {
			return store.isKeyEntry(alias);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	/**
	 * @return a new P-256 key with a self-signed certificate valid for ten years
	 */
	static SealingKey generateLocal(Clock clock) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			KeyPair pair = generator.generateKeyPair();
			Instant now = clock.instant();
			X500Name subject = new X500Name(SealingKey.LOCAL_SUBJECT);
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
					BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
					Date.from(now.plus(Duration.ofDays(3650))), subject, pair.getPublic())
				.addExtension(Extension.keyUsage, true,
						new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
			X509Certificate certificate = new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
			return new SealingKey(pair.getPrivate(), List.of(certificate));
		}
		catch (GeneralSecurityException | OperatorCreationException | IOException ex) {
			throw new IllegalStateException("Cannot generate a local sealing key", ex);
		}
	}

}
