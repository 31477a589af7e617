package dev.vestline.support.mail;

import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.activation.FileTypeMap;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.util.ClassUtils;

/**
 * Turns an outbox row into a MIME message with its stable Message-ID (plain text, an HTML
 * alternative, the attachments) and hands it to Spring's {@link JavaMailSender}.
 */
class SmtpTransport {

	private static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

	static {
		// Jakarta Mail 2.1 looks its StreamProvider up with a ServiceLoader for every
		// message, part and encoded header it makes (jakartaee/mail-api#861), which in a
		// Spring Boot jar scans the nested jars each time: a third of signature-service's
		// CPU in the platform benchmark went there. Named, the lookup is a Class.forName.
		if (System.getProperty(StreamProvider.class.getName()) == null
				&& ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, SmtpTransport.class.getClassLoader())) {
			System.setProperty(StreamProvider.class.getName(), ANGUS_STREAM_PROVIDER);
		}
	}

	/**
	 * One map of file types for every message: Spring's helper builds a new one (reading
	 * {@code mime.types} and looking up activation's providers) for each message that was
	 * not made by its sender, as ours are not (they keep their Message-ID).
	 */
	private static final FileTypeMap FILE_TYPES = fileTypes();

	private final JavaMailSender sender;

	private final MailProperties properties;

	SmtpTransport(JavaMailSender sender, MailProperties properties) {
		this.sender = sender;
		this.properties = properties;
	}

	void send(OutgoingMail outgoing) {
		this.sender.send(message(outgoing));
	}

	private MimeMessage message(OutgoingMail outgoing) {
		Mail mail = outgoing.mail();
		MimeMessage message = new StableIdMessage(session(), outgoing.messageId());
		try {
			MimeMessageHelper helper = new SharedFileTypesHelper(message,
					mail.html() != null || !mail.attachments().isEmpty());
			helper.setFrom(new InternetAddress(this.properties.from(), this.properties.fromName(), "UTF-8"));
			helper.setTo(new InternetAddress(mail.to().address(), mail.to().name(), "UTF-8"));
			helper.setSubject(mail.subject());
			if (mail.html() != null) {
				helper.setText(mail.text(), mail.html());
			}
			else {
				helper.setText(mail.text());
			}
			for (MailAttachment file : mail.attachments()) {
				helper.addAttachment(file.filename(), new ByteArrayResource(file.content()), file.contentType());
			}
			return message;
		}
		catch (MessagingException | java.io.UnsupportedEncodingException ex) {
			throw new MailPreparationException("Mail " + outgoing.messageId() + " could not be prepared", ex);
		}
	}

	private Session session() {
		return (this.sender instanceof JavaMailSenderImpl impl) ? impl.getSession()
				: Session.getInstance(new Properties());
	}

	/**
	 * Whether the server refused the address for good (a 5xx reply to the recipient), or
	 * the address cannot be written at all; anything else may pass on a retry.
	 */
	static boolean refusedAddress(MailException ex) {
		if (ex instanceof MailParseException) {
			return true;
		}
		for (Throwable cause = ex; cause != null; cause = next(cause)) {
			// JavaMail lists an address the server answered with 5xx as invalid (4xx:
			// valid, unsent)
			if (cause instanceof SendFailedException failed && failed.getInvalidAddresses() != null
					&& failed.getInvalidAddresses().length > 0) {
				return true;
			}
		}
		return false;
	}

	static String describe(MailException ex) {
		Throwable cause = ex;
		for (Throwable deeper = next(cause); deeper != null; deeper = next(deeper)) {
			cause = deeper;
		}
		String message = cause.getClass().getSimpleName() + ": " + cause.getMessage();
		return (message.length() > 1000) ? message.substring(0, 1000) : message;
	}

	private static @Nullable Throwable next(Throwable ex) {
		if (ex instanceof org.springframework.mail.MailSendException send && !send.getFailedMessages().isEmpty()) {
			return send.getFailedMessages().values().iterator().next();
		}
		if (ex instanceof SendFailedException send && send.getNextException() != null) {
			return send.getNextException();
		}
		return (ex.getCause() != ex) ? ex.getCause() : null;
	}

	private static FileTypeMap fileTypes() {
		ConfigurableMimeFileTypeMap fileTypes = new ConfigurableMimeFileTypeMap();
		fileTypes.afterPropertiesSet();
		return fileTypes;
	}

	/** Spring's helper with the one shared {@link #FILE_TYPES}. */
	private static final class SharedFileTypesHelper extends MimeMessageHelper {

		SharedFileTypesHelper(MimeMessage message, boolean multipart) throws MessagingException {
			super(message, multipart, "UTF-8");
		}

		@Override
		protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
			return FILE_TYPES;
		}

	}

	/** Keeps the Message-ID it was given: JavaMail would mint a new one per attempt. */
	private static final class StableIdMessage extends MimeMessage {

		private final String messageId;

		StableIdMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.messageId);
		}

	}

}
