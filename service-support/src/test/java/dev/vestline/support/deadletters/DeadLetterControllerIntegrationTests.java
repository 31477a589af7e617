package dev.vestline.support.deadletters;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.vestline.messaging.deadletters.DeadLetterTopic;
import dev.vestline.messaging.deadletters.DeadLetters;
import dev.vestline.messaging.outbox.ParkedEvents;
import dev.vestline.support.operations.OperationsAutoConfiguration;
import dev.vestline.support.operations.OperatorActions;
import dev.vestline.support.web.ProblemHandler;
import dev.vestline.testharness.KafkaBroker;
import dev.vestline.testharness.SchemaUnderTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.MediaType;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bad input to the dead-letter API, against a real broker and database: always a 400
 * problem naming the field, never a 5xx, and nothing discarded.
 */
class DeadLetterControllerIntegrationTests {

	static final DeadLetterTopic LEDGER = new DeadLetterTopic("ledger.events", "ledger");

	static SchemaUnderTest schema;

	static KafkaBroker kafka;

	static MockMvc http;

	@BeforeAll
	static void setUp() {
		schema = SchemaUnderTest.create("ledger", "classpath:db/vestline-messaging",
				OperationsAutoConfiguration.MIGRATIONS);
		kafka = KafkaBroker.start();
		DeadLetters deadLetters = new DeadLetters(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), schema.dataSource(),
				() -> Set.of(LEDGER), new SimpleMeterRegistry());
		OperatorActions actions = new OperatorActions(schema.dataSource(), Clock.systemUTC());
		http = MockMvcBuilders
			.standaloneSetup(new DeadLetterController(deadLetters, actions),
					new ParkedEventController(new ParkedEvents(schema.dataSource()), actions,
							new TransactionTemplate(new DataSourceTransactionManager(schema.dataSource()))))
			.setControllerAdvice(new ProblemHandler())
			.build();
	}

	@AfterAll
	static void tearDown() {
		kafka.close();
		schema.close();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', value = { "{\"partition\": 0, \"offset\": -1, \"reason\": \"bug\"} | offset",
			"{\"partition\": -1, \"offset\": 0, \"reason\": \"bug\"} | partition",
			"{\"partition\": 0, \"reason\": \"bug\"} | offset", "{\"offset\": 0, \"reason\": \"bug\"} | partition",
			"{\"partition\": 0, \"offset\": \"first\", \"reason\": \"bug\"} | offset",
			"{\"partition\": 99999999999, \"offset\": 0, \"reason\": \"bug\"} | partition",
			"{\"partition\": 0, \"offset\": 0} | reason",
			"{\"partition\": 0, \"offset\": 0, \"reason\": \" \"} | reason", "[1, 2] | body", "not json | body",
			"null | body" })
	void answersABadDiscardWithAProblemNamingTheField(String body, String field) throws Exception {
		http.perform(post("/api/v1/dead-letters/{dlt}/discard", LEDGER.name()).contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value(field));
	}

	@ParameterizedTest(name = "limit={0}")
	@CsvSource({ "0", "-1", "ten", "100000000000" })
	void answersABadLimitWithAProblemNamingIt(String limit) throws Exception {
		http.perform(get("/api/v1/dead-letters/{dlt}", LEDGER.name()).param("limit", limit))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("limit"));
	}

	@Test
	void listsNoParkedEventsAndAnswersUnknownOnesAndBadInputWithProblems() throws Exception {
		http.perform(get("/api/v1/dead-letters/parked-events"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.parked").value(0));
		http.perform(post("/api/v1/dead-letters/parked-events/{id}/retry", UUID.randomUUID()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		http.perform(post("/api/v1/dead-letters/parked-events/{id}/retry", "not-an-id"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("eventId"));
		http.perform(post("/api/v1/dead-letters/parked-events/{id}/discard", UUID.randomUUID())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
		http.perform(get("/api/v1/dead-letters/parked-events").param("limit", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("limit"));
	}

}
