package dev.vestline.support.json;

import java.math.BigDecimal;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * What every service's JSON input accepts: decimals only written plainly, and no fraction
 * where a whole number is expected ({@code 1.5} basis points is refused, not read as 1).
 */
@AutoConfiguration
@ConditionalOnClass(JsonMapperBuilderCustomizer.class)
public class JsonInputAutoConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictNumbersCustomizer() {
		return (builder) -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.addModule(new SimpleModule("vestline-plain-decimals").addDeserializer(BigDecimal.class,
					new PlainDecimalDeserializer()));
	}

}
