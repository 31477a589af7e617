package dev.vestline.support.web;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The web kit every servlet service shares: request bodies limited before they are
 * buffered; every refusal, down to the container's own, an RFC 9457 problem from one
 * handler, with its type documented at {@code /problems/<slug>}; the 401/403 entry
 * points; the OpenAPI parts every service declares the same way.
 */
// before Boot's MVC configuration, whose problem-details handler backs off for the kit's
@AutoConfiguration(before = { ErrorMvcAutoConfiguration.class, WebMvcAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(BodyLimits.class)
public class WebEdgeAutoConfiguration {

	@Bean
	FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(BodyLimits limits) {
		FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(
				new BodyLimitFilter(limits));
		// before anything that could read the body, right after the event context
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
	ProblemHandler problemHandler() {
		return new ProblemHandler();
	}

	@Bean
	ProblemTypes problemTypes() {
		return ProblemTypes.load();
	}

	@Bean
	ProblemTypePages problemTypePages(ProblemTypes types) {
		return new ProblemTypePages(types);
	}

	@Bean
	@ConditionalOnMissingBean(ErrorController.class)
	ProblemErrorController problemErrorController() {
		return new ProblemErrorController();
	}

	@Bean
	@ConditionalOnClass(RequestRejectedHandler.class)
	@ConditionalOnMissingBean(RequestRejectedHandler.class)
	RequestRejectedHandler requestRejectedProblem() {
		return new RequestRejectedProblem();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HttpSecurity.class)
	static class SecurityEdge {

		@Bean
		@ConditionalOnMissingBean
		ProblemSecurityHandlers problemSecurityHandlers() {
			return new ProblemSecurityHandlers();
		}

		@Bean
		@ConditionalOnMissingBean
		BrowserPages browserPages() {
			return new BrowserPages();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(OpenApiCustomizer.class)
	@EnableConfigurationProperties(ApiDescription.class)
	static class Documentation {

		@Bean
		ApiDocumentation apiDocumentation(ApiDescription description) {
			return new ApiDocumentation(description);
		}

		@Bean
		@ConditionalOnMissingBean
		OpenAPI openApi(ApiDocumentation documentation) {
			return documentation.openApi();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ErrorReportValve.class)
	static class TomcatEdge {

		/**
		 * An encoded slash ({@code %2F}) passes Tomcat, which would refuse it with an
		 * HTML page, and reaches Spring Security's firewall, which refuses it with a
		 * problem ({@link RequestRejectedProblem}); whatever Tomcat still refuses itself
		 * is reported as a problem too ({@link ProblemErrorReportValve}).
		 */
		@Bean
		WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemsFromTomcat() {
			return new WebServerFactoryCustomizer<>() {

				@Override
				public void customize(ConfigurableTomcatWebServerFactory factory) {
					factory.addConnectorCustomizers((connector) -> connector
						.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
					factory.addEngineValves(new ProblemErrorReportValve());
					factory.addContextCustomizers((context) -> {
						if (context.getParent() instanceof StandardHost host) {
							replaceErrorReport(host);
						}
					});
				}

			};
		}

		private static void replaceErrorReport(StandardHost host) {
			Pipeline pipeline = host.getPipeline();
			for (Valve valve : pipeline.getValves()) {
				if (valve instanceof ErrorReportValve) {
					pipeline.removeValve(valve);
				}
			}
			host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			pipeline.addValve(new ProblemErrorReportValve());
		}

	}

}
