package dev.vestline.support.mail;

import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;

import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which SMTP failures are for good (the address is failed for staff) and which are worth
 * a retry.
 */
class SmtpTransportTests {

	@Test
	void anAddressTheServerRefusedIsFailedForGood() throws Exception {
		SendFailedException refused = new SendFailedException("Invalid Addresses", null, new Address[0], new Address[0],
				new Address[] { new InternetAddress("nobody@nowhere.test") });
		MailSendException ex = new MailSendException(Map.of(new Object(), refused));

		assertThat(SmtpTransport.refusedAddress(ex)).isTrue();
		assertThat(SmtpTransport.describe(ex)).contains("Invalid Addresses");
	}

	@Test
	void anAddressThatCannotBeWrittenIsFailedForGood() {
		assertThat(SmtpTransport.refusedAddress(new MailParseException("bad address"))).isTrue();
	}

	@Test
	void aServerThatIsAwayOrBusyIsWorthARetry() {
		MailSendException away = new MailSendException("Mail server connection failed", new MessagingException(
				"Couldn't connect to host", new java.net.ConnectException("Connection refused")));

		assertThat(SmtpTransport.refusedAddress(away)).isFalse();
		assertThat(SmtpTransport.describe(away)).isEqualTo("ConnectException: Connection refused");
	}

}
