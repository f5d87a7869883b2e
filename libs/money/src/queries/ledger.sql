-- Generated from libs/money/src/ledger.repository.ts by `npm run sql:snapshots`. Do not edit.

-- LedgerRepository.applicationVisible
SELECT 1 FROM application WHERE id = $1 AND status <> 'draft' AND ($2::uuid IS NULL OR organisation_id = $2);

-- LedgerRepository.linesOf
SELECT t.id, t.type, (SELECT sum(e.amount_czk) FROM ledger_entry e WHERE e.transaction_id = t.id AND e.amount_czk > 0) AS amount,
       t.occurred_on::text AS occurred_on, t.reference, t.reverses, t.created_at
  FROM ledger_transaction t WHERE t.application_id = $1
 ORDER BY t.seq;

-- LedgerRepository.partBudgets
SELECT p.code, p.allocation_czk, p.proposed_czk, p.committed_czk, p.paid_czk, p.returned_czk
  FROM call_part p JOIN call c ON c.id = p.call_id WHERE c.id = $1 ORDER BY p.code;

-- LedgerRepository.unbalancedTransactions
SELECT transaction_id FROM ledger_entry GROUP BY transaction_id HAVING sum(amount_czk) <> 0;

-- LedgerRepository.transactionCount
SELECT count(*) AS n FROM ledger_transaction;

-- LedgerRepository.partsAgainstLedger
WITH l AS (
  SELECT t.call_part_id AS part_id,
         sum(e.amount_czk) FILTER (WHERE e.account = 'part:' || t.call_part_id || ':available') AS available,
         sum(e.amount_czk) FILTER (WHERE e.account LIKE 'part:' || t.call_part_id || ':application:%'
                                    AND split_part(e.account, ':', 5) IN ('committed', 'paid', 'return_due', 'returned')) AS committed,
         sum(e.amount_czk) FILTER (WHERE split_part(e.account, ':', 5) IN ('paid', 'return_due', 'returned')) AS paid,
         sum(e.amount_czk) FILTER (WHERE split_part(e.account, ':', 5) = 'returned') AS returned
    FROM ledger_transaction t JOIN ledger_entry e ON e.transaction_id = t.id
   WHERE t.call_part_id IS NOT NULL
   GROUP BY t.call_part_id
)
SELECT p.id, p.allocation_czk, p.committed_czk, p.paid_czk, p.returned_czk,
       COALESCE(l.available, 0) AS l_available, COALESCE(l.committed, 0) AS l_committed,
       COALESCE(l.paid, 0) AS l_paid, COALESCE(l.returned, 0) AS l_returned
  FROM call_part p JOIN call c ON c.id = p.call_id AND c.status = 'announced'
  LEFT JOIN l ON l.part_id = p.id;

-- LedgerRepository.applicationsAgainstLedger
WITH l AS (
  SELECT t.application_id,
         sum(e.amount_czk) FILTER (WHERE split_part(e.account, ':', 5) IN ('committed', 'paid', 'return_due', 'returned')) AS awarded,
         sum(e.amount_czk) FILTER (WHERE split_part(e.account, ':', 5) IN ('paid', 'return_due', 'returned')) AS paid,
         sum(e.amount_czk) FILTER (WHERE split_part(e.account, ':', 5) = 'returned') AS returned,
         sum(e.amount_czk) FILTER (WHERE split_part(e.account, ':', 5) = 'return_due') AS return_due
    FROM ledger_transaction t JOIN ledger_entry e ON e.transaction_id = t.id
   WHERE t.application_id IS NOT NULL
   GROUP BY t.application_id
)
SELECT a.id, a.awarded_czk, a.paid_czk, a.returned_czk, a.return_due_czk,
       COALESCE(l.awarded, 0) AS l_awarded, COALESCE(l.paid, 0) AS l_paid,
       COALESCE(l.returned, 0) AS l_returned, COALESCE(l.return_due, 0) AS l_return_due
  FROM application a LEFT JOIN l ON l.application_id = a.id
 WHERE a.awarded_czk <> 0 OR a.paid_czk <> 0 OR l.application_id IS NOT NULL;

-- LedgerRepository.applicationOf
SELECT application_id FROM ledger_transaction WHERE id = $1;

-- LedgerRepository.transactionsOf
SELECT t.id, t.type, t.occurred_on::text AS occurred_on, t.reference, t.reverses,
       array_agg(e.account ORDER BY e.id) AS accounts, array_agg(e.amount_czk::text ORDER BY e.id) AS amounts
  FROM ledger_transaction t JOIN ledger_entry e ON e.transaction_id = t.id
 WHERE t.application_id = $1 OR (t.call_part_id = $2 AND t.application_id IS NULL)
 GROUP BY t.id ORDER BY min(t.seq);
