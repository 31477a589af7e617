package dev.vestline.support.mail.bounce;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

/**
 * What a message in the bounce mailbox says: whether it reports a failed delivery, of
 * which of our mails (the Message-IDs it names, most trusted first), and the diagnostic.
 * Reads RFC 3464 delivery-status notifications ({@code multipart/report}) and the older
 * plain bounces that attach or quote the original; an out-of-office reply or a "delayed"
 * notice is no bounce.
 *
 * @param failure whether it reports a delivery that failed for good
 * @param originalMessageIds the Message-IDs of the mail it is about, most trusted first
 * @param diagnostic what the reporting server said, for staff
 */
record DeliveryReport(boolean failure, List<String> originalMessageIds, String diagnostic) {

	private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

	private static final Pattern QUOTED_MESSAGE_ID = Pattern.compile("(?im)^\\s*Message-ID:\\s*(<[^<>\\s]+>)");

	private static final Pattern BOUNCE_SUBJECT = Pattern
		.compile("(?i).*(undeliver|returned to sender|returned mail|delivery status notification|delivery failure"
				+ "|failure notice|mail delivery failed|delivery has failed|non-delivery).*");

	private static final Pattern BOUNCE_SENDER = Pattern.compile("(?i).*(mailer-daemon|postmaster).*");

	private static final int MAX_DIAGNOSTIC = 1000;

	/**
	 * @throws MessagingException or {@link IOException} when the message cannot be read
	 */
	static DeliveryReport of(MimeMessage message) throws MessagingException, IOException {
		Reading reading = new Reading();
		reading.part(message);
		Set<String> ids = new LinkedHashSet<>(reading.reportedIds);
		ids.addAll(reading.originalIds);
		for (String header : List.of("In-Reply-To", "References")) {
			String value = message.getHeader(header, " ");
			if (value != null) {
				Matcher named = MESSAGE_ID.matcher(value);
				while (named.find()) {
					ids.add(named.group());
				}
			}
		}
		ids.addAll(reading.quotedIds);
		if (reading.sawDeliveryStatus) {
			return new DeliveryReport(reading.failed, List.copyOf(ids), cut(String.join("; ", reading.diagnostics)));
		}
		boolean looksLikeBounce = matches(BOUNCE_SUBJECT, message.getSubject()) || fromDaemon(message);
		String diagnostic = (reading.firstText != null) ? firstLines(reading.firstText)
				: String.valueOf(message.getSubject());
		return new DeliveryReport(looksLikeBounce && !ids.isEmpty(), List.copyOf(ids), cut(diagnostic));
	}

	private static boolean fromDaemon(MimeMessage message) throws MessagingException {
		Address[] from = message.getFrom();
		if (from != null) {
			for (Address address : from) {
				if (matches(BOUNCE_SENDER, address.toString())) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean matches(Pattern pattern, @Nullable String value) {
		return value != null && pattern.matcher(value).matches();
	}

	private static String firstLines(String text) {
		return text.strip()
			.lines()
			.filter((line) -> !line.isBlank())
			.limit(6)
			.reduce((a, b) -> a + " " + b.strip())
			.orElse("");
	}

	private static String cut(String text) {
		return (text.length() > MAX_DIAGNOSTIC) ? text.substring(0, MAX_DIAGNOSTIC) : text;
	}

	/** One walk over the message's parts. */
	private static final class Reading {

		final List<String> reportedIds = new ArrayList<>();

		final List<String> originalIds = new ArrayList<>();

		final List<String> quotedIds = new ArrayList<>();

		final List<String> diagnostics = new ArrayList<>();

		boolean sawDeliveryStatus;

		boolean failed;

		@Nullable String firstText;

		void part(Part part) throws MessagingException, IOException {
			if (part.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					part(multipart.getBodyPart(i));
				}
			}
			else if (part.isMimeType("message/delivery-status") || part.isMimeType("message/global-delivery-status")) {
				deliveryStatus(part.getInputStream());
			}
			else if (part.isMimeType("message/rfc822") || part.isMimeType("message/global")) {
				MimeMessage original = new MimeMessage((Session) null, part.getInputStream());
				add(this.originalIds, original.getMessageID());
			}
			else if (part.isMimeType("text/rfc822-headers") || part.isMimeType("message/rfc822-headers")) {
				add(this.originalIds, new InternetHeaders(part.getInputStream()).getHeader("Message-ID", null));
			}
			else if (part.isMimeType("text/plain")) {
				String text = String.valueOf(part.getContent());
				if (this.firstText == null) {
					this.firstText = text;
				}
				Matcher quoted = QUOTED_MESSAGE_ID.matcher(text);
				while (quoted.find()) {
					this.quotedIds.add(quoted.group(1));
				}
			}
		}

		/**
		 * The per-message fields, then one block of fields per recipient, each block
		 * ended by an empty line.
		 */
		private void deliveryStatus(InputStream body) throws MessagingException, IOException {
			this.sawDeliveryStatus = true;
			String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
			boolean perMessage = true;
			for (String block : text.split("\\r?\\n\\s*\\r?\\n")) {
				if (block.isBlank()) {
					continue;
				}
				InternetHeaders fields = new InternetHeaders(
						new ByteArrayInputStream((block.strip() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8)));
				add(this.reportedIds, fields.getHeader("Original-Message-ID", null));
				if (!perMessage) {
					recipient(fields);
				}
				perMessage = false;
			}
		}

		private void recipient(InternetHeaders fields) {
			String action = fields.getHeader("Action", null);
			if (action == null || !action.strip().toLowerCase(Locale.ROOT).startsWith("failed")) {
				return; // delayed, delivered, relayed, expanded: no bounce
			}
			this.failed = true;
			StringBuilder said = new StringBuilder();
			append(said, "to ", value(fields.getHeader("Final-Recipient", null)));
			append(said, "status ", fields.getHeader("Status", null));
			append(said, "", fields.getHeader("Diagnostic-Code", null));
			this.diagnostics.add(said.toString());
		}

		private static void append(StringBuilder said, String label, @Nullable String value) {
			if (value != null && !value.isBlank()) {
				said.append((said.length() > 0) ? ", " : "")
					.append(label)
					.append(value.strip().replaceAll("\\s+", " "));
			}
		}

		/** {@code rfc822; bob@example.org} is the address. */
		private static @Nullable String value(@Nullable String typed) {
			return (typed != null && typed.contains(";")) ? typed.substring(typed.indexOf(';') + 1).strip() : typed;
		}

		private static void add(List<String> ids, @Nullable String id) {
			if (id != null && !id.isBlank()) {
				ids.add(id.strip());
			}
		}

	}

}
