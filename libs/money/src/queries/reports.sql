-- Generated from libs/money/src/reports.repository.ts by `npm run sql:snapshots`. Do not edit.

-- ReportsRepository.readOnly
SET TRANSACTION READ ONLY;

-- ReportsRepository.auditHead
SELECT max(seq)::text AS seq FROM audit_event;

-- ReportsRepository.findCall
SELECT c.id, c.title, p.code AS programme_code, p.name AS programme_name
  FROM call c JOIN programme p ON p.id = c.programme_id
 WHERE c.id = $1 AND c.status = 'announced';

-- ReportsRepository.disbursements
WITH x AS (
  SELECT p.id, 'payment' AS type, p.application_id, p.paid_on AS on_date, p.amount_czk, p.bank_account, p.payment_reference AS reference, p.created_at, t.seq
    FROM payment p LEFT JOIN ledger_transaction t ON t.id = p.ledger_transaction_id
   WHERE ($1::uuid IS NULL OR p.application_id IN (SELECT id FROM application WHERE call_id = $1))
     AND NOT EXISTS (SELECT 1 FROM ledger_transaction v WHERE v.reverses = p.ledger_transaction_id)
  UNION ALL
  SELECT r.id, CASE WHEN t.type = 'penalty_payment' THEN 'penalty' ELSE 'return' END, r.application_id, r.received_on, r.amount_czk, NULL, r.reference, r.created_at, t.seq
    FROM money_return r LEFT JOIN ledger_transaction t ON t.id = r.ledger_transaction_id
   WHERE ($1::uuid IS NULL OR r.application_id IN (SELECT id FROM application WHERE call_id = $1))
     AND NOT EXISTS (SELECT 1 FROM ledger_transaction v WHERE v.reverses = r.ledger_transaction_id)
)
SELECT x.id, x.type, x.application_id, x.on_date::text AS on_date, x.amount_czk, x.bank_account, x.reference,
       a.reference_number, o.name AS organisation_name, o.ico, k.contract_number
  FROM x
  JOIN application a ON a.id = x.application_id
  JOIN organisation o ON o.id = a.organisation_id
  LEFT JOIN grant_contract k ON k.application_id = a.id
 ORDER BY x.on_date, x.created_at, x.seq NULLS LAST, x.id;

-- ReportsRepository.partBalances
SELECT p.call_id, p.code, p.name, p.allocation_czk, p.committed_czk, p.paid_czk, p.returned_czk
  FROM call_part p JOIN call c ON c.id = p.call_id
 WHERE c.status = 'announced' AND ($1::uuid IS NULL OR c.id = $1)
 ORDER BY c.announced_at, c.id, p.code;

-- ReportsRepository.moneyFacts
SELECT a.id, a.reference_number, d.application_id IS NOT NULL AS awarded, a.awarded_czk,
       COALESCE(k.settlement_due_on, c.settlement_due_on)::text AS settlement_due_on,
       CASE WHEN k.application_id IS NULL THEN NULL ELSE
         json_build_object('contractNumber', k.contract_number, 'signedOn', k.signed_on::text, 'bankAccount', k.bank_account,
                           'amountCzk', k.amount_czk::text, 'publishedOn', k.published_on::text) END AS contract,
       COALESCE((SELECT json_agg(json_build_object('amountCzk', p.amount_czk::text, 'paidOn', p.paid_on::text,
                                                   'paymentReference', p.payment_reference, 'bankAccount', p.bank_account)
                                 ORDER BY p.paid_on, p.created_at)
                   FROM payment p WHERE p.application_id = a.id AND NOT EXISTS (SELECT 1 FROM ledger_transaction v WHERE v.reverses = p.ledger_transaction_id)),
                '[]'::json) AS payments,
       s.submitted_at AS settlement_submitted_at, s.spent_czk, s.accepted_czk, s.unspent_czk, s.refused_czk,
       s.remedy_due_on::text AS remedy_due_on,
       COALESCE((SELECT json_agg(json_build_object('amountCzk', r.amount_czk::text, 'receivedOn', r.received_on::text) ORDER BY r.received_on)
                   FROM money_return r JOIN ledger_transaction t ON t.id = r.ledger_transaction_id AND t.type = 'return'
                  WHERE r.application_id = a.id
                    AND NOT EXISTS (SELECT 1 FROM ledger_transaction v WHERE v.reverses = r.ledger_transaction_id)), '[]'::json) AS returns,
       COALESCE((SELECT json_agg(json_build_object('bankAccount', b.bank_account,
                                                   'from', (b.valid_from AT TIME ZONE 'Europe/Prague')::date::text,
                                                   'until', (b.valid_until AT TIME ZONE 'Europe/Prague')::date::text)
                                 ORDER BY b.valid_from, b.id)
                   FROM organisation_bank_account b WHERE b.organisation_id = a.organisation_id), '[]'::json) AS registered_accounts
  FROM application a
  JOIN call c ON c.id = a.call_id
  LEFT JOIN decision d ON d.application_id = a.id AND d.outcome = 'approved'
  LEFT JOIN grant_contract k ON k.application_id = a.id
  LEFT JOIN settlement s ON s.application_id = a.id
 WHERE c.status = 'announced' AND ($1::uuid IS NULL OR a.call_id = $1)
   AND (d.application_id IS NOT NULL OR k.application_id IS NOT NULL
        OR EXISTS (SELECT 1 FROM payment p WHERE p.application_id = a.id)
        OR EXISTS (SELECT 1 FROM money_return r WHERE r.application_id = a.id))
 ORDER BY a.reference_number COLLATE "C", a.id;

-- ReportsRepository.awards
SELECT a.id, a.reference_number, a.title, a.summary, a.requested_czk, d.amount_czk AS awarded_czk, d.resolution_date::text AS resolution_date,
       a.paid_czk, a.returned_czk, a.start_date::text AS start_date, a.end_date::text AS end_date, a.updated_at,
       a.target_groups, a.districts,
       o.ico, o.name AS organisation_name, o.street, o.city, o.postal_code,
       g.code AS programme_code, g.name AS programme_name,
       m.code AS measure_code, m.text AS measure_text, m.position AS measure_position,
       pr.number AS priority_number, pr.name AS priority_name, sa.letter AS sub_area_letter, sa.name AS sub_area_name
  FROM application a
  JOIN decision d ON d.application_id = a.id AND d.outcome = 'approved'
  JOIN call c ON c.id = a.call_id AND c.status = 'announced'
  JOIN programme g ON g.id = c.programme_id
  JOIN organisation o ON o.id = a.organisation_id
  JOIN policy_measure m ON m.code = a.primary_measure_code
  JOIN policy_priority pr ON pr.number = m.priority_number
  JOIN policy_sub_area sa ON sa.priority_number = m.priority_number AND sa.letter = m.sub_area_letter
 WHERE $1::uuid IS NULL OR a.call_id = $1
 ORDER BY a.reference_number COLLATE "C", a.id;
