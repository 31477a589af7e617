package dev.vestline.platform;

import java.util.function.BooleanSupplier;

/**
 * One replica of a service as its router sees it.
 *
 * @param baseUrl where it listens
 * @param serving whether its process runs and is not being stopped
 */
record Replica(String baseUrl, BooleanSupplier serving) {

	static Replica of(ServiceProcess process) {
		return new Replica(process.baseUrl(), process::serving);
	}

}
