package dev.vestline.signature;

import java.util.HashMap;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.vestline.testharness.DevInfrastructure;

import org.springframework.boot.SpringApplication;

/**
 * Runs the service on embedded PostgreSQL and an in-JVM Kafka broker:
 * {@code ./mvnw -pl signature-service spring-boot:test-run}.
 */
public class TestSignatureApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(SignatureApplication.class);
		Map<String, Object> properties = new HashMap<>(DevInfrastructure.start("signature"));
		// the signing mails go to a real SMTP server in this JVM; its log shows each one
		GreenMail mailbox = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		mailbox.start();
		properties.put("spring.mail.host", "127.0.0.1");
		properties.put("spring.mail.port", mailbox.getSmtp().getPort());
		application.setDefaultProperties(properties);
		application.run(args);
	}

}
