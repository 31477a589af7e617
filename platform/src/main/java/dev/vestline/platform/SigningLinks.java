package dev.vestline.platform;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;

/**
 * Finds the signers' links of a workflow the way a signer does: in the signing mail in
 * their mailbox (the local mail server), the latest one per role (a reminder or a renewal
 * replaces the link before it).
 */
final class SigningLinks {

	private static final Pattern LINK = Pattern.compile("/sign/([A-Za-z0-9_-]{43})\\b");

	private static final Pattern URL = Pattern.compile("https?://[^\\s\"<>]+/sign/[A-Za-z0-9_-]{43}\\b");

	private final LocalMailServer mailbox;

	SigningLinks(LocalMailServer mailbox) {
		this.mailbox = mailbox;
	}

	/**
	 * Waits until every signer's link of the workflow arrived by mail.
	 * @param workflow the workflow
	 * @param addresses each role's e-mail address, e.g. {@code INVESTOR} to
	 * {@code ingrid@...}
	 * @param timeout how long to wait
	 * @return each role's link token
	 */
	Map<String, String> await(UUID workflow, Map<String, String> addresses, Duration timeout) {
		return await(workflow, addresses, timeout, SigningLinks::token);
	}

	/**
	 * Waits until every signer's link of the workflow arrived by mail.
	 * @param workflow the workflow
	 * @param addresses each role's e-mail address
	 * @param timeout how long to wait
	 * @return each role's whole link, as the signer clicks it in the mail
	 */
	Map<String, String> awaitUrls(UUID workflow, Map<String, String> addresses, Duration timeout) {
		return await(workflow, addresses, timeout, SigningLinks::url);
	}

	private Map<String, String> await(UUID workflow, Map<String, String> addresses, Duration timeout,
			Function<@Nullable String, @Nullable String> link) {
		return Awaitility.await("signing mails of workflow " + workflow)
			.atMost(timeout)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> read(workflow, addresses, link), (tokens) -> tokens.keySet().containsAll(addresses.keySet()));
	}

	private Map<String, String> read(UUID workflow, Map<String, String> addresses,
			Function<@Nullable String, @Nullable String> link) throws Exception {
		Map<String, String> tokens = new HashMap<>();
		for (Map.Entry<String, String> signer : addresses.entrySet()) {
			String role = signer.getKey().toLowerCase(java.util.Locale.ROOT);
			for (MimeMessage mail : this.mailbox.inbox(signer.getValue())) {
				if (isLinkMail(mail, workflow, role)) {
					String token = link.apply(text(mail));
					if (token != null) {
						tokens.put(signer.getKey(), token); // a later link replaces the
															// earlier
					}
				}
			}
		}
		return tokens;
	}

	/**
	 * The signing request and its reminders: Message-ID {@code <kind.workflow-role.…>}.
	 */
	private static boolean isLinkMail(MimeMessage mail, UUID workflow, String role) throws MessagingException {
		String id = mail.getMessageID();
		return id != null && List.of("signing-request", "signing-reminder")
			.stream()
			.anyMatch((kind) -> id.startsWith("<" + kind + "." + workflow + "-" + role + "."));
	}

	static @Nullable String token(@Nullable String text) {
		if (text == null) {
			return null;
		}
		Matcher matcher = LINK.matcher(text);
		return matcher.find() ? matcher.group(1) : null;
	}

	static @Nullable String url(@Nullable String text) {
		if (text == null) {
			return null;
		}
		Matcher matcher = URL.matcher(text);
		return matcher.find() ? matcher.group() : null;
	}

	private static @Nullable String text(Part part) throws MessagingException, IOException {
		if (part.isMimeType("text/plain")) {
			return (String) part.getContent();
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = text(multipart.getBodyPart(i));
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
