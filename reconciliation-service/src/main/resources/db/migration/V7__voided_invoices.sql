-- An invoice billing voided (InvoiceVoided): nothing is expected on it any more. The row stays,
-- with what accepted matches brought before the void, so the invariants still add up.
ALTER TABLE invoice ADD COLUMN voided_at timestamptz;
ALTER TABLE invoice ADD COLUMN void_reason text;
ALTER TABLE invoice ADD CONSTRAINT invoice_void_has_reason CHECK ((voided_at IS NULL) = (void_reason IS NULL));
