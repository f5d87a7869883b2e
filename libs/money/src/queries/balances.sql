-- Generated from libs/money/src/balances.repository.ts by `npm run sql:snapshots`. Do not edit.

-- BalancesRepository.propose
WITH v AS (
  SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::text[]) AS v(id, amount, status)
), still AS (
  SELECT a.id, v.amount FROM application a JOIN v ON v.id = a.id AND a.status = v.status
     FOR UPDATE OF a
), changed AS (
  UPDATE application a SET proposed_czk = s.amount, updated_at = now()
    FROM still s
   WHERE a.id = s.id AND a.proposed_czk IS DISTINCT FROM s.amount
     AND (SELECT count(*) FROM still) = (SELECT count(*) FROM v)
)
SELECT v.id FROM v WHERE v.id NOT IN (SELECT id FROM still);

-- BalancesRepository.propose
UPDATE call_part p SET proposed_czk = v.amount FROM unnest($1::uuid[], $2::bigint[]) AS v(id, amount) WHERE p.id = v.id;

-- BalancesRepository.dropProposals
UPDATE application SET proposed_czk = NULL, updated_at = now() WHERE id = ANY($1::uuid[]) AND proposed_czk IS NOT NULL;

-- BalancesRepository.withdrawProposal
UPDATE application SET proposed_czk = NULL, updated_at = now() WHERE id = $1;

-- BalancesRepository.withdrawProposal
UPDATE call_part SET proposed_czk = proposed_czk - $2 WHERE id = $1;

-- BalancesRepository.recountProposals
UPDATE call_part p
   SET proposed_czk = COALESCE((SELECT sum(a.proposed_czk) FROM application a WHERE a.call_part_id = p.id), 0)
 WHERE p.call_id = $1;

-- BalancesRepository.paid
UPDATE application SET paid_czk = paid_czk + $2, updated_at = now() WHERE id = $1;

-- BalancesRepository.paid
UPDATE call_part SET paid_czk = paid_czk + $2 WHERE id = $1;

-- BalancesRepository.reviewed
UPDATE call_part SET committed_czk = committed_czk - $2 WHERE id = $1;

-- BalancesRepository.reviewed
UPDATE application SET awarded_czk = awarded_czk - $2, return_due_czk = $3, updated_at = now() WHERE id = $1;

-- BalancesRepository.returned
UPDATE application SET returned_czk = returned_czk + $2, return_due_czk = return_due_czk - $3, updated_at = now() WHERE id = $1;

-- BalancesRepository.returned
UPDATE call_part SET returned_czk = returned_czk + $2 WHERE id = $1;

-- BalancesRepository.recomputed
UPDATE application SET paid_czk = $2, returned_czk = $3, return_due_czk = $4, updated_at = now() WHERE id = $1;

-- BalancesRepository.recomputed
UPDATE call_part SET paid_czk = paid_czk + $2, returned_czk = returned_czk + $3 WHERE id = $1;
