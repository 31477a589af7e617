/**
 * Benchmarks of Vestline's event path (outbox relay, inbox, end to end) against the peers
 * a user would pick instead and against the raw limits of the machine, in one run.
 */
@NullMarked
package dev.vestline.benchmarks;

import org.jspecify.annotations.NullMarked;
