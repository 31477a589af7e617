package dev.vestline.billing;

import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Mints time-ordered UUIDv7 ids, so that ordering by id is ordering by creation (keyset
 * pages rely on it).
 */
public final class Ids {

	private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

	private Ids() {
	}

	/**
	 * @return a new UUIDv7
	 */
	public static UUID next() {
		return GENERATOR.generate();
	}

}
