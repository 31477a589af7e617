package dev.vestline.billing.invoices;

import java.math.BigInteger;
import java.util.Locale;

/**
 * ISO 11649 structured creditor references ({@code RF} + two check digits + up to 21
 * alphanumerics), the payment reference bank matching relies on.
 */
public final class CreditorReference {

	private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

	private CreditorReference() {
	}

	/**
	 * @param reference 1 to 21 letters or digits
	 * @return {@code RFcc<reference>} with check digits {@code cc}
	 */
	public static String of(String reference) {
		String body = reference.toUpperCase(Locale.ROOT);
		if (!body.matches("[0-9A-Z]{1,21}")) {
			throw new IllegalArgumentException("A creditor reference is 1 to 21 letters or digits: " + reference);
		}
		int check = 98 - mod97(body + "RF00");
		return "RF" + ((check < 10) ? "0" : "") + check + body;
	}

	/**
	 * @param candidate a reference as quoted by a payer, spaces allowed
	 * @return whether its check digits are right
	 */
	public static boolean isValid(String candidate) {
		String compact = candidate.replace(" ", "").toUpperCase(Locale.ROOT);
		if (!compact.matches("RF[0-9]{2}[0-9A-Z]{1,21}")) {
			return false;
		}
		return mod97(compact.substring(4) + compact.substring(0, 4)) == 1;
	}

	private static int mod97(String text) {
		StringBuilder digits = new StringBuilder();
		for (char c : text.toCharArray()) {
			digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
		}
		return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
	}

}
