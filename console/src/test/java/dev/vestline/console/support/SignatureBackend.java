package dev.vestline.console.support;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.vestline.testharness.KafkaBroker;
import dev.vestline.testharness.PostgresCluster;
import dev.vestline.testharness.ServiceDatabase;
import dev.vestline.testharness.TopicReader;

/**
 * A real signature-service (its jar, as a process) with what it needs: its schema on the
 * harness's PostgreSQL, a mail server in this JVM (GreenMail) its mails go to, and a
 * Kafka broker of its own. Its own broker because a signature-service reading the
 * approval tests' grants would fail their workflows (their vehicles have no arranger) and
 * approval-service would compensate under those tests' feet; the signing tests forward
 * the grants they mean ({@link SigningArrange#workflow}).
 */
public final class SignatureBackend implements AutoCloseable {

	private final int port;

	private final KafkaBroker kafka;

	private final GreenMail mail;

	private final JarProcess process;

	/** approval-service's grants, read as they come, kept open for the JVM's tests. */
	private final TopicReader approvalEvents;

	private final KafkaProducer<String, byte[]> producer;

	/** The broker the approvals tests (and the console) use. */
	private final String approvalKafka;

	SignatureBackend(int port, String issuer, String approvalKafka) {
		this.port = port;
		this.approvalKafka = approvalKafka;
		PostgresCluster postgres = PostgresCluster.shared();
		ServiceDatabase database = postgres.provision(postgres.createDatabase(), "signature");
		this.kafka = KafkaBroker.start();
		this.mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		this.mail.start();
		this.process = new JarProcess("signature-service",
				JarProcess.jarOf("signature-service", "signature-service-[^-]*(-SNAPSHOT)?\\.jar"));
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("server.port", String.valueOf(port));
		properties.put("server.address", "127.0.0.1");
		properties.put("spring.datasource.url", database.jdbcUrl());
		properties.put("spring.datasource.username", database.username());
		properties.put("spring.datasource.password", database.password());
		properties.put("spring.kafka.bootstrap-servers", this.kafka.bootstrapServers());
		properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer);
		properties.put("spring.security.oauth2.resourceserver.jwt.audiences", "vestline");
		properties.put("spring.mail.host", "127.0.0.1");
		properties.put("spring.mail.port", String.valueOf(this.mail.getSmtp().getPort()));
		properties.put("vestline.mail.poll-interval", "200ms");
		properties.put("vestline.signature.links.public-base-url", url() + "/sign");
		properties.put("vestline.signature.sealing.sweep-interval", "2s");
		this.process.start(properties, URI.create(url() + "/actuator/health/readiness"));
		this.approvalEvents = new TopicReader(approvalKafka, "approval.events");
		this.producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka.bootstrapServers()), new StringSerializer(),
				new ByteArraySerializer());
	}

	/**
	 * Hands the approval's {@code ApprovalGranted} record, as approval-service published
	 * it (headers and all), to signature-service's broker.
	 */
	synchronized void forwardGrant(UUID approvalId) {
		ConsumerRecord<String, byte[]> grant = this.approvalEvents
			.readUntil((records) -> records.stream().anyMatch((r) -> isGrant(r, approvalId)), Duration.ofSeconds(90))
			.stream()
			.filter((r) -> isGrant(r, approvalId))
			.findFirst()
			.orElseThrow();
		try {
			this.producer
				.send(new ProducerRecord<>("approval.events", null, grant.key(), grant.value(), grant.headers()))
				.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not hand the grant to signature-service", ex);
		}
	}

	/**
	 * Hands a workflow's record of this type, as signature-service published it (headers
	 * and all), to the broker the console reads: in production both are one broker.
	 */
	public void forwardToConsole(UUID workflowId, String eventName) {
		try (TopicReader signatureEvents = new TopicReader(this.kafka.bootstrapServers(), "signature.events");
				KafkaProducer<String, byte[]> console = new KafkaProducer<>(
						Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.approvalKafka), new StringSerializer(),
						new ByteArraySerializer())) {
			ConsumerRecord<String, byte[]> record = signatureEvents
				.readUntil((records) -> records.stream().anyMatch((r) -> is(r, workflowId, eventName)),
						Duration.ofSeconds(90))
				.stream()
				.filter((r) -> is(r, workflowId, eventName))
				.findFirst()
				.orElseThrow();
			console.send(new ProducerRecord<>("signature.events", null, record.key(), record.value(), record.headers()))
				.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not hand the record to the console's broker", ex);
		}
	}

	private static boolean is(ConsumerRecord<String, byte[]> record, UUID workflowId, String eventName) {
		Header type = record.headers().lastHeader("ce_type");
		return workflowId.toString().equals(record.key()) && type != null
				&& new String(type.value(), StandardCharsets.UTF_8).contains("." + eventName + ".");
	}

	private static boolean isGrant(ConsumerRecord<String, byte[]> record, UUID approvalId) {
		Header type = record.headers().lastHeader("ce_type");
		return approvalId.toString().equals(record.key()) && type != null
				&& new String(type.value(), StandardCharsets.UTF_8).contains("ApprovalGranted");
	}

	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	/** The mail server signature-service sends to: what each address received. */
	public GreenMail mail() {
		return this.mail;
	}

	/** @see JarProcess#askToStop() */
	void askToStop() {
		this.process.askToStop();
	}

	@Override
	public void close() {
		this.producer.close();
		this.approvalEvents.close();
		this.process.close();
		this.mail.stop();
		this.kafka.close();
	}

}
