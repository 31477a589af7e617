package dev.vestline.console.live;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.annotation.KafkaListener;

/**
 * The console's own consumer of the four services' topics (read-only: it never produces,
 * and commits no offsets: a new instance starts at the latest records). A record says
 * only which aggregate changed ({@code ce_subject}, the record key as well); the payload
 * is not read, so nothing of it can reach a page.
 */
class ServiceEventsListener {

	static final String ID = "vestline-console-live";

	private static final String SUFFIX = ".events";

	private final Watchers watchers;

	private final String groupId;

	ServiceEventsListener(Watchers watchers, String groupId) {
		this.watchers = watchers;
		this.groupId = groupId;
	}

	/**
	 * @return this instance's consumer group: each instance reads every record, since the
	 * pages it serves are its own
	 */
	public String groupId() {
		return this.groupId;
	}

	@KafkaListener(id = ID, groupId = "#{__listener.groupId()}",
			topics = { "approval.events", "signature.events", "billing.events", "reconciliation.events" },
			containerFactory = "liveListenerContainerFactory", properties = "auto.offset.reset=latest")
	void on(ConsumerRecord<String, String> record) {
		String subject = subject(record);
		if (subject != null && record.topic().endsWith(SUFFIX)) {
			String topic = record.topic().substring(0, record.topic().length() - SUFFIX.length());
			this.watchers.changed(new Change(topic, subject));
		}
	}

	/**
	 * CloudEvents binary mode: {@code ce_subject}; the key where a producer gave none.
	 */
	private static @Nullable String subject(ConsumerRecord<String, String> record) {
		Header subject = record.headers().lastHeader("ce_subject");
		return (subject != null) ? new String(subject.value(), StandardCharsets.UTF_8) : record.key();
	}

}
