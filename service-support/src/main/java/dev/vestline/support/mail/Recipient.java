package dev.vestline.support.mail;

import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Who receives a mail.
 *
 * @param address the e-mail address
 * @param name the person's name, or {@code null}
 */
public record Recipient(String address, @Nullable String name) {

	// deliberately plain: the SMTP server is the judge, this only keeps typing errors out
	private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>,;\"]+@[^\\s@<>,;\"]+\\.[^\\s@<>,;\"]+");

	public Recipient {
		Objects.requireNonNull(address, "address");
		if (!isAddress(address)) {
			throw new IllegalArgumentException("not an e-mail address: " + address);
		}
	}

	/**
	 * @param value what someone typed
	 * @return whether it looks like one e-mail address (at most 320 characters)
	 */
	public static boolean isAddress(@Nullable String value) {
		return value != null && value.length() <= 320 && ADDRESS.matcher(value).matches();
	}

}
