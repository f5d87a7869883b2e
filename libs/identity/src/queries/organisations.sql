-- Generated from libs/identity/src/organisations.repository.ts by `npm run sql:snapshots`. Do not edit.

-- OrganisationsRepository.existingIds
SELECT id FROM organisation WHERE id = ANY($1::uuid[]);
