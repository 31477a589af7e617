package dev.vestline.reconciliation.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Describes the API in OpenAPI: what it is for and that it takes JWT bearer tokens.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI reconciliationApi() {
		return new OpenAPI()
			.info(new Info().title("Vestline reconciliation")
				.version("v1")
				.description("Bank statements in, matches accepted once, one position per investor and vehicle. "
						+ "Errors are RFC 9457 problem details; mutations of a match take If-Match."))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

}
