package dev.vestline.events;

import java.util.Objects;

/**
 * How to reach a person by e-mail: personal data, carried only by the events whose
 * consumers write to that person (see the README's event catalogue).
 *
 * @param name the person's name, as a mail addresses them
 * @param email the person's e-mail address
 */
public record Contact(String name, String email) {

	public Contact {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(email, "email");
	}

}
