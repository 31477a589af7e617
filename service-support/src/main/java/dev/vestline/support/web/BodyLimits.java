package dev.vestline.support.web;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code vestline.web.body-limits.*}: the largest request body a service reads, checked
 * before the body is buffered ({@link BodyLimitFilter}).
 *
 * @param defaultLimit the limit of every path without one of its own
 * @param paths limits by path pattern (e.g. {@code "[/api/v1/payments/webhook]": 64KB} or
 * {@code "[/api/v1/bank-statements/**]": 10MB} in YAML); the most specific matching
 * pattern wins
 */
@ConfigurationProperties("vestline.web.body-limits")
public record BodyLimits(@DefaultValue("1MB") DataSize defaultLimit, @DefaultValue Map<String, DataSize> paths) {

}
