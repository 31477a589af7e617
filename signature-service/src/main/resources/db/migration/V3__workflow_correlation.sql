-- The correlation id of the flow that opened a workflow (the grant's), carried by every
-- event the workflow publishes later, whatever request causes it.
ALTER TABLE signing_workflow ADD COLUMN correlation_id text;
