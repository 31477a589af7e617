package dev.vestline.console.signin;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.vestline.console.support.ConsoleTest;
import dev.vestline.console.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in and out against the real identity provider (authorization code with PKCE,
 * the public client {@code vestline-console}).
 */
class SignInIntegrationTests extends ConsoleTest {

	@Test
	void signsInThroughTheProvidersLoginFormAndShowsThePersonAndTheAreasOfTheirRoles() {
		HttpResponse<String> queue = SignedIn.as("oscar", backends()).get("/");

		assertThat(queue.uri().getPath()).isEqualTo("/approvals");
		assertThat(queue.body()).contains("Signed in as <strong>oscar</strong>", "operations", "href=\"/approvals\"");
	}

	@Test
	void signsOutOfTheConsoleAndTheProvider() {
		SignedIn oscar = SignedIn.as("oscar", backends());
		String page = oscar.get("/approvals").body();

		HttpResponse<String> signedOut = oscar.submit(page, "/logout", java.util.Map.of());
		HttpResponse<String> again = oscar.get("/approvals");

		assertThat(signedOut.uri().toString()).isEqualTo(backends().consoleUrl() + "/signed-out");
		assertThat(signedOut.body()).contains("You are signed out");
		assertThat(again.uri().toString()).as("asked for a password again").startsWith(backends().issuer() + "/login");
	}

}
