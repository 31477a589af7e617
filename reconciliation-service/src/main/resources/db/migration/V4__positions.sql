-- Per-vehicle unit price; a vehicle without a row is priced at 1.00.
CREATE TABLE vehicle_unit_price (
    vehicle_id uuid          PRIMARY KEY,
    unit_price numeric(19,6) NOT NULL CHECK (unit_price > 0),
    set_by     text          NOT NULL,
    set_at     timestamptz   NOT NULL
);

-- An investor's holding in a vehicle: one per (investor, vehicle), created or grown by one
-- INSERT ... ON CONFLICT DO UPDATE, so concurrent first fundings end in one row.
CREATE TABLE position (
    id          uuid          PRIMARY KEY,
    investor_id text          NOT NULL,
    vehicle_id  uuid          NOT NULL,
    units       numeric(30,8) NOT NULL CHECK (units >= 0),
    cost_basis  numeric(19,2) NOT NULL CHECK (cost_basis >= 0),
    currency    char(3)       NOT NULL,
    version     bigint        NOT NULL DEFAULT 0,
    updated_at  timestamptz   NOT NULL,
    CONSTRAINT position_once_per_investor_and_vehicle UNIQUE (investor_id, vehicle_id)
);

-- Append-only: a reversal adds a REVERSAL movement, nothing is deleted. One movement of each
-- kind per match.
CREATE TABLE position_movement (
    id          uuid          PRIMARY KEY,
    position_id uuid          NOT NULL REFERENCES position (id),
    match_id    uuid          NOT NULL REFERENCES bank_match (id),
    kind        text          NOT NULL CHECK (kind IN ('FUNDING', 'REVERSAL')),
    units_delta numeric(30,8) NOT NULL,
    cost_delta  numeric(19,2) NOT NULL,
    unit_price  numeric(19,6) NOT NULL CHECK (unit_price > 0),
    booked_by   text          NOT NULL,
    booked_at   timestamptz   NOT NULL,
    CONSTRAINT position_movement_once_per_match UNIQUE (match_id, kind),
    CONSTRAINT position_movement_sign CHECK (
        (kind = 'FUNDING' AND units_delta > 0 AND cost_delta > 0)
        OR (kind = 'REVERSAL' AND units_delta < 0 AND cost_delta < 0))
);

CREATE INDEX position_movement_by_position ON position_movement (position_id, booked_at);
