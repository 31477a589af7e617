package dev.vestline.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real mail server on this machine for the local platform: GreenMail standalone as a
 * process of its own, bound to 127.0.0.1. The services send their mails to its SMTP port;
 * a person reads them in a browser (its web page and REST API) or in a mail program
 * (IMAP), and the demo reads the signing links from them. Every address is a mailbox: no
 * accounts.
 */
final class LocalMailServer implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Path jar;

	private final Path log;

	private final int smtpPort;

	private final int imapPort;

	private final int webPort;

	private @Nullable Process process;

	private LocalMailServer(Path jar, Path log, int smtpPort, int imapPort, int webPort) {
		this.jar = jar;
		this.log = log;
		this.smtpPort = smtpPort;
		this.imapPort = imapPort;
		this.webPort = webPort;
	}

	/**
	 * Starts the server and waits until its API answers.
	 * @param repository the repository root (the jar is in
	 * {@code platform/target/mailbox})
	 * @param logs where its log goes
	 * @param smtpPort its SMTP port
	 * @param imapPort its IMAP port
	 * @param webPort its web page and REST API
	 * @return the running server
	 */
	static LocalMailServer start(Path repository, Path logs, int smtpPort, int imapPort, int webPort) {
		Path jar = repository.resolve("platform/target/mailbox/greenmail-standalone.jar");
		if (!Files.exists(jar)) {
			throw new IllegalStateException("No " + jar + ": build the platform module (./mvnw -pl platform package)");
		}
		LocalMailServer server = new LocalMailServer(jar, logs.resolve("mailbox.log"), smtpPort, imapPort, webPort);
		server.start();
		return server;
	}

	private void start() {
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
				"-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + this.smtpPort,
				"-Dgreenmail.imap.hostname=127.0.0.1", "-Dgreenmail.imap.port=" + this.imapPort,
				"-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + this.webPort,
				// any user name and password is accepted: every address is a mailbox
				"-Dgreenmail.auth.disabled", "-jar", this.jar.toString());
		try {
			Files.createDirectories(this.log.getParent());
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the local mail server", ex);
		}
		Awaitility.await("local mail server (log: " + this.log + ")")
			.atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> {
				if (this.process == null || !this.process.isAlive()) {
					throw new IllegalStateException("The local mail server exited: see " + this.log);
				}
				return get("/api/user") != null;
			});
	}

	/**
	 * @return the SMTP host and port the services send to
	 */
	String smtpHost() {
		return "127.0.0.1";
	}

	int smtpPort() {
		return this.smtpPort;
	}

	int imapPort() {
		return this.imapPort;
	}

	/**
	 * A service's bounce mailbox on this server, as the mail kit reads it
	 * ({@code vestline.mail.bounces.*}), and the envelope sender that makes returned mail
	 * go there. This server returns nothing itself; a delivery-status notification mailed
	 * to that address is read like one from a real server.
	 * @param service the service's name
	 * @return its properties
	 */
	Map<String, String> bounceMailbox(String service) {
		String address = bounceAddress(service);
		return Map.of("vestline.mail.bounces.host", "127.0.0.1", "vestline.mail.bounces.port",
				Integer.toString(this.imapPort), "vestline.mail.bounces.ssl", "false", "vestline.mail.bounces.user",
				address, "vestline.mail.bounces.password", "local-mailbox", "spring.mail.properties[mail.smtp.from]",
				address);
	}

	static String bounceAddress(String service) {
		return "bounces-" + service + "@vestline.example.com";
	}

	/**
	 * @return the page a person opens in a browser
	 */
	String webUrl() {
		return "http://127.0.0.1:" + this.webPort + "/";
	}

	/**
	 * @return where one address's mails are listed, as JSON
	 */
	String inboxUrl(String address) {
		return "http://127.0.0.1:" + this.webPort + "/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8)
				+ "/messages/INBOX";
	}

	/**
	 * @param address an e-mail address
	 * @return every mail it received so far, oldest first; none while it received none
	 */
	List<MimeMessage> inbox(String address) {
		String body = get("/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX");
		if (body == null) {
			return List.of(); // no mail yet: GreenMail knows the address from its first
								// mail on
		}
		Session session = Session.getInstance(new Properties());
		List<MimeMessage> messages = new ArrayList<>();
		for (JsonNode message : json.readTree(body)) {
			messages.add(parse(session, message));
		}
		return messages;
	}

	private static MimeMessage parse(Session session, JsonNode message) {
		try {
			byte[] raw = message.get("mimeMessage").asString().getBytes(StandardCharsets.UTF_8);
			return new MimeMessage(session, new ByteArrayInputStream(raw));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("An unreadable mail in the local mailbox", ex);
		}
	}

	private @Nullable String get(String path) {
		try {
			HttpResponse<String> response = http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.webPort + path))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? response.body() : null;
		}
		catch (IOException notYet) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	@Override
	public void close() {
		ChildProcesses.stop(this.process, Duration.ofSeconds(10));
		this.process = null;
	}

}
