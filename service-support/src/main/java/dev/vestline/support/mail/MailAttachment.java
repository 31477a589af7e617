package dev.vestline.support.mail;

/**
 * A file attached to a mail.
 *
 * @param filename the name the recipient sees
 * @param contentType its media type, e.g. {@code application/pdf}
 * @param content its bytes
 */
public record MailAttachment(String filename, String contentType, byte[] content) {

}
