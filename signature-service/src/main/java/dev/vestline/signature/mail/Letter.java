package dev.vestline.signature.mail;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import dev.vestline.support.mail.Mail;
import dev.vestline.support.mail.Recipient;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.HtmlUtils;

/**
 * A short letter to one person, written twice: as plain text and as simple HTML with the
 * same words. A link stands on a line of its own, so every mail program shows it whole.
 */
final class Letter {

	private final List<String> paragraphs = new ArrayList<>();

	private @Nullable URI link;

	private String linkLabel = "";

	static Letter to() {
		return new Letter();
	}

	Letter say(String paragraph) {
		this.paragraphs.add(paragraph);
		return this;
	}

	Letter link(String label, URI link) {
		this.linkLabel = label;
		this.link = link;
		return this;
	}

	Mail mail(String kind, String about, int revision, Recipient to, String subject) {
		return new Mail(kind, about, revision, to, subject, text(to), html(to), List.of());
	}

	private String text(Recipient to) {
		StringBuilder text = new StringBuilder("Hello " + name(to) + ",\n\n");
		for (String paragraph : this.paragraphs) {
			text.append(paragraph).append("\n\n");
		}
		if (this.link != null) {
			text.append(this.linkLabel).append(":\n").append(this.link).append("\n\n");
		}
		return text.append("Vestline\n").toString();
	}

	private String html(Recipient to) {
		StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family: sans-serif\">");
		html.append("<p>Hello ").append(escape(name(to))).append(",</p>");
		for (String paragraph : this.paragraphs) {
			html.append("<p>").append(escape(paragraph)).append("</p>");
		}
		if (this.link != null) {
			html.append("<p><a href=\"")
				.append(escape(this.link.toString()))
				.append("\">")
				.append(escape(this.linkLabel))
				.append("</a></p>");
		}
		return html.append("<p>Vestline</p></body></html>").toString();
	}

	private static String name(Recipient to) {
		return (to.name() != null) ? to.name() : to.address();
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
