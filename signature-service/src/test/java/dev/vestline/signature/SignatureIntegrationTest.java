package dev.vestline.signature;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.vestline.testharness.RealInfrastructure;
import dev.vestline.testharness.mail.TestMailbox;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The one test context of the module's integration tests (real PostgreSQL and Kafka), so
 * that every test class shares it: a vehicle with configured parties, a short lease wait,
 * a reaper that tests run themselves (its schedule would race their expired leases), and
 * a real SMTP server the mails go to, with a bounce mailbox on its IMAP server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"vestline.signature.parties.vehicles.00000000-0000-0000-0000-00000000a001.arranger.party-id=arranger-1",
		"vestline.signature.parties.vehicles.00000000-0000-0000-0000-00000000a001.arranger.name=Ada Arranger",
		"vestline.signature.parties.vehicles.00000000-0000-0000-0000-00000000a001.counterparty.party-id=counterparty-1",
		"vestline.signature.parties.vehicles.00000000-0000-0000-0000-00000000a001.counterparty.name=Cole Counterparty",
		"vestline.signature.lease.max-wait=2s", "vestline.signature.lease.reaper-interval=1h",
		"vestline.signature.parties.vehicles.00000000-0000-0000-0000-00000000a001.arranger.email=ada@arranger.example.org",
		"vestline.signature.links.public-base-url=https://sign.vestline.example/sign",
		"vestline.mail.poll-interval=100ms", "vestline.signature.mail.check-interval=1h",
		"vestline.signature.mail.requester=desk@operations.example.org", "vestline.mail.bounces.host=127.0.0.1",
		"vestline.mail.bounces.poll-interval=500ms" })
@RealInfrastructure(service = "signature")
@Import({ CapturedLinks.class, TestMailbox.class })
public @interface SignatureIntegrationTest {

}
