-- Generated from libs/money/src/payments.repository.ts by `npm run sql:snapshots`. Do not edit.

-- PaymentsRepository.insert
INSERT INTO payment (id, application_id, amount_czk, paid_on, payment_reference, bank_account, ledger_transaction_id, created_at, created_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9);
