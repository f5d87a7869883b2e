import { GovIcon, GovMessage } from '@gov-design-system-ce/react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { InstantText, Loading, QueryError } from '../../components/Display';
import { Score, SpreadFlag } from './evaluation-ui';
import { usePeerScores, type Call, type MyEvaluation } from './queries';

/**
 * Step 3: the other members' sheets — requested only when the API says the member may read
 * them (their own sheet is in and they have no conflict); until then, only why they are hidden.
 */
export function PeerScoresSection({ applicationId, call, mine }: { applicationId: string; call: Call; mine: MyEvaluation }) {
  const { t } = useTranslation('commission');
  const { user } = useSession();
  const scores = usePeerScores(applicationId, mine.mayReadScores);

  if (!mine.mayReadScores) {
    const conflicted = mine.automaticConflict || mine.declaration?.hasConflict === true;
    return (
      <GovMessage color="primary" type="subtle">
        <p className="hidden-note">
          <span aria-hidden="true">
            <GovIcon name="eye" type="components" />
          </span>
          {conflicted ? t('peers.hiddenConflict') : t('peers.hiddenUntilYours')}
        </p>
      </GovMessage>
    );
  }
  if (scores.isPending) return <Loading />;
  if (scores.isError) return <QueryError error={scores.error} onRetry={() => void scores.refetch()} />;

  const { sheets, averageScore, scorers, spread, spreadFlagged } = scores.data;
  return (
    <>
      <dl className="facts">
        <dt>{t('peers.average')}</dt>
        <dd>
          <Score value={averageScore} />
        </dd>
        <dt>{t('peers.scorers')}</dt>
        <dd>{t('peers.scorersOf', { n: scorers, quorum: call.quorum })}</dd>
        <dt>{t('peers.spread')}</dt>
        <dd>
          <SpreadFlag spread={spread} flagged={spreadFlagged} />
        </dd>
      </dl>
      <div className="table-wrap">
        <table className="data">
          <caption>{t('peers.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('peers.member')}</th>
              {call.criteria.map((c) => (
                <th key={c.code} scope="col" className="number nowrap">
                  <abbr title={c.name}>{c.code}</abbr> <span className="muted">/ {c.maxPoints}</span>
                </th>
              ))}
              <th scope="col" className="number">
                {t('peers.total')}
              </th>
              <th scope="col">{t('peers.comment')}</th>
              <th scope="col">{t('peers.submittedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {sheets.map((sheet) => (
              <tr key={sheet.memberId}>
                <th scope="row">
                  {sheet.memberName}
                  {sheet.memberId === user?.id && <> ({t('peers.you')})</>}
                  {sheet.memberRemoved && <span className="muted"> ({t('peers.memberRemoved')})</span>}
                </th>
                {call.criteria.map((c) => (
                  <td key={c.code} className="number">
                    {sheet.points.find((p) => p.criterionCode === c.code)?.points ?? '—'}
                  </td>
                ))}
                <td className="number">
                  <strong>{sheet.totalPoints}</strong>
                </td>
                <td>{sheet.comment || '—'}</td>
                <td>
                  <InstantText value={sheet.submittedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
