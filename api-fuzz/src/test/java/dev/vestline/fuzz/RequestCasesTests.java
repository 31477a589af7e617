package dev.vestline.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class RequestCasesTests {

	private static final String DOCUMENT = """
			{"openapi": "3.1.0",
			 "paths": {"/api/v1/deals/{id}": {"put": {
			   "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}},
			                  {"name": "If-Match", "in": "header", "required": true, "schema": {"type": "string"}}],
			   "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Deal"}}}}}}},
			 "components": {"schemas": {
			   "Deal": {"allOf": [{"$ref": "#/components/schemas/Named"},
			                      {"type": "object", "properties": {"capacity": {"type": ["integer", "null"], "format": "int64"},
			                                                        "terms": {"$ref": "#/components/schemas/Terms"}}}]},
			   "Named": {"type": "object", "properties": {"name": {"type": "string"}}},
			   "Terms": {"type": "object", "properties": {"feeBps": {"type": "integer"}}}}}}
			""";

	private final OpenApiDocument document = new OpenApiDocument(JsonMapper.builder().build().readTree(DOCUMENT));

	private final List<FuzzRequest> cases = new RequestCases(this.document, new Access("allowed", "wrong"), Map.of(),
			Map.of())
		.of(this.document.operations().get(0));

	@Test
	void startsFromABaselineWithPlausibleValuesFromReferencesAllOfsAndTypeArrays() {
		FuzzRequest baseline = this.cases.get(0);
		assertThat(baseline.method()).isEqualTo("PUT");
		assertThat(baseline.path()).isEqualTo("/api/v1/deals/" + SchemaExamples.UUID);
		assertThat(baseline.headers()).containsEntry("Authorization", "Bearer allowed")
			.containsEntry("If-Match", "\"0\"")
			.containsEntry("Content-Type", "application/json");
		assertThat(body(baseline)).isEqualTo("{\"name\":\"fuzz-name\",\"capacity\":1,\"terms\":{\"feeBps\":1}}");
	}

	@Test
	void makesEachFieldNestedOnesTooMissingNullAbsurdOrOverlong() {
		assertThat(bodyOf("body.capacity = 1e400 as application/json")).contains("\"capacity\":1e400");
		assertThat(bodyOf("body.capacity = 1.5 as application/json")).contains("\"capacity\":1.5");
		assertThat(bodyOf("body.terms.feeBps = 9223372036854775808 as application/json"))
			.contains("\"feeBps\":9223372036854775808");
		assertThat(bodyOf("body.terms.feeBps missing as application/json")).contains("\"terms\":{}");
		assertThat(bodyOf("body.name = null as application/json")).contains("\"name\":null");
		assertThat(bodyOf("body.name = 3000 chars as application/json")).hasSizeGreaterThan(3_000);
		assertThat(bodyOf("body.name = {} (wrong type) as application/json")).contains("\"name\":{}");
		assertThat(bodyOf("unknown field as application/json")).contains("\"unexpectedField\"");
		assertThat(bodyOf("body = {\"unterminated\":  as application/json")).isEqualTo("{\"unterminated\": ");
	}

	@Test
	void sendsPathValuesAsTheyAreSoAnEncodedSlashReachesTheServer() {
		assertThat(request("path id = %2F").path()).isEqualTo("/api/v1/deals/%2F");
		assertThat(request("path id = not-a-uuid").path()).isEqualTo("/api/v1/deals/not-a-uuid");
		assertThat(request("header If-Match missing").headers()).doesNotContainKey("If-Match");
	}

	@Test
	void sendsTheBaselineWithoutATokenWithAWrongRoleAndWithAForgedOne() {
		assertThat(request("no token").headers()).doesNotContainKey("Authorization");
		assertThat(request("token of a wrong role").headers()).containsEntry("Authorization", "Bearer wrong");
		assertThat(request("forged token").headers()).containsEntry("Authorization", "Bearer not.a.token");
		assertThat(request("no Content-Type").headers()).doesNotContainKey("Content-Type");
	}

	@Test
	void generatesTheSameRequestsEveryTime() {
		List<FuzzRequest> again = new RequestCases(this.document, new Access("allowed", "wrong"), Map.of(), Map.of())
			.of(this.document.operations().get(0));
		assertThat(again.stream().map(FuzzRequest::describe))
			.containsExactlyElementsOf(this.cases.stream().map(FuzzRequest::describe).toList());
	}

	private FuzzRequest request(String mutation) {
		return this.cases.stream()
			.filter((request) -> request.mutation().equals(mutation))
			.findFirst()
			.orElseThrow(() -> new AssertionError(
					"no case " + mutation + " among " + this.cases.stream().map(FuzzRequest::mutation).toList()));
	}

	private String bodyOf(String mutation) {
		return body(request(mutation));
	}

	private static String body(FuzzRequest request) {
		return new String(request.body(), StandardCharsets.UTF_8);
	}

}
