package dev.vestline.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden JSON payloads under {@code src/test/resources/golden}, one per event type.
 */
public final class GoldenFiles {

	private GoldenFiles() {
	}

	/**
	 * @param type an event type
	 * @return the classpath location of its golden payload
	 */
	public static String resource(EventType type) {
		return "golden/" + type.service() + "/" + type.name() + ".v" + type.version() + ".json";
	}

	/**
	 * @param type an event type
	 * @return its golden payload, failing the test when there is none
	 */
	public static byte[] read(EventType type) {
		try (InputStream in = GoldenFiles.class.getClassLoader().getResourceAsStream(resource(type))) {
			assertThat(in).as("golden file %s", resource(type)).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
