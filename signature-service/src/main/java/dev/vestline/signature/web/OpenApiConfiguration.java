package dev.vestline.signature.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Describes the API in {@code /v3/api-docs}: what it is for and how staff authenticate
 * (signers need no header: their link's token is in the path).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI signatureApi() {
		return new OpenAPI()
			.info(new Info().title("Vestline signature service")
				.version("v1")
				.description("Signing workflows for granted approvals: signer links (token in the path) and staff "
						+ "endpoints (JWT bearer). Errors are RFC 9457 problem details."))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
	}

}
