-- test-only tables of the "ledger" service used by the messaging tests
CREATE TABLE account (
    id      text PRIMARY KEY,
    version bigint NOT NULL DEFAULT 0
);

-- deliberately without a unique key: only the inbox stands between a redelivery and a
-- second row here
CREATE TABLE ledger_effect (
    consumer   text   NOT NULL,
    event_id   uuid   NOT NULL,
    account    text   NOT NULL,
    version    bigint NOT NULL,
    note       text   NOT NULL
);
