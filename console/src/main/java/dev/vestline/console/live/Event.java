package dev.vestline.console.live;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

/**
 * What a page's stream carries: never an event's payload, only that the page should read
 * again ({@code changed}) and how live updates stand, in words for the page's status
 * note.
 */
enum Event {

	/** Something the page shows changed: the page reads it again through the API. */
	CHANGED("changed", "changed"),

	/** The console lost its broker: the page no longer updates itself. */
	PAUSED("paused",
			"Live updates are paused: this page does not update itself until they are back. Reload it to see what changed."),

	/** The broker is back: the page reads again what it may have missed. */
	RESUMED("resumed", "Live updates are back."),

	/** The session opened more pages than it may follow: this one stops. */
	CLOSED_TOO_MANY("closed",
			"Live updates stopped on this page: more pages are open than the console follows at once. Reload it to follow it again."),

	/** Keeps the stream open through proxies; pages ignore it. */
	HEARTBEAT("", "");

	private final String name;

	private final String text;

	Event(String name, String text) {
		this.name = name;
		this.text = text;
	}

	String eventName() {
		return this.name;
	}

	String text() {
		return this.text;
	}

	SseEventBuilder builder() {
		if (this == HEARTBEAT) {
			return SseEmitter.event().comment("heartbeat");
		}
		return SseEmitter.event().name(this.name).data(this.text);
	}

}
