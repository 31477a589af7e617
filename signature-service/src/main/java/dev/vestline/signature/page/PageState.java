package dev.vestline.signature.page;

import java.time.Instant;

import dev.vestline.signature.signing.SignerLinks.SignerLink;
import dev.vestline.signature.signing.SignerStatus;

import org.springframework.http.HttpStatus;

/**
 * Where a link stands, as its page says it: one page each, in words.
 */
enum PageState {

	/** The link works: read, consent, sign or decline. */
	READY(HttpStatus.OK, false),

	/** Signed just now (the redirect after the signature). */
	SIGNED(HttpStatus.OK, false),

	/** Signed before: a second click or a second tab. */
	ALREADY_SIGNED(HttpStatus.OK, false),

	/** Signed; another party has not yet. */
	WAITING(HttpStatus.OK, false),

	/** Everyone signed. */
	COMPLETED(HttpStatus.OK, false),

	/** The link's time ran out before it was used. */
	EXPIRED(HttpStatus.GONE, true),

	/** A newer link replaced this one (a reminder, a renewal, reissued terms). */
	REPLACED(HttpStatus.GONE, true),

	/** Staff cancelled, or the approval behind it was cancelled. */
	CANCELLED(HttpStatus.GONE, true),

	/** A party declined to sign. */
	DECLINED(HttpStatus.GONE, true);

	private final HttpStatus status;

	private final boolean deadEnd;

	PageState(HttpStatus status, boolean deadEnd) {
		this.status = status;
		this.deadEnd = deadEnd;
	}

	HttpStatus status() {
		return this.status;
	}

	/** Whether the page offers "send me a new link". */
	public boolean deadEnd() {
		return this.deadEnd;
	}

	/** Whether the page shows the document (its pages, text and download). */
	public boolean showsDocument() {
		return !this.deadEnd;
	}

	/**
	 * @param link what the link's token found
	 * @param now the time
	 * @return where the link stands, before any outcome of the request that led here
	 */
	static PageState of(SignerLink link, Instant now) {
		if (link.replaced()) {
			return REPLACED;
		}
		SignerStatus status = link.request().status();
		return switch (link.workflow().status()) {
			case COMPLETED -> (status == SignerStatus.VOID) ? REPLACED : COMPLETED;
			case DECLINED -> DECLINED;
			case CANCELLED, FAILED -> CANCELLED;
			case OPEN -> switch (status) {
				case SIGNED -> WAITING;
				case DECLINED -> DECLINED;
				case VOID -> REPLACED;
				case PENDING -> link.request().linkExpiresAt().isAfter(now) ? READY : EXPIRED;
			};
		};
	}

}
