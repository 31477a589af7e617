package dev.vestline.approval.expiry;

import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.vestline.approval.approvals.Approval;
import dev.vestline.approval.approvals.ApprovalEvents;
import dev.vestline.approval.approvals.ApprovalRecorder;
import dev.vestline.approval.audit.AuditEntry;

/**
 * Expires overdue pending approvals in batches. Each batch is claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so replicas share the work instead of repeating it, and
 * a decision holding a row is never waited for; the expiring update is guarded by status
 * and deadline, so a decision that commits first wins.
 */
@Component
public class ApprovalExpiry {

	private final OverdueApprovals overdue;

	private final ApprovalRecorder recorder;

	private final TransactionTemplate transactions;

	private final int batchSize;

	ApprovalExpiry(OverdueApprovals overdue, ApprovalRecorder recorder, TransactionTemplate transactions,
			@Value("${vestline.approval.expiry.batch-size:100}") int batchSize) {
		this.overdue = overdue;
		this.recorder = recorder;
		this.transactions = transactions;
		this.batchSize = batchSize;
	}

	@Scheduled(fixedDelayString = "${vestline.approval.expiry.interval:PT30S}",
			initialDelayString = "${vestline.approval.expiry.interval:PT30S}")
	void scheduled() {
		expireOverdue();
	}

	/**
	 * Runs batches until no overdue approval is left unclaimed.
	 * @return how many approvals this call expired
	 */
	public int expireOverdue() {
		return expireOverdue(this.recorder.now());
	}

	/**
	 * Expires what is overdue as of a moment: the clock of this replica, which may run
	 * ahead of the replica deciding the same approval. The guards hold either way.
	 * @param asOf the moment that decides what is overdue
	 * @return how many approvals this call expired
	 */
	public int expireOverdue(Instant asOf) {
		int total = 0;
		int expired;
		do {
			expired = expireBatch(asOf);
			total += expired;
		}
		while (expired == this.batchSize);
		return total;
	}

	private int expireBatch(Instant now) {
		Integer expired = this.transactions.execute((status) -> {
			List<Approval> claimed = this.overdue.claim(now, this.batchSize);
			int count = 0;
			for (Approval approval : claimed) {
				if (this.overdue.expire(approval, now)) {
					this.recorder.happened(ApprovalEvents.expired(approval, now),
							new AuditEntry(approval.id(), "EXPIRED", "approval-service", now, approval.currentStep(),
									"EXPIRED", "not decided before " + approval.expiresAt()));
					count++;
				}
			}
			return count;
		});
		int count = (expired != null) ? expired : 0;
		this.recorder.metrics().expired(count);
		return count;
	}

}
