package dev.vestline.reconciliation.matching;

/**
 * Where a match stands.
 */
public enum MatchStatus {

	/** Proposed, automatically or by hand; waits for an operator. */
	SUGGESTED,

	/** Accepted: the money was booked against its target. */
	ACCEPTED,

	/** Rejected, or superseded by another accepted match of the same bank line. */
	REJECTED,

	/** Accepted once, then undone by reversing movements and events. */
	REVERSED

}
