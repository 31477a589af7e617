package dev.vestline.messaging.cloudevents;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One event as it travels: its CloudEvents attributes, the extensions Vestline adds and
 * the JSON payload.
 *
 * @param id {@code ce_id}, a time-ordered UUIDv7 minted when the outbox row was written
 * @param source {@code ce_source}, e.g. {@code /vestline/approval}
 * @param type {@code ce_type}, e.g. {@code dev.vestline.approval.ApprovalGranted.v1}
 * @param subject {@code ce_subject}, the aggregate id, also the record key
 * @param time {@code ce_time}, when the event happened
 * @param dataSchema {@code ce_dataschema}, the JSON Schema of the payload
 * @param correlationId the {@code correlationid} extension
 * @param causationId the {@code causationid} extension
 * @param traceparent the W3C {@code traceparent} header
 * @param data the JSON payload
 */
public record EventEnvelope(UUID id, URI source, String type, String subject, OffsetDateTime time,
		@Nullable URI dataSchema, @Nullable String correlationId, @Nullable String causationId,
		@Nullable String traceparent, byte[] data) {

}
