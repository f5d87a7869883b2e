-- Generated from libs/evaluation/src/conflict-declarations.repository.ts by `npm run sql:snapshots`. Do not edit.

-- ConflictDeclarationsRepository.declarationOf
SELECT has_conflict, reason, automatic, declared_at FROM conflict_declaration WHERE application_id = $1 AND member_id = $2;

-- ConflictDeclarationsRepository.save
INSERT INTO conflict_declaration (application_id, member_id, has_conflict, reason, automatic, declared_at)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT ON CONSTRAINT conflict_declaration_pkey
DO UPDATE SET has_conflict = EXCLUDED.has_conflict, reason = EXCLUDED.reason,
              automatic = EXCLUDED.automatic, declared_at = EXCLUDED.declared_at
RETURNING declared_at;
