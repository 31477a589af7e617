package dev.vestline.console.operations;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.vestline.console.support.ConsoleTest;
import dev.vestline.console.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operations area over real HTTP: a person signed in through the identity provider,
 * the console calling a real approval-service (its jar, on real PostgreSQL and Kafka)
 * with that person's token; the dead letters are real ones, records approval-service's
 * group could not decode.
 */
class OperationsIntegrationTests extends ConsoleTest {

	static final String DEAD_LETTERS = DeadLetterPage.PATH;

	@Test
	void showsEachServiceWithItsBacklogRelayLeaderInvariantsAndDeadLetters() {
		SignedIn olga = SignedIn.as("olga", backends());

		HttpResponse<String> overview = olga.get("/operations");

		assertThat(overview.statusCode()).isEqualTo(200);
		String approval = card(overview.body(), "approval");
		assertThat(approval)
			.contains("Outbox", "to be published", "Relay leader", "approval-service ",
					"deal reserved equals reservations", "read 0", "dead letter")
			.doesNotContain("No instance leads", "An invariant is broken");
		assertThat(overview.body()).contains("id=\"service-signature\"", "id=\"service-billing\"",
				"id=\"service-reconciliation\"", "href=\"/operations\"");
	}

	@Test
	void discardsOnlyTheFirstDeadLetterOfAPartitionWithAReasonAndTheAuditSaysWhoAndWhy() {
		String key = UUID.randomUUID().toString();
		String first = PoisonRecords.send(backends().kafkaBootstrapServers(), key);
		String second = PoisonRecords.send(backends().kafkaBootstrapServers(), key);
		SignedIn olga = SignedIn.as("olga", backends());
		String page = await().atMost(Duration.ofSeconds(90))
			.until(() -> olga.get(DEAD_LETTERS).body(), (body) -> body.contains(first) && body.contains(second));
		assertThat(page).contains("discarded in order", "only the first pending one of each", "Why the group gave up",
				"dev.vestline.signature.SigningWorkflowFailed.v1", "signature.events, partition");
		DeadLetterPage.Letter secondLetter = DeadLetterPage.letter(page, second);

		HttpResponse<String> outOfTurn = olga.submit(page, DeadLetterPage.DISCARD, Map.of("partition",
				secondLetter.partition(), "offset", secondLetter.offset(), "reason", "out of turn"));
		assertThat(outOfTurn.statusCode()).isEqualTo(409);
		assertThat(outOfTurn.body()).contains("Not discarded: not the first dead letter of its partition",
				"Nothing was discarded", "role=\"alert\"", second);

		DeadLetterPage.Letter firstLetter = DeadLetterPage.letter(outOfTurn.body(), first);
		HttpResponse<String> noReason = olga.submit(outOfTurn.body(), DeadLetterPage.DISCARD,
				Map.of("partition", firstLetter.partition(), "offset", firstLetter.offset(), "reason", " "));
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("A reason is needed", "aria-invalid=\"true\"", first);

		String reason = "a producer bug, never valid " + key;
		String discarded = DeadLetterPage.discardUpTo(olga, firstLetter, reason, true);
		assertThat(discarded).contains("role=\"status\"", "You discarded", first);
		assertThat(DeadLetterPage.letters(discarded)).noneMatch((letter) -> letter.row().contains(first));

		String audit = olga.get("/operations/approval/audit").body();
		assertThat(audit).contains("olga", "discarded a dead letter", reason,
				PoisonRecords.DLT + " partition " + firstLetter.partition() + " offset " + firstLetter.offset());
		DeadLetterPage.discardUpTo(olga, DeadLetterPage.letter(olga.get(DEAD_LETTERS).body(), second), "the same bug",
				true);
	}

	@Test
	void replaysWithAReasonThatTheAuditKeeps() {
		String eventId = PoisonRecords.send(backends().kafkaBootstrapServers(), UUID.randomUUID().toString());
		SignedIn oscar = SignedIn.as("oscar", backends());
		String page = await().atMost(Duration.ofSeconds(90))
			.until(() -> oscar.get(DEAD_LETTERS).body(), (body) -> body.contains(eventId));

		HttpResponse<String> noReason = oscar.submit(page, replayPath(), Map.of("reason", ""));
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("A reason is needed", "aria-invalid=\"true\"");

		String reason = "decoder fixed " + eventId;
		HttpResponse<String> replayed = oscar.submit(page, replayPath(), Map.of("reason", reason));
		assertThat(replayed.statusCode()).isEqualTo(200);
		assertThat(replayed.body()).containsPattern("You replayed \\d+ dead letters? of " + PoisonRecords.DLT);
		assertThat(oscar.get("/operations/approval/audit").body()).contains("oscar", "replayed dead letters", reason,
				"sent back to approval on signature.events");
	}

	@Test
	void pagesTheAuditNewestFirstWithTheApisCursor() {
		SignedIn olga = SignedIn.as("olga", backends());
		String page = olga.get(DEAD_LETTERS).body();
		for (int i = 0; i < 21; i++) {
			assertThat(olga.submit(page, replayPath(), Map.of("reason", "paging " + i)).statusCode()).isEqualTo(200);
		}
		String audit = olga.get("/operations/approval/audit").body();
		assertThat(audit).contains("paging 20", "Show older actions", "hx-get=\"/operations/approval/audit?after=")
			.doesNotContain("paging 0<");
		Matcher next = Pattern.compile("hx-get=\"(/operations/approval/audit\\?after=\\d+)\"").matcher(audit);
		assertThat(next.find()).isTrue();
		String older = olga.getAsHtmx(next.group(1)).body();
		assertThat(older).doesNotContain("<html", "<h1").contains("paging 0<");
		assertThat(ids(older))
			.allMatch((id) -> id < ids(audit).stream().mapToLong(Long::longValue).min().orElseThrow());
	}

	@Test
	void showsAPersonWithoutOperationsAForbiddenPageInWords() {
		SignedIn carla = SignedIn.as("carla", backends());

		HttpResponse<String> overview = carla.get("/operations");
		HttpResponse<String> deadLetters = carla.get(DEAD_LETTERS);
		HttpResponse<String> audit = carla.get("/operations/approval/audit");

		for (HttpResponse<String> forbidden : List.of(overview, deadLetters, audit)) {
			assertThat(forbidden.statusCode()).isEqualTo(403);
			assertThat(forbidden.body()).contains("This is not for your roles", "compliance",
					"Operations</span> area is for people with the role", "<strong>operations</strong>");
		}
		assertThat(carla.get("/approvals").body()).doesNotContain("href=\"/operations\"");
		assertThat(SignedIn.as("olga", backends()).get("/operations/ledger/dead-letters").body())
			.contains("There is no service called ledger");
	}

	private static String replayPath() {
		return DEAD_LETTERS + "/" + PoisonRecords.DLT + "/replay";
	}

	private static String card(String page, String service) {
		int start = page.indexOf("id=\"service-" + service + "\"");
		assertThat(start).as("the " + service + " card").isNotNegative();
		int end = page.indexOf("</li>\n\t\t<li", start);
		return page.substring(start, (end > 0) ? end : page.length());
	}

	private static List<Long> ids(String page) {
		Matcher ids = Pattern.compile("id=\"action-(\\d+)\"").matcher(page);
		List<Long> found = new ArrayList<>();
		while (ids.find()) {
			found.add(Long.parseLong(ids.group(1)));
		}
		return found;
	}

}
