package dev.vestline.testharness.mail;

import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import org.jspecify.annotations.Nullable;

/**
 * Reads a received mail the way a mail client shows it: the text of one type (the plain
 * or the HTML part of a multipart/alternative, wherever it is nested) and the first
 * attachment.
 */
public final class MimeParts {

	private MimeParts() {
	}

	/**
	 * @param part a received message or one of its parts
	 * @param type a MIME type such as {@code text/plain}
	 * @return the first inline part of that type, as text; {@code null} if there is none
	 */
	public static @Nullable String text(Part part, String type) throws Exception {
		if (part.isMimeType(type) && !isAttachment(part)) {
			return GreenMailUtil.getBody(part).isEmpty() ? "" : (String) part.getContent();
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = text(multipart.getBodyPart(i), type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/**
	 * @param part a received message or one of its parts
	 * @return its first attachment; {@code null} if there is none
	 */
	public static @Nullable Part attachment(Part part) throws Exception {
		if (isAttachment(part)) {
			return part;
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				Part found = attachment(multipart.getBodyPart(i));
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/**
	 * @param part a received message or one of its parts
	 * @return its attachments, in the order the mail carries them
	 */
	public static List<Part> attachments(Part part) throws Exception {
		List<Part> found = new ArrayList<>();
		if (isAttachment(part)) {
			found.add(part);
		}
		else if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				found.addAll(attachments(multipart.getBodyPart(i)));
			}
		}
		return found;
	}

	private static boolean isAttachment(Part part) throws MessagingException {
		return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
	}

}
