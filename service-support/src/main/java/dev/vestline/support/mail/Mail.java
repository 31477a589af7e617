package dev.vestline.support.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One mail to one person, as a service writes it to the {@link MailOutbox}.
 *
 * @param kind what the mail is, e.g. {@code signing-request}; part of the Message-ID
 * @param about what it is about, e.g. a workflow or invoice id; part of the Message-ID
 * @param revision which revision of that it is about, e.g. the link's revision: a new
 * revision is a new mail, the same one is the same mail
 * @param to who receives it
 * @param subject the subject, short
 * @param text the plain-text part, always there
 * @param html the HTML alternative, or {@code null}
 * @param attachments the files it carries, in this order; none for most mails
 */
public record Mail(String kind, String about, int revision, Recipient to, String subject, String text,
		@Nullable String html, List<MailAttachment> attachments) {

	public Mail {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(about, "about");
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(text, "text");
		attachments = List.copyOf(attachments);
	}

	/**
	 * @return this mail with one more file attached, after those it has
	 */
	public Mail attaching(MailAttachment file) {
		List<MailAttachment> files = new ArrayList<>(this.attachments);
		files.add(file);
		return new Mail(this.kind, this.about, this.revision, this.to, this.subject, this.text, this.html, files);
	}

	/**
	 * @return this mail to another address: the same words and files
	 */
	Mail redirectedTo(Recipient other) {
		return new Mail(this.kind, this.about, this.revision, other, this.subject, this.text, this.html,
				this.attachments);
	}

}
