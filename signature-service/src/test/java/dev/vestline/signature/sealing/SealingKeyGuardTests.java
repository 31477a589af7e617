package dev.vestline.signature.sealing;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The sealing key under the {@code prod} profile and outside it: production refuses a
 * missing key, the kind a local run generates, an example certificate and an expired one;
 * a local run without configuration seals with a generated key.
 */
class SealingKeyGuardTests {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);

	static final String PASSWORD = "Jq7#vN2pXw9Lm4Rt";

	@TempDir
	Path directory;

	@Test
	void refusesToStartUnderProdWithoutASealingKey() {
		assertThatIllegalStateException().isThrownBy(() -> key(production(), unconfigured()))
			.withMessageContaining("Refusing to start under the prod profile")
			.withMessageContaining("vestline.signature.sealing.key-store is not set");
	}

	@Test
	void refusesUnderProdTheKindOfKeyALocalRunGenerates() throws Exception {
		SealingKey local = SealingKeys.generateLocal(CLOCK);
		Path store = store(local.privateKey(), local.certificate());
		assertThatIllegalStateException().isThrownBy(() -> key(production(), configured(store)))
			.withMessageContaining("is an example or locally generated one ('not for production')");
	}

	@Test
	void refusesUnderProdAnExampleCertificate() throws Exception {
		KeyPair pair = pair();
		X509Certificate example = certificate("CN=Example Seal,O=Example Corp", pair, "CN=Example Seal,O=Example Corp",
				pair.getPrivate(), CLOCK.instant().minus(Duration.ofDays(1)),
				CLOCK.instant().plus(Duration.ofDays(90)));
		assertThatIllegalStateException()
			.isThrownBy(() -> key(production(), configured(store(pair.getPrivate(), example))))
			.withMessageContaining("('example')");
	}

	@Test
	void refusesUnderProdAnExpiredCertificate() throws Exception {
		KeyPair pair = pair();
		X509Certificate expired = certificate("CN=Vestline Seal,O=Vestline SA", pair, "CN=Vestline Seal,O=Vestline SA",
				pair.getPrivate(), CLOCK.instant().minus(Duration.ofDays(400)),
				CLOCK.instant().minus(Duration.ofDays(35)));
		assertThatIllegalStateException()
			.isThrownBy(() -> key(production(), configured(store(pair.getPrivate(), expired))))
			.withMessageContaining("is valid only from");
	}

	@Test
	void sealsUnderProdWithACaIssuedKey() throws Exception {
		KeyPair ca = pair();
		X509Certificate root = certificate("CN=Vestline Trust Root,O=Vestline SA", ca,
				"CN=Vestline Trust Root,O=Vestline SA", ca.getPrivate(), CLOCK.instant().minus(Duration.ofDays(30)),
				CLOCK.instant().plus(Duration.ofDays(3650)));
		KeyPair seal = pair();
		X509Certificate leaf = certificate("CN=Vestline Platform Seal,O=Vestline SA", seal,
				"CN=Vestline Trust Root,O=Vestline SA", ca.getPrivate(), CLOCK.instant().minus(Duration.ofDays(1)),
				CLOCK.instant().plus(Duration.ofDays(365)));
		SealingKey key = key(production(), configured(store(seal.getPrivate(), leaf, root)));
		assertThat(key.certificate()).isEqualTo(leaf);
		assertThat(key.chain()).containsExactly(leaf, root);
		assertThat(key.signatureAlgorithm()).isEqualTo("SHA256withRSA");
	}

	@Test
	void refusesAStoreItCannotOpenInAnyProfile() throws Exception {
		SealingKey local = SealingKeys.generateLocal(CLOCK);
		Path store = store(local.privateKey(), local.certificate());
		SealingProperties wrongPassword = new SealingProperties("file:" + store, "not-" + PASSWORD, null, null,
				Duration.ofMinutes(1));
		assertThatIllegalStateException().isThrownBy(() -> key(new MockEnvironment(), wrongPassword))
			.withMessageContaining("cannot be read");
	}

	@Test
	void generatesAKeyForALocalRunWithoutConfiguration() {
		SealingKey key = key(new MockEnvironment(), unconfigured());
		assertThat(key.certificate().getSubjectX500Principal().getName()).contains("not for production");
		assertThat(key.signatureAlgorithm()).isEqualTo("SHA256withECDSA");
	}

	private static SealingKey key(MockEnvironment environment, SealingProperties properties) {
		return new SealingConfiguration().sealingKey(properties, environment, CLOCK);
	}

	private static MockEnvironment production() {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("prod");
		return environment;
	}

	private static SealingProperties unconfigured() {
		return new SealingProperties(null, null, null, null, Duration.ofMinutes(1));
	}

	private static SealingProperties configured(Path store) {
		return new SealingProperties("file:" + store, PASSWORD, "seal", null, Duration.ofMinutes(1));
	}

	private Path store(PrivateKey key, X509Certificate... chain) throws IOException, GeneralSecurityException {
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("seal", key, PASSWORD.toCharArray(), chain);
		Path file = Files.createTempFile(this.directory, "seal", ".p12");
		try (OutputStream out = Files.newOutputStream(file)) {
			store.store(out, PASSWORD.toCharArray());
		}
		return file;
	}

	private static KeyPair pair() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		return generator.generateKeyPair();
	}

	private static X509Certificate certificate(String subject, KeyPair subjectKeys, String issuer, PrivateKey issuerKey,
			Instant from, Instant until) throws Exception {
		boolean authority = subject.equals(issuer);
		return new JcaX509CertificateConverter()
			.getCertificate(new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(System.nanoTime()),
					Date.from(from), Date.from(until), new X500Name(subject), subjectKeys.getPublic())
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority))
				.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
	}

}
