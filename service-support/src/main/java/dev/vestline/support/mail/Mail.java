package dev.vestline.support.mail;

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
 * @param attachment a file, or {@code null}
 */
public record Mail(String kind, String about, int revision, Recipient to, String subject, String text,
		@Nullable String html, @Nullable MailAttachment attachment) {

	public Mail {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(about, "about");
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(text, "text");
	}

	/**
	 * @return this mail with a file attached
	 */
	public Mail attaching(MailAttachment file) {
		return new Mail(this.kind, this.about, this.revision, this.to, this.subject, this.text, this.html, file);
	}

}
