package dev.vestline.console.operations;

import org.jspecify.annotations.Nullable;

/**
 * One service on the overview: how it stands, or why the console could not tell.
 *
 * @param service the service
 * @param status its status, absent when it did not answer
 * @param failure what went wrong, in words, when it did not answer
 */
record ServiceCard(Service service, @Nullable ServiceStatus status, @Nullable String failure) {

	static ServiceCard of(Service service, ServiceStatus status) {
		return new ServiceCard(service, status, null);
	}

	static ServiceCard notAnswering(Service service) {
		return new ServiceCard(service, null, service.title()
				+ " service is not answering: the console could not reach it, or it did not answer in time.");
	}

	static ServiceCard failed(Service service, int httpStatus, String title) {
		return new ServiceCard(service, null,
				service.title() + " service answered with an error (" + httpStatus + " " + title + ").");
	}

	/** Whether the card needs a person's attention. */
	public boolean problem() {
		return this.status == null || this.status.broken();
	}

}
