package dev.vestline.platform;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * What operations staff read from each service, with the role each one asks for, on a
 * flow's correlation id.
 */
final class StaffReads {

	private final ApiClient client;

	private final LocalPlatform platform;

	StaffReads(LocalPlatform platform, Map<String, String> baseUrls, String correlationId) {
		this.platform = platform;
		this.client = new ApiClient(baseUrls, correlationId);
	}

	JsonNode get(String service, String path) {
		return call(service, "GET", path).ok().body();
	}

	JsonNode post(String service, String path) {
		return call(service, "POST", path).ok().body();
	}

	String text(String service, String path) {
		return call(service, "GET", path).ok().text();
	}

	ApiClient.Call call(String service, String method, String path) {
		return this.client.call(service, method, path)
			.as(this.platform.token("tess", "operations", "billing", "compliance"));
	}

}
