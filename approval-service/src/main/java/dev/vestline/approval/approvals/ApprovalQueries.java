package dev.vestline.approval.approvals;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.vestline.approval.web.Caller;
import dev.vestline.events.approval.ApprovalKind;

/**
 * What the API reads: one approval, or a bounded keyset page, newest first.
 */
@Repository
class ApprovalQueries {

	private final JdbcClient jdbc;

	ApprovalQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Approval> find(UUID id) {
		return this.jdbc.sql(ApprovalRows.SELECT + " WHERE a.id = :id")
			.param("id", id)
			.query(ApprovalRows::map)
			.optional();
	}

	/**
	 * Ids are time-ordered UUIDv7, so "after the last id seen" is a stable cursor, and it
	 * stays one under any filter: each page is the next ids below the cursor that match.
	 */
	List<Approval> page(Filter filter, @Nullable UUID after, int limit) {
		return this.jdbc.sql(ApprovalRows.SELECT + """
				 WHERE (CAST(:status AS text) IS NULL OR a.status = CAST(:status AS text))
				   AND (CAST(:deal AS uuid) IS NULL OR a.deal_id = CAST(:deal AS uuid))
				   AND (CAST(:investor AS text) IS NULL OR a.investor_id = CAST(:investor AS text))
				   AND (CAST(:kind AS text) IS NULL OR a.kind = CAST(:kind AS text))
				   AND (CAST(:before AS timestamptz) IS NULL OR a.requested_at < CAST(:before AS timestamptz))
				   AND (CAST(:decider AS text) IS NULL
				        OR (a.status = 'PENDING'
				            AND a.steps[a.decided_steps + 1] = ANY (string_to_array(CAST(:deciderRoles AS text), ','))
				            AND a.investor_id <> CAST(:decider AS text) AND a.requested_by <> CAST(:decider AS text)
				            AND NOT EXISTS (SELECT 1 FROM approval_step s
				                             WHERE s.approval_id = a.id AND s.decided_by = CAST(:decider AS text))))
				   AND (CAST(:after AS uuid) IS NULL OR a.id < CAST(:after AS uuid))
				 ORDER BY a.id DESC
				 LIMIT :limit
				""")
			.param("status", (filter.status() != null) ? filter.status().name() : null)
			.param("deal", filter.deal())
			.param("investor", filter.investor())
			.param("kind", (filter.kind() != null) ? filter.kind().name() : null)
			.param("before", (filter.requestedBefore() != null) ? Timestamp.from(filter.requestedBefore()) : null)
			.param("decider", (filter.decider() != null) ? filter.decider().id() : null)
			.param("deciderRoles", (filter.decider() != null) ? String.join(",", filter.decider().roles()) : null)
			.param("after", after)
			.param("limit", limit)
			.query(ApprovalRows::map)
			.list();
	}

	/**
	 * What a page of approvals is narrowed to; each part left out (null) narrows nothing.
	 *
	 * @param status in this status
	 * @param deal for this deal
	 * @param investor for this investor
	 * @param kind of this kind
	 * @param requestedBefore requested strictly before this instant
	 * @param decider pending, with a current step this person may decide now (the rules
	 * of {@code ApprovalDeciding}, but expiry: an overdue approval is listed until it
	 * expires)
	 */
	record Filter(@Nullable ApprovalStatus status, @Nullable UUID deal, @Nullable String investor,
			@Nullable ApprovalKind kind, @Nullable Instant requestedBefore, @Nullable Caller decider) {
	}

}
