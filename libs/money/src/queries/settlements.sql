-- Generated from libs/money/src/settlements.repository.ts by `npm run sql:snapshots`. Do not edit.

-- SettlementsRepository.insertSettlement
INSERT INTO settlement (application_id, spent_czk, lines, report, submitted_at, submitted_by) VALUES ($1, $2, $3, $4, $5, $6);

-- SettlementsRepository.recordReview
UPDATE settlement SET accepted_czk = $2, review_note = $3, return_due_czk = $4, return_due_on = $5, unspent_czk = $6, refused_czk = $7,
                      remedy_due_on = $8, reviewed_at = $9, reviewed_by = $10
 WHERE application_id = $1;

-- SettlementsRepository.insertReturn
INSERT INTO money_return (id, application_id, amount_czk, received_on, reference, ledger_transaction_id, created_at, created_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8);

-- SettlementsRepository.grantReturns
SELECT r.amount_czk, r.received_on::text AS received_on
  FROM money_return r
 WHERE r.application_id = $1
   AND NOT EXISTS (SELECT 1 FROM ledger_transaction v WHERE v.reverses = r.ledger_transaction_id)
   AND NOT EXISTS (SELECT 1 FROM ledger_transaction p WHERE p.id = r.ledger_transaction_id AND p.type = 'penalty_payment')
 ORDER BY r.received_on, r.created_at;

-- SettlementsRepository.view
SELECT a.status, s.spent_czk, s.lines, s.report, a.paid_czk, s.accepted_czk, s.return_due_czk, s.return_due_on::text AS return_due_on,
       k.settlement_due_on::text AS settlement_due_on, s.unspent_czk, s.refused_czk, s.remedy_due_on::text AS remedy_due_on
  FROM settlement s JOIN application a ON a.id = s.application_id JOIN grant_contract k ON k.application_id = s.application_id
 WHERE s.application_id = $1;
