-- Why auto-matching suggested nothing for a bank line ("ambiguous: fits subscription ... and
-- subscription ...", "nothing expected fits"), shown to operators on the line; NULL once it has
-- a suggestion. Texts of a line are bounded at import (ISO 20022 lengths), so no value here
-- or in the unique index on (account_id, bank_reference) can outgrow a page.
ALTER TABLE bank_transaction ADD COLUMN no_suggestion_reason text;
