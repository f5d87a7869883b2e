-- Generated from libs/money/src/money.repository.ts by `npm run sql:snapshots`. Do not edit.

-- MoneyRepository.lockSubject
SELECT a.status, a.organisation_id, a.call_part_id, a.requested_czk, a.awarded_czk, a.paid_czk, a.returned_czk, a.return_due_czk,
       d.resolution_date::text AS resolution_date,
       (SELECT json_build_object('contractNumber', k.contract_number, 'signedOn', k.signed_on::text, 'bankAccount', k.bank_account,
                                 'amountCzk', k.amount_czk::text, 'settlementDueOn', k.settlement_due_on::text, 'publicationDueOn', k.publication_due_on::text, 'publishedOn', k.published_on::text)
          FROM grant_contract k WHERE k.application_id = a.id) AS contract,
       (SELECT json_build_object('spentCzk', s.spent_czk::text, 'returnDueOn', s.return_due_on::text,
                                 'returnDueAtReviewCzk', s.return_due_czk::text, 'reviewedAt', s.reviewed_at,
                                 'acceptedCzk', s.accepted_czk::text, 'unspentCzk', s.unspent_czk::text,
                                 'refusedCzk', s.refused_czk::text, 'remedyDueOn', s.remedy_due_on::text)
          FROM settlement s WHERE s.application_id = a.id) AS settlement,
       ARRAY(SELECT DISTINCT l.category FROM application_budget_line l WHERE l.application_id = a.id) AS budget_categories,
       COALESCE((SELECT k.settlement_due_on FROM grant_contract k WHERE k.application_id = a.id), c.settlement_due_on)::text AS settlement_due_on
  FROM application a
  JOIN call c ON c.id = a.call_id
  LEFT JOIN decision d ON d.application_id = a.id AND d.outcome = 'approved'
 WHERE a.id = $1 AND a.status <> 'draft' AND ($2::uuid IS NULL OR a.organisation_id = $2)
   FOR UPDATE OF a;

-- MoneyRepository.accountBalance
SELECT COALESCE(sum(amount_czk), 0) AS total FROM ledger_entry WHERE account = $1;
