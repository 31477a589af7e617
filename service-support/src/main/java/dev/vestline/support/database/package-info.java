/**
 * What a service does while its database cannot answer: bounded waits for a connection
 * and for every query, a 503 problem with {@code Retry-After} to callers (answered by the
 * web kit), and a readiness probe that answers down at once.
 */
@NullMarked
package dev.vestline.support.database;

import org.jspecify.annotations.NullMarked;
