package dev.vestline.billing.web;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.core.StreamWriteFeature;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Amounts travel as decimal strings ({@code "1250.00"}), never as JSON numbers, which a
 * JavaScript frontend would read as doubles: as in the events and the other services'
 * APIs. The OpenAPI description says so too.
 */
@Configuration(proxyBeanMethods = false)
class DecimalsAsStrings {

	static {
		SpringDocUtils.getConfig()
			.replaceWithSchema(BigDecimal.class, new StringSchema().format("decimal").example("1250.00"));
	}

	@Bean
	JsonMapperBuilderCustomizer decimalStringsCustomizer() {
		return (builder) -> builder.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
			.withConfigOverride(BigDecimal.class,
					(override) -> override.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)));
	}

}
