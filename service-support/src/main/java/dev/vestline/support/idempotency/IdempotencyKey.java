package dev.vestline.support.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A client's {@code Idempotency-Key} for one creating request: scoped to who sent it and
 * what the request creates, with the fingerprint that tells a retry from another request.
 *
 * @param caller who sent it, e.g. the token's subject
 * @param operation what the request creates, e.g. {@code create-deal}
 * @param value the header's value, 1 to 200 characters
 * @param requestSha256 SHA-256 of the request as it identifies it
 */
public record IdempotencyKey(String caller, String operation, String value, byte[] requestSha256) {

	static final int MAX_LENGTH = 200;

	public IdempotencyKey {
		if (value.isBlank() || value.length() > MAX_LENGTH) {
			throw IdempotencyProblem.invalidKey();
		}
		if (requestSha256.length != 32) {
			throw new IllegalArgumentException("requestSha256 must be a SHA-256 digest (32 bytes)");
		}
	}

	/**
	 * @param caller who sent it
	 * @param operation what the request creates
	 * @param value the header's value
	 * @param request the bytes that identify the request: a retry sends the same ones
	 * @return the key, fingerprinted
	 * @throws IdempotencyProblem 400 when the value is blank or longer than 200
	 * characters
	 */
	public static IdempotencyKey of(String caller, String operation, String value, byte[] request) {
		return new IdempotencyKey(caller, operation, value, sha256(request));
	}

	/**
	 * Constant time, though the fingerprint is no secret: no reason to leak it either.
	 */
	boolean isFor(byte[] storedSha256) {
		return MessageDigest.isEqual(this.requestSha256, storedSha256);
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
