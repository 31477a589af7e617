package dev.vestline.console.support;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.vestline.testharness.FreePorts;
import dev.vestline.testharness.KafkaBroker;
import dev.vestline.testharness.PostgresCluster;
import dev.vestline.testharness.ServiceDatabase;

/**
 * What the console talks to in its tests, once per JVM: the identity provider and a real
 * approval-service (its own jar, as a process; on the harness's real PostgreSQL and a
 * real Kafka broker in this JVM), with the test people. The console's own port is chosen
 * here because the provider must know its redirect URI before the console starts.
 */
public final class Backends {

	/** Everyone's password in the tests' provider. */
	public static final String PASSWORD = "console-test-password-0123456789";

	/**
	 * The test people and their roles: two of compliance, so two can race for one step,
	 * and two of operations, so two can race for one bank line.
	 */
	public static final Map<String, String> PEOPLE = Map.of("carla", "compliance", "cleo", "compliance", "oscar",
			"operations", "bianca", "billing", "ingrid", "investor", "olga", "operations");

	static final String ARRANGER = "console-tests";

	static final String ARRANGER_SECRET = "console-tests-secret-0123456789";

	private static Backends shared;

	private final int consolePort = FreePorts.pick();

	private final int identityPort = FreePorts.pick();

	private final int approvalPort = FreePorts.pick();

	/** Chosen now (the console must know it), used once a signing test needs it. */
	private final int signaturePort = FreePorts.pick();

	/** Chosen now (the console must know it), taken on first use of the URL. */
	private final int reconciliationPort = FreePorts.pick();

	/** Chosen now (the console must know it), taken on first use of the URL. */
	private final int billingPort = FreePorts.pick();

	private final KafkaBroker kafka;

	private final JarProcess identity;

	private final JarProcess approval;

	private @Nullable SignatureBackend signature;

	private @Nullable JarProcess reconciliation;

	/**
	 * Started on the first use of {@link #billingUrl()}: only the billing tests pay for
	 * it.
	 */
	private @Nullable JarProcess billing;

	private @Nullable ServiceDatabase billingDatabase;

	private Backends() {
		PostgresCluster postgres = PostgresCluster.shared();
		ServiceDatabase database = postgres.provision(postgres.createDatabase(), "approval");
		this.kafka = KafkaBroker.start();
		this.identity = new JarProcess("identity-provider",
				JarProcess.jarOf("identity-provider", "identity-provider-.*-exec\\.jar"));
		this.identity.start(identityProperties(), URI.create(issuer() + "/.well-known/openid-configuration"));
		this.approval = new JarProcess("approval-service",
				JarProcess.jarOf("approval-service", "approval-service-[^-]*(-SNAPSHOT)?\\.jar"));
		this.approval.start(serviceProperties(this.approvalPort, database),
				URI.create(approvalUrl() + "/actuator/health/readiness"));
		Runtime.getRuntime().addShutdownHook(new Thread(this::close));
	}

	/**
	 * @return the backends of this JVM, started on first use
	 */
	public static synchronized Backends shared() {
		if (shared == null) {
			shared = new Backends();
		}
		return shared;
	}

	public String issuer() {
		return "http://127.0.0.1:" + this.identityPort;
	}

	public String approvalUrl() {
		return "http://127.0.0.1:" + this.approvalPort;
	}

	/**
	 * @return signature-service, started on first use: the other areas' tests do not wait
	 * for it
	 */
	public synchronized SignatureBackend signature() {
		if (this.signature == null) {
			this.signature = new SignatureBackend(this.signaturePort, issuer(), this.kafka.bootstrapServers());
		}
		return this.signature;
	}

	public String signatureUrl() {
		return signature().url();
	}

	/**
	 * @return arranges signing workflows: approvals granted through approval-service,
	 * their grants handed to signature-service
	 */
	public SigningArrange arrangeSigning() {
		return new SigningArrange(approvalUrl(), signature(), arrange());
	}

	/**
	 * Starts reconciliation-service on first use (its own database on the harness's
	 * PostgreSQL, the same broker), so that tests of other areas do not wait for it.
	 * @return its base URL
	 */
	public synchronized String reconciliationUrl() {
		if (this.reconciliation == null) {
			PostgresCluster postgres = PostgresCluster.shared();
			ServiceDatabase database = postgres.provision(postgres.createDatabase(), "reconciliation");
			JarProcess process = new JarProcess("reconciliation-service",
					JarProcess.jarOf("reconciliation-service", "reconciliation-service-[^-]*(-SNAPSHOT)?\\.jar"));
			process.start(serviceProperties(this.reconciliationPort, database),
					URI.create(reconciliationAddress() + "/actuator/health/readiness"));
			this.reconciliation = process;
		}
		return reconciliationAddress();
	}

	private String reconciliationAddress() {
		return "http://127.0.0.1:" + this.reconciliationPort;
	}

	/** Where the tests publish the events other services would. */
	public String kafkaBootstrapServers() {
		return this.kafka.bootstrapServers();
	}

	/**
	 * @return billing-service's base URL, started (its jar, on its own schema of the
	 * harness's PostgreSQL and this JVM's Kafka) on first use
	 */
	public synchronized String billingUrl() {
		if (this.billing == null) {
			this.billing = startBilling();
		}
		return billingAddress();
	}

	private String billingAddress() {
		return "http://127.0.0.1:" + this.billingPort;
	}

	private JarProcess startBilling() {
		PostgresCluster postgres = PostgresCluster.shared();
		ServiceDatabase database = postgres.provision(postgres.createDatabase(), "billing");
		this.billingDatabase = database;
		JarProcess process = new JarProcess("billing-service",
				JarProcess.jarOf("billing-service", "billing-service-[^-]*(-SNAPSHOT)?\\.jar"));
		Map<String, String> properties = serviceProperties(this.billingPort, database);
		properties.put("vestline.billing.webhook.secret", BillingArrange.WEBHOOK_SECRET);
		// no scheduled runs: a test's invoice run is the only one
		properties.put("vestline.billing.invoices.run-cron", "-");
		properties.put("vestline.billing.management-fees.cron", "-");
		process.start(properties, URI.create(billingAddress() + "/actuator/health/readiness"));
		return process;
	}

	/**
	 * @return billing-service's database (started first), where a test holds an invoice
	 * run mid-way ({@link BillingArrange#holdInvoiceRuns})
	 */
	public synchronized DataSource billingDatabase() {
		billingUrl();
		return java.util.Objects.requireNonNull(this.billingDatabase).dataSource();
	}

	/**
	 * @return arranges fee schedules, signed packs (as signature-service publishes them),
	 * payments and voids through billing-service's public API and its topics
	 */
	public BillingArrange billingArrange() {
		return new BillingArrange(billingUrl(), this.kafka.bootstrapServers(), arrange());
	}

	public int consolePort() {
		return this.consolePort;
	}

	/** The console as a browser reaches it: the same host as the redirect URI. */
	public String consoleUrl() {
		return "http://127.0.0.1:" + this.consolePort;
	}

	/**
	 * @return the console's properties: its port, the provider and the service
	 */
	public Map<String, Object> consoleProperties() {
		return Map.of("server.port", this.consolePort, "spring.security.oauth2.client.provider.vestline.issuer-uri",
				issuer(), "vestline.console.services.approval", approvalUrl(), "vestline.console.services.signature",
				"http://127.0.0.1:" + this.signaturePort, "vestline.console.services.reconciliation",
				reconciliationAddress(), "vestline.console.services.billing", billingAddress());
	}

	/**
	 * @return arranges deals and approvals through the API, with tokens the provider
	 * issues for any person
	 */
	public Arrange arrange() {
		return new Arrange(issuer(), approvalUrl(), ARRANGER, ARRANGER_SECRET);
	}

	/**
	 * @return arranges expected money (the events signature-service would publish) and
	 * bank statements for reconciliation-service, which it starts
	 */
	public ArrangeReconciliation arrangeReconciliation() {
		return new ArrangeReconciliation(reconciliationUrl(), kafkaBootstrapServers(), arrange());
	}

	private Map<String, String> serviceProperties(int port, ServiceDatabase database) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("server.port", String.valueOf(port));
		properties.put("server.address", "127.0.0.1");
		properties.put("spring.datasource.url", database.jdbcUrl());
		properties.put("spring.datasource.username", database.username());
		properties.put("spring.datasource.password", database.password());
		properties.put("spring.kafka.bootstrap-servers", this.kafka.bootstrapServers());
		properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer());
		properties.put("spring.security.oauth2.resourceserver.jwt.audiences", "vestline");
		return properties;
	}

	private Map<String, String> identityProperties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("server.address", "127.0.0.1");
		properties.put("server.port", String.valueOf(this.identityPort));
		properties.put("spring.security.oauth2.authorizationserver.issuer", issuer());
		properties.put("vestline.identity.console-redirect-uris", consoleUrl() + "/login/oauth2/code/vestline");
		properties.put("vestline.identity.console-post-logout-redirect-uris", consoleUrl() + "/signed-out");
		properties.put("vestline.identity.clients." + ARRANGER + ".secret", ARRANGER_SECRET);
		properties.put("vestline.identity.clients." + ARRANGER + ".impersonation", "true");
		PEOPLE.forEach((name, role) -> {
			properties.put("vestline.identity.people." + name + ".password", PASSWORD);
			properties.put("vestline.identity.people." + name + ".roles", role);
		});
		return properties;
	}

	private synchronized void close() {
		// every process asked to stop first, then awaited: their shutdowns overlap
		List<JarProcess> processes = Stream.of(this.reconciliation, this.billing, this.approval, this.identity)
			.filter(Objects::nonNull)
			.toList();
		if (this.signature != null) {
			this.signature.askToStop();
		}
		processes.forEach(JarProcess::askToStop);
		if (this.signature != null) {
			this.signature.close();
		}
		processes.forEach(JarProcess::close);
		this.kafka.close();
	}

}
