package dev.vestline.support.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.util.AntPathMatcher;

/**
 * What every service's OpenAPI document says the same way, declared once: the bearer
 * security scheme (not for {@link ApiDescription#publicPaths()}), the {@code Problem}
 * schema of every error answer, and the {@code If-Match} and {@code Idempotency-Key}
 * header parameters, which operations refer to instead of repeating.
 */
class ApiDocumentation implements OpenApiCustomizer {

	private static final String BEARER = "bearer";

	private static final Map<String, Parameter> SHARED_HEADERS = Map.of("If-Match",
			new HeaderParameter().name("If-Match")
				.required(false)
				.description("The ETag of the version the change was decided on, e.g. \"3\". "
						+ "Missing: 428 if-match-required; not an ETag: 400 invalid-request; stale: 412 stale-version.")
				.schema(new StringSchema().example("\"3\"")),
			"Idempotency-Key",
			new HeaderParameter().name("Idempotency-Key")
				.required(false)
				.description("A key of 1 to 255 characters; a retry with the same key and body gets the first "
						+ "answer, the same key with another body 422 idempotency-key-reused.")
				.schema(new StringSchema().maxLength(255)));

	private final ApiDescription description;

	private final AntPathMatcher paths = new AntPathMatcher();

	ApiDocumentation(ApiDescription description) {
		this.description = description;
	}

	OpenAPI openApi() {
		return new OpenAPI().info(new Info().title(this.description.title())
			.version("v1")
			.description((this.description.description() + " Errors are RFC 9457 problem details, each type "
					+ "documented at /problems/{slug}.")
				.strip()));
	}

	@Override
	public void customise(OpenAPI api) {
		Components components = (api.getComponents() != null) ? api.getComponents() : new Components();
		api.components(components);
		components.addSecuritySchemes(BEARER,
				new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme(BEARER).bearerFormat("JWT"));
		components.addSchemas("Problem", problemSchema());
		SHARED_HEADERS.forEach(components::addParameters);
		if (api.getPaths() == null) {
			return;
		}
		api.getPaths().forEach((path, item) -> item.readOperations().forEach((operation) -> {
			shareHeaders(operation);
			operation.security(isPublic(path) ? List.of() : List.of(new SecurityRequirement().addList(BEARER)));
			if (operation.getResponses() != null && operation.getResponses().getDefault() == null) {
				operation.getResponses().setDefault(problemResponse());
			}
		}));
	}

	private void shareHeaders(Operation operation) {
		if (operation.getParameters() == null) {
			return;
		}
		operation.setParameters(operation.getParameters()
			.stream()
			.map((parameter) -> ("header".equals(parameter.getIn()) && SHARED_HEADERS.containsKey(parameter.getName()))
					? new Parameter().$ref("#/components/parameters/" + parameter.getName()) : parameter)
			.toList());
	}

	private boolean isPublic(String path) {
		return this.description.publicPaths().stream().anyMatch((pattern) -> this.paths.match(pattern, path));
	}

	private static ApiResponse problemResponse() {
		return new ApiResponse().description("An RFC 9457 problem")
			.content(new Content().addMediaType("application/problem+json",
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
	}

	@SuppressWarnings("rawtypes")
	private static Schema problemSchema() {
		ObjectSchema error = new ObjectSchema();
		error.addProperty("field", new StringSchema());
		error.addProperty("message", new StringSchema());
		ObjectSchema problem = new ObjectSchema();
		problem.description("RFC 9457 problem details; further properties depend on the type");
		problem.addProperty("type", new StringSchema().format("uri"));
		problem.addProperty("title", new StringSchema());
		problem.addProperty("status", new IntegerSchema());
		problem.addProperty("detail", new StringSchema());
		problem.addProperty("instance", new StringSchema());
		problem.addProperty("errors", new ArraySchema().items(error));
		problem.additionalProperties(Boolean.TRUE);
		return problem;
	}

}
