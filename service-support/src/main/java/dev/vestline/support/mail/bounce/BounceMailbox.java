package dev.vestline.support.mail.bounce;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.BiFunction;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import org.jspecify.annotations.Nullable;

/**
 * The bounce mailbox over IMAP: hands each unseen message to the reader, then marks it
 * seen, and flagged when it was no bounce of ours, so a person can look at it there.
 * Messages are read with PEEK: one the reader could not record (the database away) stays
 * unseen and is read again next time.
 */
class BounceMailbox {

	private final BounceProperties properties;

	BounceMailbox(BounceProperties properties) {
		this.properties = properties;
	}

	/**
	 * @param reader given each unseen message's bytes (or {@code null} when they could
	 * not be fetched) and returns what came of it
	 * @return what came of each message read
	 */
	List<Outcome> read(BiFunction<byte @Nullable [], String, Outcome> reader) throws MessagingException {
		Session session = Session.getInstance(session());
		try (Store store = session.getStore(this.properties.ssl() ? "imaps" : "imap")) {
			store.connect(this.properties.host(), this.properties.port(), this.properties.user(),
					this.properties.password());
			Folder folder = store.getFolder(this.properties.folder());
			folder.open(Folder.READ_WRITE);
			try {
				Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
				List<Outcome> outcomes = new ArrayList<>();
				for (int i = 0; i < Math.min(unseen.length, this.properties.batchSize()); i++) {
					Message message = unseen[i];
					Outcome outcome = reader.apply(bytes(message),
							folder.getFullName() + "#" + message.getMessageNumber());
					message.setFlag(Flags.Flag.SEEN, true);
					if (outcome != Outcome.BOUNCED && outcome != Outcome.ALREADY_READ) {
						message.setFlag(Flags.Flag.FLAGGED, true);
					}
					outcomes.add(outcome);
				}
				return outcomes;
			}
			finally {
				folder.close(false);
			}
		}
	}

	private static byte @Nullable [] bytes(Message message) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			message.writeTo(out);
			return out.toByteArray();
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			return null;
		}
	}

	static MimeMessage parse(byte[] bytes) throws MessagingException {
		return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
	}

	private Properties session() {
		String timeout = Long.toString(this.properties.timeout().toMillis());
		Properties props = new Properties();
		for (String protocol : List.of("imap", "imaps")) {
			props.put("mail." + protocol + ".connectiontimeout", timeout);
			props.put("mail." + protocol + ".timeout", timeout);
			props.put("mail." + protocol + ".writetimeout", timeout);
			// reading a message does not mark it seen: only a recorded outcome does
			props.put("mail." + protocol + ".peek", "true");
		}
		return props;
	}

}
