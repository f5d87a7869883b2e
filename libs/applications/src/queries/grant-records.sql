-- Generated from libs/applications/src/grant-records.repository.ts by `npm run sql:snapshots`. Do not edit.

-- GrantRecordsRepository.recordsOf
SELECT (SELECT json_build_object('contractNumber', k.contract_number, 'signedOn', k.signed_on::text, 'bankAccount', k.bank_account,
                                 'amountCzk', k.amount_czk::text, 'settlementDueOn', k.settlement_due_on::text,
                                 'publicationDueOn', k.publication_due_on::text,
                                 'publishedOn', k.published_on::text, 'url', k.publication_url)
          FROM grant_contract k WHERE k.application_id = $1) AS contract,
       (SELECT json_build_object('spentCzk', s.spent_czk::text, 'lines', s.lines, 'report', s.report, 'submittedAt', s.submitted_at,
                                 'acceptedCzk', s.accepted_czk::text, 'returnDueCzk', s.return_due_czk::text,
                                 'returnDueOn', s.return_due_on::text, 'unspentCzk', s.unspent_czk::text, 'refusedCzk', s.refused_czk::text,
                                 'remedyDueOn', s.remedy_due_on::text,
                                 'reviewNote', s.review_note, 'reviewedAt', s.reviewed_at)
          FROM settlement s WHERE s.application_id = $1) AS settlement;
