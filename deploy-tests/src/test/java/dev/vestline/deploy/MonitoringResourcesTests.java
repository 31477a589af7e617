package dev.vestline.deploy;

import java.util.Map;

import dev.vestline.deploy.Overlay.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * prometheus-operator in every overlay: every service's metrics scraped from its
 * management port, and the same alerts as the local Prometheus.
 */
class MonitoringResourcesTests {

	@Test
	void thePrometheusRuleCarriesExactlyTheAlertsOfTheLocalPrometheus() {
		Map<String, Object> alerts = Repository.yaml("deploy/prometheus/alerts.yml");
		for (Overlay overlay : Rendered.overlays()) {
			assertThat(overlay.all("PrometheusRule")).singleElement()
				.satisfies((rule) -> assertThat(Tree.list(rule.tree(), "spec", "groups"))
					.as("deploy/k8s/base/monitoring/prometheusrule.yaml must carry the groups of deploy/prometheus/alerts.yml")
					.isEqualTo(Tree.list(alerts, "groups")));
		}
	}

	@Test
	void everyServiceIsScrapedOnItsManagementPort() {
		for (Overlay overlay : Rendered.overlays()) {
			Document monitor = overlay.all("ServiceMonitor").findFirst().orElseThrow();
			assertThat(Tree.list(monitor.tree(), "spec", "endpoints")).singleElement().satisfies((endpoint) -> {
				assertThat(Tree.string(endpoint, "port")).isEqualTo("management");
				assertThat(Tree.string(endpoint, "path")).isEqualTo("/actuator/prometheus");
			});
			for (String service : Repository.SERVICES) {
				Document kubernetesService = overlay.one("Service", service);
				assertThat(Selectors.selects(Tree.map(monitor.tree(), "spec", "selector"),
						Tree.map(kubernetesService.tree(), "metadata", "labels")))
					.as(service)
					.isTrue();
				assertThat(Tree.list(kubernetesService.tree(), "spec", "ports")).anySatisfy((port) -> {
					assertThat(Tree.string(port, "name")).isEqualTo("management");
					assertThat(Tree.at(port, "port")).isEqualTo(ServicePorts.management(service));
				});
			}
		}
	}

	@Test
	void theConsoleExposesNoMetricsThroughItsService() {
		for (Overlay overlay : Rendered.overlays()) {
			assertThat(Tree.list(overlay.one("Service", Repository.CONSOLE).tree(), "spec", "ports"))
				.as("the console has no metrics; its management port serves the kubelet's probes only")
				.noneSatisfy((port) -> assertThat(Tree.string(port, "name")).isEqualTo("management"));
		}
	}

}
