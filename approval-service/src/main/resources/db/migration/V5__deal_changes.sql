-- Every change an operator made to a deal's name or capacity: who, when, from what to what,
-- and why. Append-only, written in the transaction that changed the deal.
CREATE TABLE deal_change (
    id               bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    deal_id          uuid          NOT NULL REFERENCES deal (id),
    version          bigint        NOT NULL,
    changed_by       text          NOT NULL,
    changed_at       timestamptz   NOT NULL,
    name_before      text          NOT NULL,
    name_after       text          NOT NULL,
    capacity_before  numeric(19,2) NOT NULL,
    capacity_after   numeric(19,2) NOT NULL,
    -- what granted subscriptions held when the capacity changed (never above the new capacity)
    reserved         numeric(19,2) NOT NULL CHECK (reserved <= capacity_after),
    reason           text          CHECK (length(reason) <= 500),
    UNIQUE (deal_id, version)
);

-- The deal list is filtered by vehicle, newest first.
CREATE INDEX deal_by_vehicle ON deal (vehicle_id, id DESC);
