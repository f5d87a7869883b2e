-- Generated from libs/money/src/ledger-writer.repository.ts by `npm run sql:snapshots`. Do not edit.

-- LedgerWriter.post
WITH posted AS (
  INSERT INTO ledger_transaction (id, type, occurred_on, reference, reverses, programme_id, call_part_id, application_id, created_at, created_by)
  VALUES ($1::uuid, $2, $3::date, $4, $5::uuid, $6::uuid, $7::uuid, $8::uuid, $9::timestamptz, $10::uuid)
  RETURNING id
)
INSERT INTO ledger_entry (transaction_id, account, amount_czk)
SELECT posted.id, e.account, e.amount FROM posted, unnest($11::text[], $12::bigint[]) AS e(account, amount);
