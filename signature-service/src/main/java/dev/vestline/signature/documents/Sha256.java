package dev.vestline.signature.documents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests, as lowercase hex for document hashes and as bytes for token hashes.
 */
public final class Sha256 {

	private Sha256() {
	}

	public static byte[] digest(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

	public static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(digest(bytes));
	}

}
