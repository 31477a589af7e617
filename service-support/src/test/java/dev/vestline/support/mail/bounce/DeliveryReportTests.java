package dev.vestline.support.mail.bounce;

import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryReportTests {

	static final String OURS = "<signing-request.wf-investor.1.0123456789abcdef@vestline.example.com>";

	@Test
	void readsAFailedRecipientOfAnRfc3464ReportAndTheOriginalItNames() throws Exception {
		DeliveryReport report = DeliveryReport.of(message("""
				From: MAILER-DAEMON@mx.example.org
				Subject: Delivery Status Notification (Failure)
				Message-ID: <dsn-1@mx.example.org>
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

				--b1
				Content-Type: text/plain

				Your message could not be delivered.
				--b1
				Content-Type: message/delivery-status

				Reporting-MTA: dns; mx.example.org

				Final-Recipient: rfc822; ivy@investor.example.org
				Action: failed
				Status: 5.1.1
				Diagnostic-Code: smtp; 550 5.1.1 User unknown
				--b1
				Content-Type: message/rfc822

				From: signing@vestline.example.com
				To: ivy@investor.example.org
				Subject: Please sign
				Message-ID: %s

				Hello
				--b1--
				""".formatted(OURS)));

		assertThat(report.failure()).isTrue();
		assertThat(report.originalMessageIds()).containsExactly(OURS);
		assertThat(report.diagnostic())
			.isEqualTo("to ivy@investor.example.org, status 5.1.1, smtp; 550 5.1.1 User unknown");
	}

	@Test
	void aDelayNoticeIsNoFailure() throws Exception {
		DeliveryReport report = DeliveryReport.of(message("""
				From: MAILER-DAEMON@mx.example.org
				Subject: Delivery Status Notification (Delay)
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

				--b1
				Content-Type: message/delivery-status

				Reporting-MTA: dns; mx.example.org

				Final-Recipient: rfc822; ivy@investor.example.org
				Action: delayed
				Status: 4.4.1
				--b1
				Content-Type: text/rfc822-headers

				Message-ID: %s
				--b1--
				""".formatted(OURS)));

		assertThat(report.failure()).isFalse();
		assertThat(report.originalMessageIds()).containsExactly(OURS);
	}

	@Test
	void readsAPlainBounceByTheHeadersItQuotes() throws Exception {
		DeliveryReport report = DeliveryReport.of(message("""
				From: postmaster@legacy.example.org
				Subject: Undeliverable: Please sign
				Content-Type: text/plain

				Delivery has failed to these recipients: ivy@investor.example.org

				Original message headers:
				Message-ID: %s
				Subject: Please sign
				""".formatted(OURS)));

		assertThat(report.failure()).isTrue();
		assertThat(report.originalMessageIds()).containsExactly(OURS);
		assertThat(report.diagnostic()).startsWith("Delivery has failed to these recipients");
	}

	@Test
	void anAutoReplyToOurMailIsNoBounce() throws Exception {
		DeliveryReport report = DeliveryReport.of(message("""
				From: ivy@investor.example.org
				Subject: Out of office
				In-Reply-To: %s
				Content-Type: text/plain

				I am away until Monday.
				""".formatted(OURS)));

		assertThat(report.failure()).isFalse();
		assertThat(report.originalMessageIds()).containsExactly(OURS);
	}

	private static MimeMessage message(String text) throws Exception {
		return BounceMailbox.parse(text.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII));
	}

}
