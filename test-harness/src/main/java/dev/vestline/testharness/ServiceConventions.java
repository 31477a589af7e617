package dev.vestline.testharness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every Vestline service must be from its first day, checked against the running
 * service: its own schema holds the messaging tables, it reports liveness, readiness and
 * Prometheus metrics, and its role cannot read another service's schema.
 */
public final class ServiceConventions {

	private ServiceConventions() {
	}

	/**
	 * @param infrastructure the context's infrastructure
	 * @throws Exception when the database cannot be read
	 */
	public static void assertOwnSchemaHoldsOutboxAndInbox(TestInfrastructure infrastructure) throws Exception {
		ServiceDatabase service = infrastructure.service();
		List<String> tables = new ArrayList<>();
		try (Connection connection = service.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(
						"SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")) {
			while (rows.next()) {
				tables.add(rows.getString(1));
			}
			assertThat(connection.getSchema()).isEqualTo(service.schema());
		}
		assertThat(tables).contains("outbox_event", "inbox_event");
	}

	/**
	 * @param port the service's HTTP port
	 * @throws Exception when the service does not answer
	 */
	public static void assertReportsHealthAndMetrics(int port) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		assertThat(get(http, port, "/actuator/health/liveness")).contains("UP");
		assertThat(get(http, port, "/actuator/health/readiness")).contains("UP");
		assertThat(get(http, port, "/actuator/prometheus")).contains("vestline_outbox_backlog",
				"vestline_outbox_oldest_age_seconds");
	}

	/**
	 * @param infrastructure the context's infrastructure
	 */
	public static void assertCannotReadAnotherServicesSchema(TestInfrastructure infrastructure) {
		infrastructure.provision("intruder_target");
		assertThatThrownBy(() -> {
			try (Connection connection = infrastructure.service().dataSource().getConnection();
					Statement statement = connection.createStatement()) {
				statement.executeQuery("SELECT count(*) FROM intruder_target.outbox_event");
			}
		}).isInstanceOf(SQLException.class).hasMessageContaining("permission denied for schema intruder_target");
	}

	private static String get(HttpClient http, int port, String path) throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

}
