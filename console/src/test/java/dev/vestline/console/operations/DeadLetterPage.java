package dev.vestline.console.operations;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.vestline.console.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads approval-service's dead-letter page of the console, and discards through it.
 */
final class DeadLetterPage {

	static final String PATH = "/operations/approval/dead-letters";

	static final String DISCARD = PATH + "/" + PoisonRecords.DLT + "/discard";

	private DeadLetterPage() {
	}

	static Letter letter(String page, String eventId) {
		return letters(page).stream()
			.filter((letter) -> letter.row().contains(eventId))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No dead letter " + eventId + " on the page"));
	}

	static List<Letter> letters(String page) {
		Matcher rows = Pattern.compile("<tr id=\"letter-(\\d+)-(\\d+)\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
		List<Letter> found = new ArrayList<>();
		while (rows.find()) {
			found.add(new Letter(rows.group(1), rows.group(2), rows.group(3)));
		}
		return found;
	}

	/**
	 * Discards the first pending dead letters of the letter's partition, in order, until
	 * the letter itself (other tests' letters may wait before it).
	 * @param inclusive whether the letter itself goes too
	 * @return the page after the last discard
	 */
	static String discardUpTo(SignedIn person, Letter target, String reason, boolean inclusive) {
		String page = person.get(PATH).body();
		while (true) {
			Letter first = letters(page).stream()
				.filter((letter) -> letter.partition().equals(target.partition()))
				.findFirst()
				.orElseThrow();
			long offset = Long.parseLong(first.offset());
			if (offset > Long.parseLong(target.offset()) || (!inclusive && offset == Long.parseLong(target.offset()))) {
				return page;
			}
			HttpResponse<String> done = person.submit(page, DISCARD,
					Map.of("partition", first.partition(), "offset", first.offset(), "reason", reason));
			assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
			page = done.body();
			if (offset == Long.parseLong(target.offset())) {
				return page;
			}
		}
	}

	/** A dead letter's row on the page. */
	record Letter(String partition, String offset, String row) {
	}

}
