-- Generated from libs/money/src/contracts.repository.ts by `npm run sql:snapshots`. Do not edit.

-- ContractsRepository.insert
INSERT INTO grant_contract (application_id, contract_number, signed_on, bank_account, amount_czk, publication_due_on, settlement_due_on, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8);

-- ContractsRepository.publish
UPDATE grant_contract SET published_on = $2, publication_url = $3 WHERE application_id = $1;

-- ContractsRepository.setSettlementDueOn
UPDATE grant_contract SET settlement_due_on = $2 WHERE application_id = $1;

-- ContractsRepository.view
SELECT contract_number, signed_on::text AS signed_on, bank_account, amount_czk, settlement_due_on::text AS settlement_due_on,
       publication_due_on::text AS publication_due_on,
       published_on::text AS published_on, publication_url
  FROM grant_contract WHERE application_id = $1;
