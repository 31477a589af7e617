-- Idempotency-Keys move to the store shared by every service (idempotency_record, created by
-- service-support's V0_9_1 before this runs). The old scope text ('POST fee-schedules <caller>')
-- splits into caller and operation; a credit application stays scoped to its invoice. The
-- fingerprint (SHA-256 of the request's JSON) is unchanged, so a key used before still replays.
INSERT INTO idempotency_record (caller, operation, idempotency_key, request_sha256, response_status,
                                response_body, location, etag, created_at)
SELECT parsed.caller, parsed.operation, idempotency_key, request_sha256, response_status, response_body,
       response_location, response_etag, created_at
  FROM idempotent_request
 CROSS JOIN LATERAL (
       SELECT CASE
                  WHEN scope LIKE 'POST fee-schedules %' THEN 'create-fee-schedule'
                  WHEN scope LIKE 'POST invoice-runs %' THEN 'start-invoice-run'
                  WHEN scope ~ '^POST credit-applications [0-9a-f-]{36} ' THEN 'apply-credit:' || substr(scope, 26, 36)
              END AS operation,
              CASE
                  WHEN scope LIKE 'POST fee-schedules %' THEN substr(scope, 20)
                  WHEN scope LIKE 'POST invoice-runs %' THEN substr(scope, 19)
                  WHEN scope ~ '^POST credit-applications [0-9a-f-]{36} ' THEN substr(scope, 63)
              END AS caller) AS parsed
 WHERE response_status IS NOT NULL
   AND parsed.operation IS NOT NULL;

-- An old replica still running during the rollout now fails a keyed create instead of
-- answering it from a store the new replicas no longer read.
DROP TABLE idempotent_request;
