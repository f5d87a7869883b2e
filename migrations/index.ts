import { InitialSchema1795758161139 } from './1795758161139-initial-schema';
import { AuditEventAppendOnly1795758200000 } from './1795758200000-audit-event-append-only';
import { ApplicationRole1795758300000 } from './1795758300000-application-role';
import { PolicyMeasures1795758400000 } from './1795758400000-policy-measures';
import { CommissionMember1795760108959 } from './1795760108959-commission-member';
import { AuditAppendFunction1795760900000 } from './1795760900000-audit-append-function';
import { Evaluation1795768854670 } from './1795768854670-evaluation';
import { Money1795772487085 } from './1795772487085-money';
import { LedgerGuarantees1795772500000 } from './1795772500000-ledger-guarantees';
import { LettersWorker1795777745791 } from './1795777745791-letters-worker';
import { LetterSubjectView1795790000000 } from './1795790000000-letter-subject-view';
import { ScoreSheetDrafts1795800000000 } from './1795800000000-score-sheet-drafts';
import { DecisionDeviationReason1795820000000 } from './1795820000000-decision-deviation-reason';
import { BankAccountRequests1795830000000 } from './1795830000000-bank-account-requests';
import { SettlementDeadlines1795840000000 } from './1795840000000-settlement-deadlines';
import { AccountLifecycle1795850000000 } from './1795850000000-account-lifecycle';
import { AuditAppendDefiner1795870000000 } from './1795870000000-audit-append-definer';
import { AuditCheckpoint1795870100000 } from './1795870100000-audit-checkpoint';
import { Resolutions1795900000000 } from './1795900000000-resolutions';
import { ResolutionLineRanking1795901000000 } from './1795901000000-resolution-line-ranking';
import { CallDocuments1795910000000 } from './1795910000000-call-documents';
import { AuditAppendMany1795920000000 } from './1795920000000-audit-append-many';

/** Every migration, in order, as classes (globs break the CLI and bundling). */
export const MIGRATIONS = [
  InitialSchema1795758161139,
  AuditEventAppendOnly1795758200000,
  ApplicationRole1795758300000,
  PolicyMeasures1795758400000,
  CommissionMember1795760108959,
  AuditAppendFunction1795760900000,
  Evaluation1795768854670,
  Money1795772487085,
  LedgerGuarantees1795772500000,
  LettersWorker1795777745791,
  LetterSubjectView1795790000000,
  ScoreSheetDrafts1795800000000,
  DecisionDeviationReason1795820000000,
  BankAccountRequests1795830000000,
  SettlementDeadlines1795840000000,
  AccountLifecycle1795850000000,
  AuditAppendDefiner1795870000000,
  AuditCheckpoint1795870100000,
  Resolutions1795900000000,
  ResolutionLineRanking1795901000000,
  CallDocuments1795910000000,
  AuditAppendMany1795920000000,
];
