-- Idempotency-Keys move to the store shared by every service (idempotency_record, created by
-- service-support's V0_9_1 before this runs). Same scoping (caller, operation) and the same
-- fingerprint (SHA-256 of the request's bytes), so a key used before still replays.
INSERT INTO idempotency_record (caller, operation, idempotency_key, request_sha256, response_status,
                                response_body, location, etag, created_at)
SELECT caller, operation, idempotency_key, request_sha256, response_status, response_body, location, etag,
       created_at
  FROM idempotency_key
 -- 0 marked a key whose response was not stored yet; a committed row never has it
 WHERE response_status BETWEEN 100 AND 599;

-- An old replica still running during the rollout now fails a keyed create instead of
-- answering it from a store the new replicas no longer read.
DROP TABLE idempotency_key;
