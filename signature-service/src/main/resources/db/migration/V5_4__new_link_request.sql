-- How often "send me a new link" was asked, per link (its SHA-256) and per address asked from,
-- in fixed hourly windows: one count for all replicas, so the limit holds however many there
-- are. Rows older than the previous window are deleted by every replica's housekeeping.
CREATE TABLE new_link_request (
    subject      text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    window_start timestamptz NOT NULL,
    requests     integer     NOT NULL CHECK (requests > 0),
    PRIMARY KEY (subject, window_start)
);

CREATE INDEX new_link_request_window ON new_link_request (window_start);
