-- Generated from libs/identity/src/organisations.repository.ts by `npm run sql:snapshots`. Do not edit.

-- OrganisationsRepository.insert
INSERT INTO organisation_bank_account (organisation_id, bank_account, valid_from) VALUES ($1, $2, $3);

-- OrganisationsRepository.existingIds
SELECT id FROM organisation WHERE id = ANY($1::uuid[]);

-- OrganisationsRepository.lockForUpdate
SELECT id, name, ico, bank_account FROM organisation WHERE id = $1 FOR UPDATE;

-- OrganisationsRepository.registeredAccountForShare
SELECT bank_account FROM organisation WHERE id = $1 FOR SHARE;

-- OrganisationsRepository.changeBankAccount
UPDATE organisation_bank_account SET valid_until = $2 WHERE organisation_id = $1 AND valid_until IS NULL;

-- OrganisationsRepository.changeBankAccount
INSERT INTO organisation_bank_account (organisation_id, bank_account, valid_from, request_id) VALUES ($1, $2, $3, $4);

-- OrganisationsRepository.changeBankAccount
UPDATE organisation SET bank_account = $2 WHERE id = $1;
