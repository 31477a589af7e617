package dev.vestline.support.consistency;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * A service's invariants as the operations status reads them: each one's violations,
 * counted now on one snapshot, which must all be 0. The shared {@link ConsistencyCheck}
 * is one; a service with a check of its own (reconciliation's) declares its as another.
 */
public interface Invariants {

	/**
	 * @return the rows breaking each invariant, by the invariant's name
	 */
	Map<String, Long> countViolations();

	/**
	 * @param violations each invariant's violations
	 * @return "every invariant holds", or the broken ones with their counts, for the
	 * audit
	 */
	static String inWords(Map<String, Long> violations) {
		String broken = violations.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() != 0)
			.map((entry) -> entry.getKey() + ": " + entry.getValue())
			.collect(Collectors.joining(", "));
		return broken.isEmpty() ? "every invariant holds" : "broken: " + broken;
	}

}
