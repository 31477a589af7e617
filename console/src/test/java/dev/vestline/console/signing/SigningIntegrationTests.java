package dev.vestline.console.signing;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.vestline.console.support.ConsoleTest;
import dev.vestline.console.support.SignedIn;
import dev.vestline.console.support.SigningArrange;
import dev.vestline.testharness.Race;
import dev.vestline.testharness.mail.MimeParts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The signing area over real HTTP: a person signed in through the identity provider, the
 * console calling a real signature-service (its jar, on real PostgreSQL and Kafka,
 * mailing to a real SMTP server) with that person's token. Workflows are opened by grants
 * of a real approval-service; signers sign with the links from their mails.
 */
class SigningIntegrationTests extends ConsoleTest {

	private SigningArrange arrange;

	@BeforeEach
	void signatureService() {
		this.arrange = backends().arrangeSigning();
	}

	@Test
	void showsAWorkflowWithItsSignersWhoSignedWhenInUtcAndItsStateInWords() {
		UUID workflow = this.arrange.workflow("mara");
		this.arrange.sign(this.arrange.linkMailedTo(SigningArrange.investorEmail("mara")), "Mara Investor");

		HttpResponse<String> page = SignedIn.as("carla", backends()).get("/signing/" + workflow);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body())
			.contains("Subscription pack</span> of <span>mara", "250,000.00 EUR",
					"Waiting for signatures: 1 of 2 signed", "Ada Arranger", "Not signed yet; the link works until")
			.containsPattern("Signed as “Mara Investor” at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC")
			.contains("What happened", "Send <span>Ada Arranger</span> a new link", "Cancel the workflow");
	}

	@Test
	void listsWorkflowsByStateNewestFirstAndGivesHtmxOnlyTheNextPageWithTheApisCursor() {
		// more open workflows than a page holds (other tests' count too)
		for (int i = this.arrange.count("OPEN"); i < SigningApi.PAGE; i++) {
			this.arrange.workflow("pager" + i);
		}
		UUID newest = this.arrange.workflow("newest");
		UUID cancelled = this.arrange.workflow("lister");
		this.arrange.cancel(cancelled, "oscar", "operations", "listed as cancelled");
		SignedIn carla = SignedIn.as("carla", backends());

		String open = carla.get("/signing?state=OPEN").body();
		String cursor = open.replaceAll("(?s).*href=\"/signing\\?state=OPEN&amp;after=([^\"]+)\".*", "$1");
		String next = carla.getAsHtmx("/signing?state=OPEN&after=" + cursor).body();
		String ended = carla.get("/signing?state=CANCELLED").body();
		String every = carla.get("/signing").body();

		List<String> firstPage = ids(open);
		List<String> nextPage = ids(next);
		assertThat(firstPage).hasSize(SigningApi.PAGE)
			.startsWith(newest.toString())
			.isSortedAccordingTo(Comparator.reverseOrder())
			.doesNotContain(cancelled.toString());
		assertThat(open).contains("Show older workflows", "newest<", "Waiting for signatures: 0 of 2 signed");
		assertThat(next).doesNotContain("<html", "<header");
		assertThat(nextPage).isNotEmpty()
			.allMatch((id) -> id.compareTo(firstPage.getLast()) < 0, "older than the first page's last");
		assertThat(ended).contains("lister<", "Cancelled</strong>: <span>listed as cancelled");
		assertThat(ids(every)).startsWith(cancelled.toString(), newest.toString());
	}

	/** The workflows' ids as the page links them, in the page's order. */
	private static List<String> ids(String page) {
		return Pattern.compile("<h2><a href=\"/signing/([0-9a-f-]{36})\"")
			.matcher(page)
			.results()
			.map((match) -> match.group(1))
			.toList();
	}

	@Test
	void sendsASignerANewLinkByMailAndTheOldOneStopsWorking() {
		OpenedWorkflow nils = openedBy("carla", "nils");
		String investor = SigningArrange.investorEmail("nils");
		String first = this.arrange.linkMailedTo(investor);

		HttpResponse<String> sent = nils.send("/signers/INVESTOR/link", Map.of());

		assertThat(sent.statusCode()).isEqualTo(200);
		assertThat(sent.body()).contains("A new link is on its way to the", "<strong>investor</strong> by mail");
		String second = Awaitility.await("the new link's mail")
			.atMost(Duration.ofSeconds(90))
			.until(() -> this.arrange.linkMailedTo(investor), (token) -> !token.equals(first));
		assertThatThrownBy(() -> this.arrange.sign(first, "Nils")).hasMessageContaining("answered 404");
		this.arrange.sign(second, "Nils");
		assertThat(this.arrange.workflowNow(nils.workflow()).path("signers").get(0).path("status").asString())
			.isEqualTo("SIGNED");
	}

	@Test
	void correctsASignersAddressAndTheNewLinkArrivesThere() {
		OpenedWorkflow olga = openedBy("oscar", "olga");

		HttpResponse<String> invalid = olga.send("/signers/INVESTOR/contact",
				Map.of("name", "Olga", "email", "not an address"));
		HttpResponse<String> corrected = olga.send("/signers/INVESTOR/contact",
				Map.of("name", "Olga", "email", "olga@corrected.example.org"));

		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(invalid.body()).contains("email", "aria-invalid=\"true\"", "not an address");
		assertThat(corrected.statusCode()).isEqualTo(200);
		assertThat(corrected.body()).contains("address is corrected and a new link is on its way there");
		this.arrange.sign(this.arrange.linkMailedTo("olga@corrected.example.org"), "Olga");
	}

	@Test
	void cancelsWithAReasonAtTheVersionSeenAndEverySignerIsTold() {
		OpenedWorkflow pia = openedBy("carla", "pia");

		HttpResponse<String> cancelled = pia.cancel("Deal withdrawn");

		assertThat(cancelled.statusCode()).isEqualTo(200);
		assertThat(cancelled.body()).contains("You cancelled the workflow", "Cancelled</strong>: <span>Deal withdrawn",
				"<td>carla</td>", "cancelled it");
		assertThat(this.arrange.workflowNow(pia.workflow()).path("status").asString()).isEqualTo("CANCELLED");
		Awaitility.await("the cancelled mail")
			.atMost(Duration.ofSeconds(90))
			.until(() -> this.arrange.mailsTo(SigningArrange.investorEmail("pia"))
				.stream()
				.anyMatch((mail) -> text(mail).contains("Deal withdrawn")));
	}

	@Test
	void asksForAReasonToCancelInWords() {
		OpenedWorkflow quinn = openedBy("carla", "quinn");

		HttpResponse<String> refused = quinn.cancel(" ");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"refusal\"", "reason", "aria-invalid=\"true\"");
		assertThat(this.arrange.workflowNow(quinn.workflow()).path("status").asString()).isEqualTo("OPEN");
	}

	@Test
	void explainsAStaleViewWithWhoChangedItAndTheWorkflowAsItIsNow() {
		OpenedWorkflow rosa = openedBy("carla", "rosa");
		this.arrange.sign(this.arrange.linkMailedTo(SigningArrange.investorEmail("rosa")), "Rosa Investor");

		HttpResponse<String> stale = rosa.cancel("Too late");

		assertThat(stale.statusCode()).isEqualTo(412);
		assertThat(stale.body()).contains("This page was out of date", "<strong>rosa</strong> <span>signed</span>",
				"What you asked for was not done", "Waiting for signatures: 1 of 2 signed");
		assertThat(this.arrange.workflowNow(rosa.workflow()).path("status").asString()).isEqualTo("OPEN");
	}

	@Test
	void tellsThePersonWhoLostARaceToCancelWhoWonEveryTime() {
		SignedIn carla = SignedIn.as("carla", backends());
		SignedIn oscar = SignedIn.as("oscar", backends());
		List<SignedIn> people = List.of(carla, oscar);
		for (int round = 0; round < 3; round++) {
			UUID workflow = this.arrange.workflow("racer" + round);
			List<String> pages = people.stream().map((person) -> person.get("/signing/" + workflow).body()).toList();

			List<HttpResponse<String>> answers = Race.run(2,
					(i) -> people.get(i)
						.submit(pages.get(i), "/signing/" + workflow + "/cancel",
								Map.of("etag", SignedIn.field(pages.get(i), "etag"), "reason", "race " + i)));

			assertThat(answers).extracting(HttpResponse::statusCode)
				.as("round %d: one cancellation counts, the other is overtaken (409 or 412)", round)
				.containsOnlyOnce(200)
				.allMatch((status) -> status == 200 || status == 409 || status == 412);
			String winner = (answers.get(0).statusCode() == 200) ? "carla" : "oscar";
			HttpResponse<String> lost = answers.stream().filter((a) -> a.statusCode() != 200).findFirst().orElseThrow();
			assertThat(lost.body()).contains("<strong>" + winner + "</strong> <span>cancelled it</span>",
					"What you asked for was not done", "<strong>Cancelled</strong>");
		}
	}

	@Test
	void streamsTheSealedPdfAndTheCertificateWithThePersonsTokenOnceEveryoneSigned() {
		UUID workflow = this.arrange.workflow("sven");
		this.arrange.sign(this.arrange.linkMailedTo(SigningArrange.investorEmail("sven")), "Sven Investor");
		this.arrange.sign(this.arrange.linkMailedTo(SigningArrange.arrangerEmail("sven")), "Ada Arranger");
		SignedIn carla = SignedIn.as("carla", backends());

		String page = carla.get("/signing/" + workflow).body();
		HttpResponse<String> sealed = carla.get("/signing/" + workflow + "/sealed.pdf");
		HttpResponse<String> certificate = carla.get("/signing/" + workflow + "/certificate.pdf");

		assertThat(page).contains("Completed: everyone signed by", "The sealed PDF", "The certificate of completion")
			.doesNotContain("Cancel the workflow");
		assertThat(sealed.statusCode()).isEqualTo(200);
		assertThat(sealed.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(sealed.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(disposition) -> assertThat(disposition).contains("workflow-" + workflow + "-sealed.pdf"));
		assertThat(sealed.headers().firstValue("Document-SHA256")).isPresent();
		assertThat(sealed.body()).startsWith("%PDF-");
		assertThat(certificate.statusCode()).isEqualTo(200);
		assertThat(certificate.body()).startsWith("%PDF-");
	}

	@Test
	void saysInWordsThatAnOpenWorkflowHasNoSealedPdfYet() {
		UUID workflow = this.arrange.workflow("tara");

		HttpResponse<String> missing = SignedIn.as("carla", backends()).get("/signing/" + workflow + "/sealed.pdf");

		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("Not found", "a document is sealed only when every signer has signed");
	}

	@Test
	void showsAPersonWithoutASigningRoleAForbiddenPageInWordsAndNoSigningInTheNavigation() {
		SignedIn bianca = SignedIn.as("bianca", backends());

		HttpResponse<String> forbidden = bianca.get("/signing");
		HttpResponse<String> home = bianca.get("/");
		HttpResponse<String> carlasHome = SignedIn.as("carla", backends()).get("/approvals");

		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.body()).contains("This is not for your roles", "<strong>bianca</strong>", "billing",
				"Signing</span> area is for people with the role", "approver, compliance or operations");
		assertThat(home.body()).doesNotContain("href=\"/signing\"");
		assertThat(carlasHome.body()).contains("href=\"/signing\"");
	}

	private static String text(MimeMessage mail) {
		try {
			String text = MimeParts.text(mail, "text/plain");
			return (text != null) ? text : "";
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A new open workflow of this investor, and its page as a person opened it.
	 */
	private OpenedWorkflow openedBy(String person, String investor) {
		UUID workflow = this.arrange.workflow(investor);
		SignedIn signedIn = SignedIn.as(person, backends());
		return new OpenedWorkflow(workflow, signedIn, signedIn.get("/signing/" + workflow).body());
	}

	/**
	 * A workflow's page as a person read it, and its forms sent from that page.
	 *
	 * @param workflow the workflow
	 * @param person who opened it, signed in
	 * @param page the page as they read it, with its ETag
	 */
	private record OpenedWorkflow(UUID workflow, SignedIn person, String page) {

		/**
		 * Sends one of the page's forms, e.g. {@code /cancel}, with the page's CSRF
		 * token.
		 */
		HttpResponse<String> send(String action, Map<String, String> fields) {
			return this.person.submit(this.page, "/signing/" + this.workflow + action, fields);
		}

		/** Cancels at the version the page was read with. */
		HttpResponse<String> cancel(String reason) {
			return send("/cancel", Map.of("etag", SignedIn.field(this.page, "etag"), "reason", reason));
		}

	}

}
