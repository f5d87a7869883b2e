-- Generated from libs/core/src/database/database-health.repository.ts by `npm run sql:snapshots`. Do not edit.

-- DatabaseHealthRepository.ping
SELECT 1;
