package dev.vestline.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Registers the {@link EventContextFilter} first in every servlet service.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class EventContextAutoConfiguration {

	@Bean
	FilterRegistrationBean<EventContextFilter> eventContextFilter() {
		FilterRegistrationBean<EventContextFilter> registration = new FilterRegistrationBean<>(
				new EventContextFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
