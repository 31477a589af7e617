package dev.vestline.events;

import java.util.List;

/**
 * The v1 event catalogue of ARCHITECTURE.md, one entry per event record.
 */
final class V1Events {

	static final List<EventType> ALL = List.of();

	private V1Events() {
	}

}
