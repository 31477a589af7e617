package dev.vestline.signature.web;

import io.micrometer.common.KeyValue;

import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * Keeps signing-link tokens out of request observations, and so out of trace spans: the
 * default names a request's URL ({@code http.url}) as sent, token and all, where a
 * request matched a route with a {@code {token}}, the route's template takes its place.
 * The low-cardinality {@code uri} tag of {@code http.server.requests} is the template
 * already.
 */
@Component
class LinkTokenObservations extends DefaultServerRequestObservationConvention {

	@Override
	protected KeyValue httpUrl(ServerRequestObservationContext context) {
		String pattern = context.getPathPattern();
		if (pattern != null && pattern.contains("{token}")) {
			return KeyValue.of("http.url", pattern);
		}
		if (context.getCarrier() != null && isSigningPath(context.getCarrier().getRequestURI())) {
			return KeyValue.of("http.url", "UNKNOWN"); // no route of a link's, or none at
														// all
		}
		return super.httpUrl(context);
	}

	/** A path that may carry a token: a link's page, or the signer API. */
	private static boolean isSigningPath(String path) {
		return path.startsWith("/sign/") || path.startsWith("/api/v1/signing/");
	}

}
