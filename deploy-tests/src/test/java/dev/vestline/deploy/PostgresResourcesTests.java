package dev.vestline.deploy;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.vestline.deploy.Overlay.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL on CloudNativePG in every overlay: three instances with the roles and
 * schemas of deploy/postgres/init.sql, no superuser reachable from outside, backups, and
 * each service on the connection that keeps its session (the pooler only for what
 * survives transaction pooling).
 */
class PostgresResourcesTests {

	private static final Pattern SCHEMA = Pattern.compile("CREATE SCHEMA (\\w+) AUTHORIZATION (\\w+);");

	@Test
	void theClusterHasThreeInstancesOneSynchronousAndNoSuperuserAccess() {
		for (Overlay overlay : Rendered.overlays()) {
			Map<String, Object> spec = Tree.map(cluster(overlay).tree(), "spec");
			assertThat(spec.get("instances")).isEqualTo(3);
			assertThat(spec.get("enableSuperuserAccess")).isEqualTo(false);
			assertThat(Tree.at(spec, "postgresql", "synchronous", "number")).isEqualTo(1);
		}
	}

	@Test
	void theClusterHasTheSchemasAndRolesOfTheLocalInitScript() {
		String initSql = Repository.read("deploy/postgres/init.sql");
		Matcher schema = SCHEMA.matcher(initSql);
		int schemas = 0;
		for (Overlay overlay : Rendered.overlays()) {
			Map<String, Object> spec = Tree.map(cluster(overlay).tree(), "spec");
			List<Object> bootstrap = Tree.list(spec, "bootstrap", "initdb", "postInitApplicationSQL");
			assertThat(bootstrap).contains("REVOKE ALL ON SCHEMA public FROM PUBLIC");
			schema.reset();
			while (schema.find()) {
				String name = schema.group(1);
				String owner = schema.group(2);
				assertThat(bootstrap).contains("CREATE ROLE " + owner + " NOLOGIN",
						"CREATE SCHEMA " + name + " AUTHORIZATION " + owner);
				assertThat(Tree.list(spec, "managed", "roles")).as(owner)
					.filteredOn((role) -> owner.equals(Tree.string(role, "name")))
					.singleElement()
					.satisfies((role) -> {
						assertThat(Tree.at(role, "login")).isEqualTo(true);
						assertThat(Tree.string(role, "ensure")).isEqualTo("present");
						assertThat(Tree.string(role, "passwordSecret", "name")).isEqualTo("vestline-db-" + owner);
						assertThat(Tree.at(role, "superuser")).isNotEqualTo(true);
					});
				schemas++;
			}
		}
		assertThat(schemas).isEqualTo(Repository.SERVICES.size() * Overlay.ALL.size());
	}

	@Test
	void everyServiceUsesTheDirectConnectionToItsSchemaAsItsRole() {
		for (Overlay overlay : Rendered.overlays()) {
			for (String service : Repository.SERVICES) {
				String prefix = service.toUpperCase() + "_DB_";
				Map<String, String> environment = Rendered.environment(overlay.one("Deployment", service));
				// the relay's leader lock and dead-letter replay need a session; LISTEN
				// too
				assertThat(environment.get(prefix + "URL"))
					.startsWith("jdbc:postgresql://" + cluster(overlay).name() + "-rw:5432/vestline?currentSchema="
							+ service + "&")
					.contains("sslmode=verify-full")
					.doesNotContain("pooler");
				assertThat(environment).containsEntry(prefix + "USERNAME", service)
					.containsEntry(prefix + "PASSWORD", "secret:vestline-db-" + service + "/password");
			}
		}
	}

	@Test
	void thePoolerPoolsTransactionsForTheClientsThatKeepNoSession() {
		for (Overlay overlay : Rendered.overlays()) {
			Document pooler = overlay.all("Pooler").findFirst().orElseThrow();
			assertThat(Tree.string(pooler.tree(), "spec", "cluster", "name")).isEqualTo(cluster(overlay).name());
			assertThat(Tree.string(pooler.tree(), "spec", "pgbouncer", "poolMode")).isEqualTo("transaction");
			Map<String, Object> admitted = Map.of("vestline.dev/database-client", "pooler");
			assertThat(Tree.list(overlay.one("NetworkPolicy", "postgres-pooler").tree(), "spec", "ingress"))
				.anySatisfy((rule) -> assertThat(Tree.list(rule, "from")).anySatisfy(
						(peer) -> assertThat(Selectors.selects(Tree.map(peer, "podSelector"), admitted)).isTrue()));
			overlay.all("Deployment")
				.forEach((deployment) -> assertThat(Rendered.podLabels(deployment)).as(deployment.name())
					.doesNotContainEntry("vestline.dev/database-client", "pooler"));
		}
	}

	@Test
	void theClusterIsBackedUpEveryNightWithItsWal() {
		for (Overlay overlay : Rendered.overlays()) {
			Document cluster = cluster(overlay);
			assertThat(Tree.string(cluster.tree(), "spec", "backup", "barmanObjectStore", "destinationPath"))
				.startsWith("s3://");
			assertThat(Tree.string(cluster.tree(), "spec", "backup", "retentionPolicy")).isNotBlank();
			assertThat(overlay.all("ScheduledBackup")).singleElement().satisfies((backup) -> {
				assertThat(Tree.string(backup.tree(), "spec", "cluster", "name")).isEqualTo(cluster.name());
				assertThat(Tree.string(backup.tree(), "spec", "method")).isEqualTo("barmanObjectStore");
			});
		}
	}

	private static Document cluster(Overlay overlay) {
		return overlay.all("Cluster").findFirst().orElseThrow();
	}

}
