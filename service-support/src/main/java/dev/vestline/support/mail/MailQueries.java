package dev.vestline.support.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.uuid.Generators;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of the {@code mail_outbox} table.
 */
class MailQueries {

	private final JdbcClient jdbc;

	MailQueries(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	boolean insert(Mail mail, String messageId, Instant now) {
		UUID id = Generators.timeBasedEpochGenerator().generate();
		boolean written = this.jdbc
			.sql("""
					INSERT INTO mail_outbox (id, message_id, kind, about, revision, recipient, recipient_name, subject, body_text,
					                         body_html, next_attempt_at, created_at)
					VALUES (:id, :messageId, :kind, :about, :revision, :recipient, :name, :subject, :text, :html, :now, :now)
					ON CONFLICT (message_id) DO NOTHING
					""")
			.param("id", id)
			.param("messageId", messageId)
			.param("kind", mail.kind())
			.param("about", mail.about())
			.param("revision", mail.revision())
			.param("recipient", mail.to().address())
			.param("name", mail.to().name())
			.param("subject", mail.subject())
			.param("text", mail.text())
			.param("html", mail.html())
			.param("now", Timestamp.from(now))
			.update() == 1;
		if (written) {
			for (int position = 0; position < mail.attachments().size(); position++) {
				MailAttachment file = mail.attachments().get(position);
				this.jdbc.sql("""
						INSERT INTO mail_attachment (mail_id, position, filename, content_type, content)
						VALUES (:id, :position, :name, :type, :content)
						""")
					.param("id", id)
					.param("position", position)
					.param("name", file.filename())
					.param("type", file.contentType())
					.param("content", file.content())
					.update();
			}
		}
		return written;
	}

	/**
	 * Claims due mails for one replica in one statement: rows another replica is claiming
	 * are skipped, not waited for, and a claimed row stays off limits until its claim
	 * expires.
	 */
	List<OutgoingMail> claim(String holder, int limit, Instant now, Duration claim) {
		return this.jdbc.sql("""
				UPDATE mail_outbox m
				   SET claimed_by = :holder, claim_expires_at = :until, attempts = m.attempts + 1
				 WHERE m.id IN (SELECT id FROM mail_outbox
				                 WHERE status = 'PENDING' AND next_attempt_at <= :now
				                   AND (claim_expires_at IS NULL OR claim_expires_at < :now)
				                 ORDER BY next_attempt_at
				                 LIMIT :limit
				                   FOR UPDATE SKIP LOCKED)
				RETURNING m.*
				""")
			.param("holder", holder)
			.param("until", Timestamp.from(now.plus(claim)))
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(MailQueries::outgoing)
			.list()
			.stream()
			.map(this::withAttachments)
			.toList();
	}

	/** Only the claim that sent it records it: a claim that ran out records nothing. */
	boolean sent(OutgoingMail mail, String holder, Instant now) {
		return this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'SENT', sent_at = :now, claimed_by = NULL, claim_expires_at = NULL,
				                       last_error = NULL
				 WHERE id = :id AND claimed_by = :holder AND attempts = :attempt AND status = 'PENDING'
				""")
			.param("now", Timestamp.from(now))
			.param("id", mail.id())
			.param("holder", holder)
			.param("attempt", mail.attempt())
			.update() == 1;
	}

	void retryLater(OutgoingMail mail, String holder, Instant next, String error) {
		this.jdbc.sql("""
				UPDATE mail_outbox SET next_attempt_at = :next, last_error = :error, claimed_by = NULL,
				                       claim_expires_at = NULL
				 WHERE id = :id AND claimed_by = :holder AND attempts = :attempt AND status = 'PENDING'
				""")
			.param("next", Timestamp.from(next))
			.param("error", error)
			.param("id", mail.id())
			.param("holder", holder)
			.param("attempt", mail.attempt())
			.update();
	}

	void fail(OutgoingMail mail, String holder, Instant now, String error) {
		this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'FAILED', failed_at = :now, last_error = :error, claimed_by = NULL,
				                       claim_expires_at = NULL
				 WHERE id = :id AND claimed_by = :holder AND attempts = :attempt AND status = 'PENDING'
				""")
			.param("now", Timestamp.from(now))
			.param("error", error)
			.param("id", mail.id())
			.param("holder", holder)
			.param("attempt", mail.attempt())
			.update();
	}

	List<FailedMail> failed(int limit) {
		return this.jdbc.sql("""
				SELECT id, status, kind, about, recipient, subject, attempts, last_error,
				       COALESCE(failed_at, bounced_at) AS failed_at, message_id
				  FROM mail_outbox WHERE status IN ('FAILED', 'BOUNCED')
				 ORDER BY COALESCE(failed_at, bounced_at) DESC LIMIT :limit
				""").param("limit", limit).query(FailedMail.class).list();
	}

	/**
	 * Sends a failed or bounced mail again, to the same or a corrected address, from the
	 * first attempt. A corrected address is another recipient, so another Message-ID.
	 */
	boolean resend(UUID id, @Nullable String recipient, @Nullable String messageId, Instant now) {
		return this.jdbc
			.sql("""
					UPDATE mail_outbox SET status = 'PENDING', failed_at = NULL, bounced_at = NULL, sent_at = NULL, attempts = 0,
					                       next_attempt_at = :now, recipient = COALESCE(:recipient, recipient),
					                       message_id = COALESCE(:messageId, message_id)
					 WHERE id = :id AND status IN ('FAILED', 'BOUNCED')
					""")
			.param("now", Timestamp.from(now))
			.param("recipient", recipient)
			.param("messageId", messageId)
			.param("id", id)
			.update() == 1;
	}

	@Nullable Mail find(UUID id) {
		return this.jdbc.sql("SELECT * FROM mail_outbox WHERE id = :id")
			.param("id", id)
			.query(MailQueries::outgoing)
			.optional()
			.map((found) -> withAttachments(found).mail())
			.orElse(null);
	}

	/** The mail with its files: the old single-file column first, then the others. */
	private OutgoingMail withAttachments(OutgoingMail outgoing) {
		List<MailAttachment> files = this.jdbc.sql("""
				SELECT filename, content_type, content FROM mail_attachment WHERE mail_id = :id ORDER BY position
				""")
			.param("id", outgoing.id())
			.query((rs, row) -> new MailAttachment(rs.getString("filename"), rs.getString("content_type"),
					rs.getBytes("content")))
			.list();
		Mail mail = outgoing.mail();
		for (MailAttachment file : files) {
			mail = mail.attaching(file);
		}
		return new OutgoingMail(outgoing.id(), outgoing.messageId(), outgoing.attempt(), mail);
	}

	/**
	 * Deletes up to {@code limit} mails sent before the cutoff, skipping rows another
	 * replica deletes.
	 */
	int deleteSentBefore(Instant cutoff, int limit) {
		return this.jdbc.sql("""
				DELETE FROM mail_outbox
				 WHERE id IN (SELECT id FROM mail_outbox
				               WHERE status = 'SENT' AND sent_at < ?
				               LIMIT ?
				                 FOR UPDATE SKIP LOCKED)
				""").params(Timestamp.from(cutoff), limit).update();
	}

	/**
	 * Deletes up to {@code limit} bounces read before the cutoff, skipping rows another
	 * replica deletes.
	 */
	int deleteBouncesReadBefore(Instant cutoff, int limit) {
		return this.jdbc.sql("""
				DELETE FROM mail_bounce
				 WHERE bounce_id IN (SELECT bounce_id FROM mail_bounce
				                      WHERE read_at < ?
				                      LIMIT ?
				                        FOR UPDATE SKIP LOCKED)
				""").params(Timestamp.from(cutoff), limit).update();
	}

	boolean exists(UUID id) {
		return this.jdbc.sql("SELECT count(*) FROM mail_outbox WHERE id = :id")
			.param("id", id)
			.query(Integer.class)
			.single() > 0;
	}

	private static OutgoingMail outgoing(ResultSet rs, int row) throws SQLException {
		// written by a replica of the release before 0.9.6, during a rolling update
		byte[] legacy = rs.getBytes("attachment");
		List<MailAttachment> files = (legacy != null)
				? List.of(new MailAttachment(rs.getString("attachment_name"), rs.getString("attachment_type"), legacy))
				: List.of();
		Mail mail = new Mail(rs.getString("kind"), rs.getString("about"), rs.getInt("revision"),
				new Recipient(rs.getString("recipient"), rs.getString("recipient_name")), rs.getString("subject"),
				rs.getString("body_text"), rs.getString("body_html"), files);
		return new OutgoingMail(rs.getObject("id", UUID.class), rs.getString("message_id"), rs.getInt("attempts"),
				mail);
	}

}
