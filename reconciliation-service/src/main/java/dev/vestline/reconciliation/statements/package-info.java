/**
 * Bank statements in: camt.053 and CSV parsing, and importing each bank line once per
 * account and bank reference.
 */
@NullMarked
package dev.vestline.reconciliation.statements;

import org.jspecify.annotations.NullMarked;
