package dev.vestline.signature.sealing;

import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;

import dev.vestline.signature.documents.Sha256;

/**
 * The platform's key that seals completed documents, with its certificate chain (the
 * sealing certificate first).
 *
 * @param privateKey the key
 * @param chain the sealing certificate, then its issuers as far as the store has them
 */
public record SealingKey(PrivateKey privateKey, List<X509Certificate> chain) {

	/** The subject of a key generated for a local run; never accepted in production. */
	static final String LOCAL_SUBJECT = "CN=Vestline local sealing key (generated - not for production),O=Vestline";

	public SealingKey {
		chain = List.copyOf(chain);
		if (chain.isEmpty()) {
			throw new IllegalArgumentException("a sealing key needs its certificate");
		}
	}

	public X509Certificate certificate() {
		return this.chain.get(0);
	}

	/**
	 * @return the SHA-256 of the sealing certificate, lowercase hex: which key sealed
	 */
	public String fingerprint() {
		return Sha256.hex(encoded(certificate()));
	}

	/** The JCA name of the signature the key makes over SHA-256. */
	String signatureAlgorithm() {
		return switch (this.privateKey.getAlgorithm()) {
			case "RSA" -> "SHA256withRSA";
			case "EC" -> "SHA256withECDSA";
			default -> throw new IllegalStateException(
					"A " + this.privateKey.getAlgorithm() + " key cannot seal: use an RSA or EC key");
		};
	}

	static byte[] encoded(X509Certificate certificate) {
		try {
			return certificate.getEncoded();
		}
		catch (CertificateEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
