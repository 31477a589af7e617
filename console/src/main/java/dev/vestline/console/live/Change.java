package dev.vestline.console.live;

/**
 * That something changed, as the console's consumer read it from a record's CloudEvents
 * headers: on which topic, and which aggregate (the record's {@code ce_subject}, which is
 * also its key). Nothing of the event's payload: pages read what changed again through
 * the API.
 *
 * @param topic the service whose topic it came from: {@code approval}, {@code signature},
 * {@code billing}, {@code reconciliation}
 * @param subject the aggregate id (an approval, a workflow, an invoice or a subscription)
 */
record Change(String topic, String subject) {

}
