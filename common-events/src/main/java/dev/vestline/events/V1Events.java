package dev.vestline.events;

import java.util.List;

import dev.vestline.events.approval.ApprovalCancellationRequested;
import dev.vestline.events.approval.ApprovalCancelled;
import dev.vestline.events.approval.ApprovalExpired;
import dev.vestline.events.approval.ApprovalGranted;
import dev.vestline.events.approval.ApprovalRejected;
import dev.vestline.events.approval.ApprovalReopened;
import dev.vestline.events.approval.ApprovalRequested;
import dev.vestline.events.approval.ApprovalStepApproved;
import dev.vestline.events.billing.FeeAccrued;
import dev.vestline.events.billing.FeeCancelled;
import dev.vestline.events.billing.InvoiceIssued;
import dev.vestline.events.billing.InvoicePaid;
import dev.vestline.events.billing.InvoiceVoided;
import dev.vestline.events.billing.PaymentRecorded;
import dev.vestline.events.billing.PaymentReversed;
import dev.vestline.events.reconciliation.BankTransactionImported;
import dev.vestline.events.reconciliation.InvoicePaymentReceived;
import dev.vestline.events.reconciliation.InvoicePaymentReversed;
import dev.vestline.events.reconciliation.MatchAccepted;
import dev.vestline.events.reconciliation.MatchReversed;
import dev.vestline.events.reconciliation.PositionUpdated;
import dev.vestline.events.reconciliation.SubscriptionFunded;
import dev.vestline.events.signature.DocumentSigned;
import dev.vestline.events.signature.SignatureDeclined;
import dev.vestline.events.signature.SigningWorkflowCancelled;
import dev.vestline.events.signature.SigningWorkflowCompleted;
import dev.vestline.events.signature.SigningWorkflowCreated;
import dev.vestline.events.signature.SigningWorkflowFailed;

/**
 * The v1 event catalogue of ARCHITECTURE.md, one entry per event record, plus the
 * reversal and void events added beside it (README, "Events added beside the v1
 * catalogue").
 */
final class V1Events {

	private static final String APPROVAL = "approval";

	private static final String SIGNATURE = "signature";

	private static final String BILLING = "billing";

	private static final String RECONCILIATION = "reconciliation";

	static final List<EventType> ALL = List.of(
			// approval.events
			EventType.v1(ApprovalRequested.class, APPROVAL), EventType.v1(ApprovalStepApproved.class, APPROVAL),
			EventType.v1(ApprovalGranted.class, APPROVAL), EventType.v1(ApprovalRejected.class, APPROVAL),
			EventType.v1(ApprovalExpired.class, APPROVAL), EventType.v1(ApprovalReopened.class, APPROVAL),
			EventType.v1(ApprovalCancelled.class, APPROVAL),
			// signature.events
			EventType.v1(SigningWorkflowCreated.class, SIGNATURE), EventType.v1(DocumentSigned.class, SIGNATURE),
			EventType.v1(SignatureDeclined.class, SIGNATURE), EventType.v1(SigningWorkflowCompleted.class, SIGNATURE),
			EventType.v1(SigningWorkflowCancelled.class, SIGNATURE),
			EventType.v1(SigningWorkflowFailed.class, SIGNATURE),
			// billing.events
			EventType.v1(FeeAccrued.class, BILLING), EventType.v1(FeeCancelled.class, BILLING),
			EventType.v1(InvoiceIssued.class, BILLING), EventType.v1(PaymentRecorded.class, BILLING),
			EventType.v1(InvoicePaid.class, BILLING),
			// reconciliation.events
			EventType.v1(BankTransactionImported.class, RECONCILIATION),
			EventType.v1(MatchAccepted.class, RECONCILIATION), EventType.v1(SubscriptionFunded.class, RECONCILIATION),
			EventType.v1(PositionUpdated.class, RECONCILIATION),
			EventType.v1(InvoicePaymentReceived.class, RECONCILIATION),
			// added beside the catalogue (reversals, voids): new types, nothing
			// existing changed
			EventType.v1(PaymentReversed.class, BILLING), EventType.v1(InvoiceVoided.class, BILLING),
			EventType.v1(MatchReversed.class, RECONCILIATION),
			EventType.v1(InvoicePaymentReversed.class, RECONCILIATION),
			// added beside the catalogue so that a granted approval is cancelled only
			// when its signing workflow did not complete
			EventType.v1(ApprovalCancellationRequested.class, APPROVAL));

	private V1Events() {
	}

}
