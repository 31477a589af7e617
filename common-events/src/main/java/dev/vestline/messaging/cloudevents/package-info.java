/**
 * The CloudEvents 1.0 Kafka protocol binding, binary content mode.
 */
@NullMarked
package dev.vestline.messaging.cloudevents;

import org.jspecify.annotations.NullMarked;
