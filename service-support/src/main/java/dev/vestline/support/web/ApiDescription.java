package dev.vestline.support.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vestline.web.api.*}: what a service's OpenAPI document says about itself; the
 * kit adds what every service shares ({@link ApiDocumentation}).
 *
 * @param title the API's name
 * @param description what it is for, in a sentence or two
 * @param publicPaths path patterns (e.g. {@code /api/v1/signing/**}) of operations that
 * take no bearer token (a signing link's token, a webhook's signature)
 */
@ConfigurationProperties("vestline.web.api")
public record ApiDescription(@DefaultValue("Vestline API") String title, @DefaultValue("") String description,
		@DefaultValue List<String> publicPaths) {

}
