package dev.vestline.signature.page;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.vestline.signature.CapturedLinks;
import dev.vestline.signature.OpenWorkflows;
import dev.vestline.signature.SignatureIntegrationTest;
import dev.vestline.signature.signing.LinkRenewal;
import dev.vestline.signature.workflows.WorkflowOpening;
import dev.vestline.support.web.BrowserPages;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signing page over plain HTTP: what a browser gets for a link before any script
 * runs, the CSRF check, the headers on every answer, that opening uses nothing up, the
 * limit on new links, and that the token stays out of logs, metrics and traces.
 */
@SignatureIntegrationTest
class SigningPageIntegrationTests {

	static final Map<String, String> SIGNATURE = Map.of("consent", "true", "consentVersion", ConsentDisclosure.VERSION,
			"typedName", "Ivy Investor");

	@LocalServerPort
	int port;

	@Autowired
	WorkflowOpening opening;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CapturedLinks links;

	@Autowired
	LinkRenewal renewal;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ObservationRegistry observations;

	OpenWorkflows workflows;

	PageClient browser;

	UUID workflow;

	String token;

	@BeforeEach
	void openWorkflow() {
		this.browser = new PageClient(this.port);
		this.workflows = new OpenWorkflows(this.opening, this.jdbc);
		this.workflow = this.workflows.subscriptionPack();
		this.token = this.links.token(this.workflow, "INVESTOR");
	}

	@Test
	void opensTheLinkInABrowserAsAPageToSign() {
		HttpResponse<String> page = this.browser.get("/sign/" + this.token);

		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> type.startsWith("text/html"));
		assertThat(page.body()).contains("<form", "Sign the <span>subscription pack</span>", "name=\"_csrf\"",
				"value=\"" + ConsentDisclosure.VERSION + "\"");
		assertThat(page.body()).doesNotContain("checked");
		assertHardened(page);
	}

	@Test
	void openingTheLinkAndItsDocumentManyTimesUsesNothingUp() {
		for (int open = 0; open < 3; open++) {
			assertThat(this.browser.get("/sign/" + this.token).statusCode()).isEqualTo(200);
		}
		HttpResponse<String> image = this.browser.get("/sign/" + this.token + "/versions/1/pages/1.png");
		HttpResponse<String> pdf = this.browser.get("/sign/" + this.token + "/document.pdf");

		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(disposition) -> assertThat(disposition).contains("attachment", "subscription-pack.pdf"));
		assertThat(this.workflows.signerStatus(this.workflow, "INVESTOR")).isEqualTo("PENDING");
		assertThat(this.workflows.versions(this.workflow)).isEqualTo(1);
		assertThat(this.browser.post("/sign/" + this.token + "/signature", SIGNATURE).statusCode()).isEqualTo(302);
		assertThat(this.workflows.signerStatus(this.workflow, "INVESTOR")).isEqualTo("SIGNED");
	}

	@Test
	void aPageShownBeforeTheOtherPartySignedStillGetsItsImage() {
		assertThat(this.browser.get("/sign/" + this.token).body()).contains("/versions/1/pages/1.png");

		// the arranger signs between the investor's page and its image request
		PageClient arranger = new PageClient(this.port);
		String arrangerToken = this.links.token(this.workflow, "ARRANGER");
		arranger.get("/sign/" + arrangerToken);
		assertThat(arranger
			.post("/sign/" + arrangerToken + "/signature",
					Map.of("consent", "true", "consentVersion", ConsentDisclosure.VERSION, "typedName", "Ada Arranger"))
			.statusCode()).isEqualTo(302);
		assertThat(this.workflows.versions(this.workflow)).isEqualTo(2);

		HttpResponse<String> image = this.browser.get("/sign/" + this.token + "/versions/1/pages/1.png");
		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(this.browser.get("/sign/" + this.token + "/versions/3/pages/1.png").statusCode())
			.as("a version that does not exist yet")
			.isEqualTo(404);
	}

	@Test
	void signsWithTheFormAndRedirectsToAPageThatSaysSo() {
		this.browser.get("/sign/" + this.token);

		HttpResponse<String> signed = this.browser.post("/sign/" + this.token + "/signature", SIGNATURE);

		assertThat(signed.statusCode()).isEqualTo(302);
		assertThat(signed.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/sign/" + this.token + "?done=signed"));
		assertThat(this.browser.get("/sign/" + this.token + "?done=signed").body())
			.contains("Thank you, you have signed");
		HttpResponse<String> again = this.browser.post("/sign/" + this.token + "/signature", SIGNATURE);
		assertThat(again.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("?done=again"));
		assertThat(this.browser.get("/sign/" + this.token + "?done=again").body()).contains("You have already signed");
		assertThat(this.workflows.outboxEvents(this.workflow, "DocumentSigned")).isEqualTo(1);
	}

	@Test
	void answersAFormWithoutConsentOrNameWithItsErrorsLinkedToTheFields() {
		this.browser.get("/sign/" + this.token);

		HttpResponse<String> refused = this.browser.post("/sign/" + this.token + "/signature",
				Map.of("typedName", " ", "consentVersion", ConsentDisclosure.VERSION));

		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"error-summary\"", "role=\"alert\"", "href=\"#consent\"",
				"href=\"#typedName\"", "aria-invalid=\"true\"", SignForm.CONSENT);
		assertHardened(refused);
		assertThat(this.workflows.signerStatus(this.workflow, "INVESTOR")).isEqualTo("PENDING");
	}

	@Test
	void refusesAFormPostedWithoutItsCsrfTokenWithAPageAndSignsNothing() {
		this.browser.get("/sign/" + this.token);

		HttpResponse<String> forged = this.browser.postWithout("/sign/" + this.token + "/signature", SIGNATURE);
		HttpResponse<String> forgedDecline = this.browser.postWithout("/sign/" + this.token + "/decline",
				Map.of("reason", "forged"));

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(forged.body()).contains("Please try again", "nothing was signed");
		assertHardened(forged);
		assertThat(forgedDecline.statusCode()).isEqualTo(403);
		assertThat(this.workflows.signerStatus(this.workflow, "INVESTOR")).isEqualTo("PENDING");
		assertThat(this.workflows.versions(this.workflow)).isEqualTo(1);
	}

	@Test
	void answersEveryPageAndAssetWithTheStrictHeaders() {
		for (String path : List.of("/sign/" + this.token, "/sign/not-a-link", "/sign/" + this.token + "/new-link",
				"/sign-assets/sign.css", "/sign-assets/sign.js", "/webjars/htmx.org/dist/htmx.min.js")) {
			HttpResponse<String> answer = this.browser.get(path);
			assertThat(answer.statusCode()).as(path).isIn(200, 404);
			assertHardened(answer);
		}
		HttpResponse<String> unknown = this.browser.get("/sign/not-a-link");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("We do not recognise this link");
		assertThat(this.browser.get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
	}

	@Test
	void sendsANewLinkForAnExpiredOneAtMostThreeTimesAnHourPerLink() {
		this.jdbc.sql("UPDATE signer SET link_expires_at = now() - interval '1 minute' WHERE workflow_id = :id")
			.param("id", this.workflow)
			.update();
		HttpResponse<String> expired = this.browser.get("/sign/" + this.token);
		assertThat(expired.statusCode()).isEqualTo(410);
		assertThat(expired.body()).contains("This link has expired", "Send me a new link");

		for (int ask = 1; ask <= 3; ask++) {
			HttpResponse<String> asked = this.browser.post("/sign/" + this.token + "/new-link", Map.of());
			assertThat(asked.statusCode()).as("ask %d", ask).isEqualTo(302);
		}
		HttpResponse<String> tooMany = this.browser.post("/sign/" + this.token + "/new-link", Map.of());

		assertThat(tooMany.statusCode()).isEqualTo(429);
		assertThat(tooMany.headers().firstValue("Retry-After")).isPresent();
		assertThat(tooMany.body()).contains("Please wait before asking again");
		assertHardened(tooMany);
		assertThat(this.links.of(this.workflow).stream().filter((link) -> link.role().equals("INVESTOR")))
			.as("one new link: the later asks found the link replaced")
			.hasSize(2);
		assertThat(this.browser.get("/sign/" + this.token + "/new-link").body()).contains("Check your e-mail",
				"If there is still something for you to sign");
	}

	@Test
	void aLinkReplacedByANewerOneSaysSoAndOffersANewLinkOnceTheNewerOneNoLongerWorks() {
		this.renewal.renew(this.workflow, "INVESTOR", "a reminder");
		String newer = this.links.token(this.workflow, "INVESTOR");
		assertThat(newer).isNotEqualTo(this.token);

		HttpResponse<String> replaced = this.browser.get("/sign/" + this.token);
		assertThat(replaced.statusCode()).isEqualTo(410);
		assertThat(replaced.body()).contains("This link was replaced", "Send me a new link");
		assertThat(this.browser.get("/sign/" + this.token + "/document.pdf").statusCode())
			.as("a replaced link shows no document")
			.isEqualTo(404);

		assertThat(this.browser.post("/sign/" + this.token + "/new-link", Map.of()).statusCode()).isEqualTo(302);
		assertThat(this.links.token(this.workflow, "INVESTOR")).as("the newer link still works: nothing new sent")
			.isEqualTo(newer);

		this.jdbc.sql("UPDATE signer SET link_expires_at = now() - interval '1 minute' WHERE workflow_id = :id")
			.param("id", this.workflow)
			.update();
		assertThat(this.browser.post("/sign/" + this.token + "/new-link", Map.of()).statusCode()).isEqualTo(302);
		String newest = this.links.token(this.workflow, "INVESTOR");
		assertThat(newest).as("the newer link expired: a new one is sent").isNotIn(this.token, newer);
		assertThat(this.browser.get("/sign/" + newest).body()).contains("Please read and sign");
	}

	@Test
	void keepsTheTokenOutOfLogsMetricLabelsAndTraceSpans() {
		List<String> observed = new CopyOnWriteArrayList<>();
		this.observations.observationConfig().observationHandler(new Recorder(observed));
		ListAppender<ILoggingEvent> logs = new ListAppender<>();
		logs.start();
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.addAppender(logs);
		try {
			this.browser.get("/sign/" + this.token);
			this.browser.get("/sign/" + this.token + "/versions/1/pages/1.png");
			this.browser.get("/sign/" + this.token + "/versions/1/pages/99.png");
			this.browser.postWithout("/sign/" + this.token + "/signature", SIGNATURE);
			this.browser.post("/sign/" + this.token + "/signature", Map.of("typedName", ""));
			this.browser.post("/sign/" + this.token + "/signature", SIGNATURE);
			this.browser.get("/sign/" + this.token + "?done=signed");
			this.browser.post("/sign/" + this.token + "/decline", Map.of("reason", "too late"));
			this.browser.get("/sign/" + this.token + "/document.pdf");
			this.browser.get("/sign/" + this.token + "/nothing-here");
		}
		finally {
			root.detachAppender(logs);
		}

		assertThat(logs.list).allSatisfy((event) -> assertThat(event.getFormattedMessage()
				+ ((event.getThrowableProxy() != null) ? ThrowableProxyUtil.asString(event.getThrowableProxy()) : ""))
			.doesNotContain(this.token));
		List<String> tags = this.meters.getMeters()
			.stream()
			.map(Meter::getId)
			.flatMap((id) -> id.getTags().stream())
			.map(Tag::getValue)
			.toList();
		assertThat(tags).contains("/sign/{token}", "/sign/{token}/signature").noneMatch((v) -> v.contains(this.token));
		assertThat(observed).anyMatch((o) -> o.contains("/sign/{token}")).noneMatch((o) -> o.contains(this.token));
	}

	private static void assertHardened(HttpResponse<String> answer) {
		assertThat(answer.headers().firstValue("Content-Security-Policy")).as(answer.uri().getPath())
			.hasValue(BrowserPages.CONTENT_SECURITY_POLICY);
		assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(answer.headers().firstValue("Permissions-Policy")).isPresent();
	}

	/** Keeps what each server request's observation (and so its span) says. */
	private record Recorder(List<String> observed) implements ObservationHandler<Observation.Context> {

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof ServerRequestObservationContext;
		}

		@Override
		public void onStop(Observation.Context context) {
			this.observed.add(context.getContextualName() + " " + context.getAllKeyValues());
		}

	}

}
