-- what the benchmark's consumer applies: one row per event, as a service's handler would
CREATE TABLE bench_effect (
    account  text   NOT NULL,
    sequence bigint NOT NULL
);

-- PostgreSQL's own limit: single-row INSERT, one commit each
CREATE TABLE bench_insert (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payload jsonb NOT NULL
);

-- Debezium's outbox table, with the column names its outbox event router expects
CREATE TABLE dbz_outbox (
    id            uuid  PRIMARY KEY,
    aggregatetype text  NOT NULL,
    aggregateid   text  NOT NULL,
    type          text  NOT NULL,
    payload       jsonb NOT NULL
);
