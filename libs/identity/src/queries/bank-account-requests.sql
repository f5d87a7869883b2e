-- Generated from libs/identity/src/bank-account-requests.repository.ts by `npm run sql:snapshots`. Do not edit.

-- fragment ${VIEW}
SELECT r.id, r.organisation_id, o.name AS organisation_name, o.ico, r.bank_account, r.previous_bank_account, r.status,
       r.requested_by, q.full_name AS requester_name, r.requested_at, r.decided_by, d.full_name AS decider_name, r.decided_at, r.rejection_reason
  FROM bank_account_request r
  JOIN organisation o ON o.id = r.organisation_id
  JOIN user_account q ON q.id = r.requested_by
  LEFT JOIN user_account d ON d.id = r.decided_by

-- BankAccountRequestsRepository.hasPending
SELECT 1 FROM bank_account_request WHERE organisation_id = $1 AND status = 'pending';

-- BankAccountRequestsRepository.insert
INSERT INTO bank_account_request (id, organisation_id, bank_account, previous_bank_account, status, requested_by, requested_at)
VALUES ($1, $2, $3, $4, 'pending', $5, $6);

-- BankAccountRequestsRepository.lockForDecision
SELECT organisation_id, bank_account, status, requested_by FROM bank_account_request WHERE id = $1 FOR UPDATE;

-- BankAccountRequestsRepository.decide
UPDATE bank_account_request SET status = $2, decided_by = $3, decided_at = $4, rejection_reason = $5 WHERE id = $1 AND status = 'pending';

-- BankAccountRequestsRepository.view
${VIEW} WHERE r.id = $1;

-- BankAccountRequestsRepository.ofOrganisation
${VIEW} WHERE r.organisation_id = $1 ORDER BY r.requested_at DESC, r.id;

-- BankAccountRequestsRepository.page
${VIEW} WHERE $1::text IS NULL OR r.status = $1 ORDER BY r.requested_at, r.id LIMIT $2 OFFSET $3;

-- BankAccountRequestsRepository.page
SELECT count(*) AS n FROM bank_account_request r WHERE $1::text IS NULL OR r.status = $1;
