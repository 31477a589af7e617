/**
 * Dead letters for operators: what each consumer group of this service gave up on, and
 * its replay to that group alone once the cause is fixed.
 */
@NullMarked
package dev.vestline.messaging.deadletters;

import org.jspecify.annotations.NullMarked;
