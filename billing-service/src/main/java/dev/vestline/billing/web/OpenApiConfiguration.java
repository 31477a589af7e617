package dev.vestline.billing.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description's header: what the API is and how callers authenticate.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI billingOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Vestline billing")
				.version("v1")
				.description("Fee schedules, fees, invoice runs, invoices, payments, credit and statements. "
						+ "Errors are RFC 9457 problem details. The payment webhook is authenticated by its "
						+ "Vestline-Signature HMAC header instead of a bearer token."))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

}
