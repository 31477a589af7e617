package dev.vestline.signature;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The signature service: owns the `signature` schema, publishes on `signature.events`
 * through its outbox.
 */
@SpringBootApplication
public class SignatureApplication {

	public static void main(String[] args) {
		SpringApplication.run(SignatureApplication.class, args);
	}

}
