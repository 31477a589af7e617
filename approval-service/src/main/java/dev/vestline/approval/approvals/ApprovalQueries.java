package dev.vestline.approval.approvals;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

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

	/** Ids are time-ordered UUIDv7, so "after the last id seen" is a stable cursor. */
	List<Approval> page(@Nullable String status, @Nullable UUID deal, @Nullable String investor, @Nullable UUID after,
			int limit) {
		return this.jdbc.sql(ApprovalRows.SELECT + """
				 WHERE (CAST(:status AS text) IS NULL OR a.status = CAST(:status AS text))
				   AND (CAST(:deal AS uuid) IS NULL OR a.deal_id = CAST(:deal AS uuid))
				   AND (CAST(:investor AS text) IS NULL OR a.investor_id = CAST(:investor AS text))
				   AND (CAST(:after AS uuid) IS NULL OR a.id < CAST(:after AS uuid))
				 ORDER BY a.id DESC
				 LIMIT :limit
				""")
			.param("status", status)
			.param("deal", deal)
			.param("investor", investor)
			.param("after", after)
			.param("limit", limit)
			.query(ApprovalRows::map)
			.list();
	}

}
