-- An invoice run as a resource: started by a person or the nightly schedule, executed in the
-- background by the instance that started it, which holds it by a lease (holder and expiry),
-- renewed after every group it bills. PostgreSQL decides that one run goes at a time (the
-- partial unique index): two clicks, two replicas, the schedule beside a person all get the
-- same run. A run whose lease ran out (its instance died) is failed by any replica and can be
-- started again; its fees stay exactly-once anyway (claimed FOR UPDATE SKIP LOCKED, marked
-- invoiced by a conditional update).
CREATE TABLE invoice_run (
    id               uuid        PRIMARY KEY,
    status           text        NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    started_by       text        NOT NULL,
    started_at       timestamptz NOT NULL,
    finished_at      timestamptz,
    -- the groups (investor, vehicle, currency) of accrued fees it found, once counted
    groups_total     integer     CHECK (groups_total >= 0),
    groups_done      integer     NOT NULL DEFAULT 0 CHECK (groups_done >= 0),
    invoices_issued  integer     NOT NULL DEFAULT 0 CHECK (invoices_issued >= 0),
    fees_invoiced    integer     NOT NULL DEFAULT 0 CHECK (fees_invoiced >= 0),
    holder           text,
    lease_expires_at timestamptz,
    failure          text,
    CONSTRAINT invoice_run_done_within_total CHECK (groups_total IS NULL OR groups_done <= groups_total),
    -- a running run is held; a finished one is not, and says when it finished
    CONSTRAINT invoice_run_held_while_running CHECK (
        (status = 'RUNNING' AND holder IS NOT NULL AND lease_expires_at IS NOT NULL AND finished_at IS NULL)
        OR (status <> 'RUNNING' AND holder IS NULL AND lease_expires_at IS NULL AND finished_at IS NOT NULL)),
    CONSTRAINT invoice_run_failure_says_why CHECK ((status = 'FAILED') = (failure IS NOT NULL))
);

-- one run at a time
CREATE UNIQUE INDEX invoice_run_one_running ON invoice_run ((true)) WHERE status = 'RUNNING';

CREATE INDEX invoice_run_newest_first ON invoice_run (started_at DESC, id DESC);
