package dev.vestline.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vestline.support.security.DevTokens;

/**
 * The dev token issuer of the local platform:
 * {@code GET /token?subject=alice&roles=compliance,operations} answers a bearer token the
 * services accept (HS256 with the example key). Listens on localhost only; production
 * uses a real identity provider.
 */
final class DevTokenIssuer implements AutoCloseable {

	private final HttpServer server;

	private final DevTokens tokens = DevTokens.example();

	DevTokenIssuer(int port) {
		try {
			this.server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The token issuer could not listen on " + port, ex);
		}
		this.server.createContext("/token", this::issue);
		this.server.start();
	}

	String token(String subject, String... roles) {
		return this.tokens.token(subject, roles);
	}

	private void issue(HttpExchange exchange) throws IOException {
		Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
		String subject = query.getOrDefault("subject", "dev");
		String[] roles = query.getOrDefault("roles", "").split(",");
		byte[] body = this.tokens
			.token(subject, Arrays.stream(roles).filter((r) -> !r.isBlank()).toArray(String[]::new))
			.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "text/plain");
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> values = new HashMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				String[] parts = pair.split("=", 2);
				values.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
						(parts.length > 1) ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
			}
		}
		return values;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
