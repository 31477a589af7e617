package dev.vestline.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.vestline.testharness.StandaloneKafkaBroker;

/**
 * Runs the whole platform on one machine with no Docker: PostgreSQL (embedded unless
 * {@code VESTLINE_POSTGRES_URL} names a server), a KRaft Kafka broker, the four services
 * as processes of their own on fixed ports, an OpenID Connect provider and a local mail
 * server ({@link LocalMailServer}), every port bound to 127.0.0.1. Ctrl-C stops
 * everything. The state (the embedded database and the broker's data under
 * {@code .vestline/}, or the services' schemas on an existing server) is kept from one
 * run to the next; {@code --fresh} throws both away together ({@link PlatformState}).
 */
public final class LocalPlatform implements AutoCloseable {

	/**
	 * Generous: four services starting at once on a small, busy machine take minutes
	 * (over six at a load average of ~40 on two cores, nine to eleven at ~70).
	 */
	static final Duration START_TIMEOUT = Duration.ofMinutes(20);

	private final PlatformOptions options;

	private final PlatformState state;

	private final PlatformDatabase database;

	private final StandaloneKafkaBroker kafka;

	private final IdentityProviderProcess identity;

	private final LocalMailServer mailbox;

	private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

	private final Map<String, ServiceReplicas> replicas = new LinkedHashMap<>();

	private final List<ServiceProcess> extraInstances = new ArrayList<>();

	private LocalPlatform(PlatformOptions options) {
		this.options = options;
		this.state = PlatformState.prepare(options.home(), options.fresh(), options.postgresUrl() == null);
		this.database = PlatformDatabase.start(options, this.state);
		this.kafka = StandaloneKafkaBroker.start(this.state.kafka(), options.port("kafka"),
				options.port("kafka-controller"));
		this.identity = new IdentityProviderProcess(options.port("identity"), options.repository(),
				options.home().resolve("logs"), ConsoleProcess.url(options.consolePort()));
		this.mailbox = LocalMailServer.start(options.repository(), options.home().resolve("logs"),
				options.port("mail-smtp"), options.port("mail-imap"), options.port("mail-web"));
		for (String service : PlatformOptions.SERVICE_ORDER) {
			Map<String, String> properties = new LinkedHashMap<>(Map.of("spring.datasource.url",
					this.database.provision(service, service + "-local"), "spring.datasource.username", service,
					"spring.datasource.password", service + "-local", "spring.kafka.bootstrap-servers",
					this.kafka.bootstrapServers(), "server.address", "127.0.0.1"));
			properties.putAll(this.identity.serviceProperties());
			properties.put("spring.mail.host", this.mailbox.smtpHost());
			properties.put("spring.mail.port", Integer.toString(this.mailbox.smtpPort()));
			// read only by a service that sends mail (vestline.mail.enabled)
			properties.putAll(this.mailbox.bounceMailbox(service));
			if (service.equals("signature")) {
				properties.put("vestline.signature.links.public-base-url",
						"http://localhost:" + options.port("signature") + "/sign");
			}
			properties.putAll(options.serviceProperties().getOrDefault(service, Map.of()));
			this.replicas.put(service, ServiceReplicas.of(service, options, properties));
			this.services.put(service, this.replicas.get(service).replica(1));
		}
	}

	/**
	 * Starts everything and waits until every service is ready.
	 * @param options ports, paths and the database to use
	 * @return the running platform
	 */
	public static LocalPlatform start(PlatformOptions options) {
		LocalPlatform platform = new LocalPlatform(options);
		try {
			platform.identity.start();
			// replica n of every service at once, then n + 1: a small machine starts four
			// Spring Boot processes in minutes, eight at once may take longer than the
			// timeout (and a rollout starts pods in waves too)
			for (int replica = 1; replica <= options.replicas(); replica++) {
				int wave = replica;
				List<ServiceProcess> starting = platform.replicas.values()
					.stream()
					.map((replicas) -> replicas.start(wave))
					.toList();
				// a thread each: the common pool has one thread on two cores, and would
				// restart a process that exited only once the ones before it are ready
				try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
					CompletableFuture
						.allOf(starting.stream()
							.map((s) -> CompletableFuture
								.runAsync(() -> s.awaitReadyRestartingCrashes(START_TIMEOUT, 2), threads))
							.toArray(CompletableFuture[]::new))
						.join();
				}
			}
			return platform;
		}
		catch (RuntimeException ex) {
			platform.close();
			throw ex;
		}
	}

	/**
	 * @param service e.g. {@code billing}
	 * @return its processes and router ({@code --replicas})
	 */
	ServiceReplicas replicas(String service) {
		return this.replicas.get(service);
	}

	/**
	 * Stops a service gracefully and starts it again, on the same port and schema.
	 * @param service e.g. {@code billing}
	 */
	public void restart(String service) {
		stop(service);
		start(service);
	}

	/**
	 * Stops a service gracefully (SIGTERM); its consumers' records wait on the broker.
	 * @param service e.g. {@code billing}
	 */
	public void stop(String service) {
		this.services.get(service).stop();
	}

	/**
	 * Starts a stopped service again, on the same port and schema, and waits until it is
	 * ready.
	 * @param service e.g. {@code billing}
	 */
	public void start(String service) {
		ServiceProcess process = this.services.get(service);
		process.start();
		process.awaitReady(START_TIMEOUT);
	}

	/**
	 * @param service e.g. {@code billing}
	 * @return its process, for tests that signal it
	 */
	ServiceProcess process(String service) {
		return this.services.get(service);
	}

	/**
	 * Starts a second instance of a service (same jar, schema and broker; its own port
	 * and log) and waits until it is ready; {@link #close()} stops it too.
	 * @param service e.g. {@code billing}
	 * @param port its HTTP port
	 * @return the running instance
	 */
	ServiceProcess startAnotherInstance(String service, int port) {
		ServiceProcess instance = this.services.get(service).anotherInstance(port);
		this.extraInstances.add(instance);
		instance.start();
		instance.awaitReady(START_TIMEOUT);
		return instance;
	}

	/**
	 * @return the broker, for tests that kill and restart it
	 */
	StandaloneKafkaBroker broker() {
		return this.kafka;
	}

	/**
	 * @return the services' base URLs, by name
	 */
	public Map<String, String> baseUrls() {
		Map<String, String> urls = new LinkedHashMap<>();
		this.replicas.forEach((name, replicas) -> urls.put(name, replicas.baseUrl()));
		return urls;
	}

	/**
	 * @param service e.g. {@code signature}
	 * @return the file the service's output goes to
	 */
	public Path log(String service) {
		return this.options.home().resolve("logs").resolve(service + ".log");
	}

	/**
	 * @param service e.g. {@code signature}
	 * @return the files the output of its replicas goes to
	 */
	public List<Path> logs(String service) {
		return this.replicas.get(service).processes().stream().map(ServiceProcess::log).toList();
	}

	/**
	 * @return the local mail server every mail goes to
	 */
	LocalMailServer mailbox() {
		return this.mailbox;
	}

	/**
	 * @return the staff console on the port the identity provider knows, not started
	 */
	ConsoleProcess console() {
		return new ConsoleProcess(this.options.repository(), this.options.home().resolve("logs"),
				this.options.consolePort());
	}

	/**
	 * @return the identity provider's issuer URI
	 */
	String issuer() {
		return this.identity.issuer();
	}

	/**
	 * @return the demo people's password for this run, as they type it on the provider's
	 * login form
	 */
	String password() {
		return this.identity.password();
	}

	/**
	 * @return the broker's bootstrap servers
	 */
	public String bootstrapServers() {
		return this.kafka.bootstrapServers();
	}

	/**
	 * @param subject the caller
	 * @param roles its roles
	 * @return a bearer token the services accept
	 */
	public String token(String subject, String... roles) {
		return this.identity.token(subject, roles);
	}

	@Override
	public void close() {
		this.extraInstances.forEach(ServiceProcess::stop);
		List.copyOf(this.replicas.values()).reversed().forEach(ServiceReplicas::close);
		this.identity.close();
		this.mailbox.close();
		this.kafka.close();
		try {
			this.database.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static void main(String[] args) throws InterruptedException {
		PlatformOptions options = PlatformOptions.parse(args, System.getenv());
		System.out.println("Starting Vestline: PostgreSQL, Kafka and four services (logs in "
				+ options.home().resolve("logs") + ") ...");
		LocalPlatform platform = start(options);
		ConsoleProcess console = platform.console();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("Stopping Vestline ...");
			console.close();
			platform.close();
		}));
		// the router with --replicas, as a Kubernetes Service would be
		console.start(platform.issuer(), platform.baseUrls(), platform.bootstrapServers(), START_TIMEOUT);
		System.out.println(platform.summary());
		System.out.println("  %-15s %s   (the staff console: sign in as one of the people above)%n".formatted("console",
				console.url()));
		if (options.demo()) {
			new LifecycleDemo(platform).run(System.out);
		}
		Thread.currentThread().join();
	}

	private String summary() {
		StringBuilder text = new StringBuilder("\nVestline is running. Ctrl-C stops everything.\n\n");
		this.replicas.forEach((name, replicas) -> text.append("  %-15s %s   (OpenAPI: %s/v3/api-docs)%s%n"
			.formatted(name, replicas.baseUrl(), replicas.baseUrl(), (replicas.processes().size() > 1)
					? "  routed to " + replicas.processes().stream().map(ServiceProcess::baseUrl).toList() : "")));
		text.append("  %-15s %s%n".formatted("kafka", this.kafka.bootstrapServers()));
		text.append("  %-15s %s%n".formatted("postgresql", this.database.jdbcUrl()));
		text.append("  %-15s %s   (every mail the services send; SMTP 127.0.0.1:%d, IMAP :%d)%n".formatted("mailbox",
				this.mailbox.webUrl(), this.mailbox.smtpPort(), this.mailbox.imapPort()));
		text.append("  %-15s %s%n".formatted("state", this.state.kept()
				? "carried on from the last run (./vestline --fresh starts over)" : "new (kept for the next run)"));
		text.append(IdentityProviderSummary.of(this.identity, this.replicas.get("approval").baseUrl()));
		return text.toString();
	}

}
