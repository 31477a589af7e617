package dev.vestline.console.approvals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the person narrowed the queue to: a deal, a kind, how long the approvals have
 * waited. Pages carry the choice, not an instant, so that the next page and the live
 * refresh measure "waiting more than a day" from their own moment.
 *
 * @param deal only this deal's approvals, or all
 * @param kind only approvals of this kind, or all
 * @param waiting only approvals waiting longer than this, or any
 * @param mine only the approvals the person may decide now (approval-service judges)
 */
record QueueFilter(@Nullable UUID deal, @Nullable Kind kind, @Nullable Waiting waiting, boolean mine) {

	/**
	 * @return the API's {@code requestedBefore} for this choice at {@code now}, or null
	 * when the age does not matter
	 */
	@Nullable Instant requestedBefore(Instant now) {
		return (this.waiting != null) ? now.minus(this.waiting.longerThan) : null;
	}

	/**
	 * @return a link to {@code path} with this filter (only its chosen parts) and the
	 * cursor, if any, in its query
	 */
	String link(String path, @Nullable String after) {
		return UriComponentsBuilder.fromPath(path)
			.queryParamIfPresent("deal", Optional.ofNullable(this.deal))
			.queryParamIfPresent("kind", Optional.ofNullable(this.kind))
			.queryParamIfPresent("waiting", Optional.ofNullable(this.waiting))
			.queryParamIfPresent("mine", this.mine ? Optional.of(true) : Optional.empty())
			.queryParamIfPresent("after", Optional.ofNullable(after))
			.build()
			.toUriString();
	}

	/** The kinds of approval, as the API names them, in words. */
	enum Kind {

		DEAL_INTEREST("deal interest"), SUBSCRIPTION("subscription");

		private final String words;

		Kind(String words) {
			this.words = words;
		}

		public String words() {
			return this.words;
		}

	}

	/** How long an approval has waited for a decision, as the form offers it. */
	enum Waiting {

		HOUR(Duration.ofHours(1), "more than an hour"), DAY(Duration.ofDays(1), "more than a day"),
		WEEK(Duration.ofDays(7), "more than a week");

		private final Duration longerThan;

		private final String words;

		Waiting(Duration longerThan, String words) {
			this.longerThan = longerThan;
			this.words = words;
		}

		public String words() {
			return this.words;
		}

	}

}
