-- What operators did through the API (dead letters replayed or discarded, parked events
-- retried or discarded, mails re-sent, checks run): who, what, to what, why, when.
-- Written in the transaction (or right after the step) of the action itself; never
-- changed, never deleted. The identity gives the newest-first keyset order.
CREATE TABLE operator_action (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    taken_at   timestamptz NOT NULL,
    actor      text NOT NULL CHECK (length(actor) BETWEEN 1 AND 200),
    actor_name text CHECK (actor_name IS NULL OR length(actor_name) <= 200),
    action     text NOT NULL CHECK (action ~ '^[a-z-]+\.[a-z-]+$'),
    target     text NOT NULL CHECK (length(target) BETWEEN 1 AND 500),
    reason     text CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 1000),
    outcome    text NOT NULL CHECK (length(outcome) <= 1000)
);
