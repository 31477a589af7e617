/**
 * The local platform: PostgreSQL, a KRaft broker, the four services as processes of their
 * own, and the dev token issuer, started and stopped with one command.
 */
@NullMarked
package dev.vestline.platform;

import org.jspecify.annotations.NullMarked;
