-- A granted approval is no longer cancelled at once: its signing workflow may already have
-- completed (the subscription pack signed, its fee accrued). Cancelling it asks the
-- signature service first; meanwhile the approval is CANCELLING and keeps its reservation.
-- The workflow's outcome decides: cancelled or failed, and the approval is CANCELLED and
-- the capacity released; completed, and it is EXECUTED and the cancellation refused.
ALTER TABLE approval
    ADD COLUMN cancel_requested_by text,
    ADD COLUMN cancel_requested_at timestamptz,
    ADD COLUMN cancel_reason       text;

ALTER TABLE approval DROP CONSTRAINT approval_status_check;
ALTER TABLE approval ADD CONSTRAINT approval_status_check CHECK (status IN ('PENDING', 'GRANTED', 'CANCELLING',
    'EXECUTED', 'REJECTED', 'EXPIRED', 'CANCELLED'));

ALTER TABLE approval DROP CONSTRAINT approval_granted_is_complete;
ALTER TABLE approval ADD CONSTRAINT approval_granted_is_complete CHECK (
    status NOT IN ('GRANTED', 'CANCELLING', 'EXECUTED')
    OR (decided_steps = cardinality(steps) AND granted_by IS NOT NULL AND granted_at IS NOT NULL));

-- a cancelling subscription still holds its amount: the signing may have completed
ALTER TABLE approval DROP CONSTRAINT approval_reservation_while_granted;
ALTER TABLE approval ADD CONSTRAINT approval_reservation_while_granted CHECK (
    CASE WHEN kind = 'SUBSCRIPTION' AND status IN ('GRANTED', 'CANCELLING', 'EXECUTED') THEN reserved_amount = amount
         ELSE reserved_amount IS NULL END);

-- who asked for the cancellation, when and why: kept after the outcome (a refused
-- cancellation stays visible on the executed approval)
ALTER TABLE approval ADD CONSTRAINT approval_cancel_request_complete CHECK (
    (cancel_requested_by IS NULL) = (cancel_requested_at IS NULL)
    AND (cancel_requested_by IS NULL) = (cancel_reason IS NULL)
    AND (status <> 'CANCELLING' OR cancel_requested_by IS NOT NULL));

-- CANCELLING is still open: it may yet become EXECUTED
DROP INDEX approval_one_open_per_deal_investor_kind;
CREATE UNIQUE INDEX approval_one_open_per_deal_investor_kind
    ON approval (deal_id, investor_id, kind) WHERE status IN ('PENDING', 'GRANTED', 'CANCELLING');

-- A subscription id names one subscription: billing accrues its fees and reconciliation
-- expects its money by this id, so a second approval with it would never be billed.
-- (Fails on a database that already holds duplicates; find them with
-- SELECT subscription_id FROM approval GROUP BY 1 HAVING count(*) > 1.)
CREATE UNIQUE INDEX approval_one_per_subscription ON approval (subscription_id);
