-- Signed subscription packs whose vehicle had no fee schedule yet. Creating the schedule
-- accrues their fees and removes them, so a signing is never silently unbilled.
CREATE TABLE unpriced_subscription (
    subscription_id uuid        PRIMARY KEY,
    investor_id     text        NOT NULL,
    vehicle_id      uuid        NOT NULL,
    commitment      numeric     NOT NULL CHECK (commitment >= 0),
    currency        char(3)     NOT NULL,
    signed_at       timestamptz NOT NULL
);
CREATE INDEX unpriced_subscription_by_vehicle ON unpriced_subscription (vehicle_id);
