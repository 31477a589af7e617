package dev.vestline.reconciliation.statements;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Test statement files from {@code src/test/resources/statements}, with their
 * {@code ${NAME}} placeholders filled in so that every test imports its own lines.
 */
public final class StatementFiles {

	private StatementFiles() {
	}

	public static byte[] load(String name, Map<String, String> values) {
		try (InputStream in = StatementFiles.class.getResourceAsStream("/statements/" + name)) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			for (var value : values.entrySet()) {
				text = text.replace("${" + value.getKey() + "}", value.getValue());
			}
			return text.getBytes(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static byte[] sample(String account, String prefix, String investor, String rf, String amount1) {
		return load("camt053-several-entries.xml",
				Map.of("ACCOUNT", account, "PREFIX", prefix, "INVESTOR", investor, "RF", rf, "AMOUNT1", amount1));
	}

}
