package dev.vestline.signature.signing;

import org.jspecify.annotations.Nullable;

/**
 * What a signing request shows about the person behind it, besides the typed name: kept
 * with the signature and stated on the certificate of completion.
 *
 * @param consentVersion the version of the electronic-records disclosure the signer
 * agreed to, if the request named one
 * @param remoteAddress the address the request came from
 * @param userAgent the browser's {@code User-Agent}, cut to {@value #USER_AGENT_LENGTH}
 * characters
 */
public record SignatureEvidence(@Nullable String consentVersion, @Nullable String remoteAddress,
		@Nullable String userAgent) {

	static final int USER_AGENT_LENGTH = 500;

	/** A signature made without a request to learn from (e.g. in a test). */
	static final SignatureEvidence NONE = new SignatureEvidence(null, null, null);

	/**
	 * @return the evidence, blanks dropped and the user agent cut to its stored length
	 */
	public static SignatureEvidence of(@Nullable String consentVersion, @Nullable String remoteAddress,
			@Nullable String userAgent) {
		String agent = blankToNull(userAgent);
		return new SignatureEvidence(blankToNull(consentVersion), blankToNull(remoteAddress),
				(agent != null && agent.length() > USER_AGENT_LENGTH) ? agent.substring(0, USER_AGENT_LENGTH) : agent);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
