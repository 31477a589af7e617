package dev.vestline.billing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import dev.vestline.fuzz.Access;
import dev.vestline.fuzz.ApiFuzzer;
import dev.vestline.fuzz.FuzzRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Every operation of billing's OpenAPI document, and the payment webhook with correctly
 * signed hostile bodies, answered without a 5xx, with a problem for every error, and
 * nothing written by a refused request (see the api-fuzz module).
 */
class BillingApiFuzzIntegrationTests extends BillingIntegrationTest {

	private static final String WEBHOOK = "POST /api/v1/payments/webhook";

	@Autowired
	DataSource dataSource;

	@Value("${vestline.billing.webhook.secret}")
	String webhookSecret;

	@Test
	void answersEveryHostileRequestWithoutServerErrorsWithProblemsAndWithoutWrites() {
		new ApiFuzzer("billing", "http://localhost:" + this.port,
				new Access(TOKENS.token("fuzz", "billing", "operations"), TOKENS.token("fuzz", "nobody")),
				this.dataSource)
			.example(WEBHOOK,
					"""
							{"eventId": "evt_fuzz", "paymentId": "pay_fuzz", "invoiceId": "00000000-0000-4000-8000-00000000f022",
							 "paymentReference": "RF18539007547034", "amount": "100.00", "currency": "EUR"}""")
			.finish(WEBHOOK, this::signed)
			// a dead-letter topic this service has, so discard and replay get past the
			// lookup
			.parameter("deadLetterTopic", "signature.events.billing.dlt")
			.run()
			.assertNoFindings();
	}

	/**
	 * Signed as the payment provider signs, so that the hostile body reaches the parser.
	 */
	private FuzzRequest signed(FuzzRequest request) {
		try {
			long now = Instant.now().getEpochSecond();
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.webhookSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((now + ".").getBytes(StandardCharsets.US_ASCII));
			String signature = HexFormat.of().formatHex(mac.doFinal(request.body()));
			return request.withHeader("Vestline-Signature", "t=" + now + ",v1=" + signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
