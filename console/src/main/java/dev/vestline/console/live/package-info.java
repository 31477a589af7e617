/**
 * Live updates: the console's own read-only Kafka consumer tells the open pages (as
 * server-sent events) that something they show changed; the pages then read it again
 * through the API with the person's token, so the API stays the only source of what a
 * person may see.
 */
@NullMarked
package dev.vestline.console.live;

import org.jspecify.annotations.NullMarked;
