-- A deal offers a vehicle's allocation capacity; granted subscriptions reserve against it.
CREATE TABLE deal (
    id          uuid          PRIMARY KEY,
    vehicle_id  uuid          NOT NULL,
    name        text          NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    currency    char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    capacity    numeric(19,2) NOT NULL CHECK (capacity > 0),
    reserved    numeric(19,2) NOT NULL DEFAULT 0,
    created_by  text          NOT NULL,
    created_at  timestamptz   NOT NULL,
    version     bigint        NOT NULL DEFAULT 0,
    -- the last line of defence against oversubscription: whatever the application does,
    -- a reservation beyond capacity (or a release below zero) cannot commit
    CONSTRAINT deal_reserved_within_capacity CHECK (reserved >= 0 AND reserved <= capacity)
);
