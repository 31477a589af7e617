-- One schema and one role per service; a role has no rights on the other schemas.
-- Run once by the PostgreSQL image on an empty data directory (docker-entrypoint-initdb.d).
-- The passwords are the local example values the compose file passes to the services; the
-- services refuse them under the prod profile.
REVOKE ALL ON SCHEMA public FROM PUBLIC;

CREATE ROLE approval LOGIN PASSWORD 'approval-local';
CREATE SCHEMA approval AUTHORIZATION approval;

CREATE ROLE signature LOGIN PASSWORD 'signature-local';
CREATE SCHEMA signature AUTHORIZATION signature;

CREATE ROLE billing LOGIN PASSWORD 'billing-local';
CREATE SCHEMA billing AUTHORIZATION billing;

CREATE ROLE reconciliation LOGIN PASSWORD 'reconciliation-local';
CREATE SCHEMA reconciliation AUTHORIZATION reconciliation;
