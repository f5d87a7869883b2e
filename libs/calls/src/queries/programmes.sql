-- Generated from libs/calls/src/programmes.repository.ts by `npm run sql:snapshots`. Do not edit.

-- ProgrammesRepository.budgetMeasuresOf
SELECT id, amount_czk, reference, reason, created_at FROM budget_measure WHERE programme_id = $1 ORDER BY created_at, id;

-- ProgrammesRepository.allocatedByAnnouncedCalls
SELECT COALESCE(SUM(p.allocation_czk), 0) AS total
  FROM call_part p JOIN call c ON c.id = p.call_id
 WHERE c.programme_id = $1 AND c.status = 'announced';
