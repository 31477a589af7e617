package dev.vestline.signature.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import dev.vestline.testharness.mail.TestMailbox;

/**
 * What mail servers put in a bounce mailbox: an RFC 3464 delivery-status notification, an
 * older plain "returned to sender" with the original attached, a delay notice, and
 * garbage.
 */
final class ReturnedMails {

	private ReturnedMails() {
	}

	/** A {@code multipart/report} DSN whose original is attached as headers only. */
	static MimeMessage deliveryStatus(String originalMessageId, String recipient, String action) throws Exception {
		MimeMessage dsn = from("MAILER-DAEMON@mx.investor.example.org", "Delivery Status Notification (Failure)");
		MimeMultipart report = new MimeMultipart("report; report-type=delivery-status");
		report.addBodyPart(text("This is the mail system at host mx.investor.example.org.\n\n"
				+ "I'm sorry to have to inform you that your message could not be delivered.\n"));
		report.addBodyPart(
				part("Reporting-MTA: dns; mx.investor.example.org\r\nArrival-Date: Mon, 7 Dec 2026 00:50:00 +0000\r\n"
						+ "\r\nFinal-Recipient: rfc822; " + recipient + "\r\nOriginal-Recipient: rfc822;" + recipient
						+ "\r\nAction: " + action + "\r\nStatus: 5.1.1\r\nRemote-MTA: dns; mx.investor.example.org\r\n"
						+ "Diagnostic-Code: smtp; 550 5.1.1 <" + recipient
						+ ">: Recipient address rejected: User unknown\r\n", "message/delivery-status"));
		report.addBodyPart(part("From: Vestline signing <signing@vestline.example.com>\r\nTo: " + recipient
				+ "\r\nSubject: Please sign your subscription pack\r\nMessage-ID: " + originalMessageId + "\r\n",
				"text/rfc822-headers"));
		dsn.setContent(report);
		dsn.saveChanges();
		return dsn;
	}

	/**
	 * An older bounce: a text, and the whole original attached as {@code message/rfc822}.
	 */
	static MimeMessage returnedToSender(MimeMessage original) throws Exception {
		MimeMessage bounce = from("postmaster@mx.arranger.example.org", "Undelivered Mail Returned to Sender");
		MimeMultipart mixed = new MimeMultipart();
		mixed.addBodyPart(text("Your message could not be delivered to one or more recipients.\n"
				+ "ada@arranger.example.org: mailbox full, quota exceeded\n"));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		original.writeTo(bytes);
		MimeBodyPart attached = new MimeBodyPart();
		attached.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes.toByteArray(), "message/rfc822")));
		mixed.addBodyPart(attached);
		bounce.setContent(mixed);
		bounce.saveChanges();
		return bounce;
	}

	/** A message that is no bounce: an out-of-office reply to one of our mails. */
	static MimeMessage autoReply(String inReplyTo) throws Exception {
		MimeMessage reply = from("ivy@investor.example.org", "Out of office: Please sign your subscription pack");
		reply.setText("I am away until Monday.");
		reply.saveChanges();
		reply.setHeader("In-Reply-To", inReplyTo);
		return reply;
	}

	/**
	 * Garbage: a multipart without its boundary, and bytes no mail reader understands.
	 */
	static MimeMessage garbage() throws Exception {
		String raw = "From: spam@nowhere.example\r\nSubject: =?bogus?Q?x?=\r\nMessage-ID: <garbage-" + UUID.randomUUID()
				+ "@nowhere.example>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status\r\n"
				+ "\r\n\u0000\u0001 not a multipart at all \u00ff\r\n";
		return new MimeMessage(session(), new java.io.ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
	}

	private static MimeMessage from(String from, String subject) throws Exception {
		MimeMessage message = new MimeMessage(session());
		message.setFrom(from);
		message.setRecipients(Message.RecipientType.TO, TestMailbox.BOUNCES);
		message.setSubject(subject);
		return message;
	}

	private static MimeBodyPart text(String text) throws Exception {
		MimeBodyPart part = new MimeBodyPart();
		part.setText(text, "UTF-8");
		return part;
	}

	private static MimeBodyPart part(String content, String type) throws Exception {
		MimeBodyPart part = new MimeBodyPart();
		part.setDataHandler(
				new DataHandler(new ByteArrayDataSource(content.getBytes(StandardCharsets.US_ASCII), type)));
		return part;
	}

	private static Session session() {
		return Session.getInstance(new Properties());
	}

}
