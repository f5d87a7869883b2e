import { GovButton } from '@gov-design-system-ce/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { Czk, Loading, QueryError } from '../../../components/Display';
import { TextField } from '../../../components/Field';
import { ProblemSummary, useProblem } from '../../../components/ProblemSummary';
import { parseCzk } from '../../../lib/budget';
import { formatCzk } from '../../../lib/format';
import { allocationSummary, fundingLinePosition } from '../../../lib/ranking-board';
import { ApplicationCell, RANKING_COLUMNS, RankingHead } from '../../commission/CommissionRankingPage';
import { Score, SpreadFlag, YesNo } from '../../commission/evaluation-ui';
import { useRanking, type RankingItem } from '../../commission/queries';


/** One part of the board: the allocation in a sticky summary, the ranking with the funding line, and the proposals, one row edited at a time. */
export function BoardPart({ callId, partCode, partName }: { callId: string; partCode: string; partName: string }) {
  const { t, i18n } = useTranslation('commission');
  const queryClient = useQueryClient();
  const ranking = useRanking(callId, partCode);
  const [editing, setEditing] = useState<RankingItem | null>(null);
  const [typed, setTyped] = useState('');
  const [notWhole, setNotWhole] = useState(false);
  const [saved, setSaved] = useState<{ applicationId: string; reference: string; proposedCzk: number | null } | null>(null);

  const propose = useMutation({
    mutationFn: ({ applicationId, proposedCzk }: { applicationId: string; proposedCzk: number }) =>
      unwrap(api.PATCH('/api/v1/applications/{id}/proposal', { params: { path: { id: applicationId } }, body: { proposedCzk } })),
    onSuccess: async (line) => {
      setSaved({ applicationId: line.applicationId, reference: line.referenceNumber, proposedCzk: line.proposedCzk });
      setEditing(null);
      await queryClient.invalidateQueries({ queryKey: ['calls', callId] });
    },
  });
  const { byField } = useProblem(propose.error);

  if (ranking.isPending) return <Loading />;
  if (ranking.isError) return <QueryError error={ranking.error} onRetry={() => void ranking.refetch()} />;

  const data = ranking.data;
  const part = data.parts.find((p) => p.code === partCode);
  const items = data.items.filter((i) => i.partCode === partCode);
  const summary = part ? allocationSummary(part) : null;
  const line = part ? fundingLinePosition(items, part.allocationCzk) : null;
  const editable = !data.evaluationClosed;
  // The note stays only while the proposal is still the one saved (filling down the ranking replaces it).
  const savedStill = saved !== null && items.some((i) => i.applicationId === saved.applicationId && i.proposedCzk === saved.proposedCzk);

  function startEditing(item: RankingItem) {
    propose.reset();
    setNotWhole(false);
    setSaved(null);
    setEditing(item);
    setTyped(item.proposedCzk === null ? '' : String(item.proposedCzk));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    // The design system's button is only styled as disabled while sending: a second press must not send again.
    if (propose.isPending) return;
    if (!editing) return;
    const proposedCzk = parseCzk(typed);
    if (proposedCzk === null) {
      propose.reset();
      setNotWhole(true);
      return;
    }
    setNotWhole(false);
    propose.mutate({ applicationId: editing.applicationId, proposedCzk });
  }

  const fundingLineRow = (
    <tr className="funding-line">
      <td colSpan={RANKING_COLUMNS}>
        {t(line?.partlyFundedIndex !== null ? 'board.fundingLinePartly' : 'board.fundingLine', { allocation: formatCzk(part?.allocationCzk ?? 0, i18n.language) })}
      </td>
    </tr>
  );

  return (
    <>
      {summary && (
        <div className="allocation-summary" role="region" aria-label={t('board.summaryLabel', { code: partCode })} aria-live="polite">
          <dl>
            <div>
              <dt>{t('board.allocation')}</dt>
              <dd>
                <Czk value={summary.allocationCzk} />
              </dd>
            </div>
            <div>
              <dt>{t('board.proposedSum')}</dt>
              <dd>
                <Czk value={summary.proposedCzk} />
              </dd>
            </div>
            <div>
              <dt>{t('board.remaining')}</dt>
              <dd className={summary.remainingCzk < 0 ? 'overdrawn' : undefined}>
                <Czk value={summary.remainingCzk} />
              </dd>
            </div>
          </dl>
        </div>
      )}
      {line && line.afterIndex === null && items.length > 0 && <p>{t('board.noFundingLine')}</p>}
      <p aria-live="polite">{savedStill && t('board.proposalSaved', { reference: saved.reference })}</p>
      {editing && <ProblemSummary error={propose.error} labels={{ proposedCzk: t('board.proposalFor', { reference: editing.referenceNumber }) }} />}
      <form noValidate onSubmit={submit}>
        <div className="table-wrap">
          <table className="data ranking board">
            <caption>{t('board.caption', { code: partCode, name: partName })}</caption>
            <RankingHead method={data.rankingMethod} proposalHeader={t('board.proposal')} />
            <tbody>
              {items.length === 0 && (
                <tr>
                  <td colSpan={RANKING_COLUMNS}>{t('ranking.empty')}</td>
                </tr>
              )}
              {line?.afterIndex === -1 && fundingLineRow}
              {items.map((item, index) => (
                <Fragment key={item.applicationId}>
                  <tr>
                    <td className="number">{item.rank ?? '—'}</td>
                    <th scope="row">
                      <ApplicationCell item={item} to={`/officer/applications/${item.applicationId}`} />
                    </th>
                    <td className="number">
                      <Score value={item.averageScore} />
                    </td>
                    <td className="number">
                      <Score value={item.normalisedScore} />
                    </td>
                    <td className="number">
                      {item.scorers ?? '—'}
                      {item.counting === false && <div className="muted">{t('board.noQuorum', { quorum: data.quorum })}</div>}
                    </td>
                    <td>
                      <SpreadFlag spread={item.spread} flagged={item.spreadFlagged} />
                    </td>
                    <td className="number">
                      <Czk value={item.requestedCzk} />
                    </td>
                    <td className="number">
                      {editing?.applicationId === item.applicationId ? (
                        <div className="proposal-edit">
                          <TextField
                            name="proposedCzk"
                            label={t('board.proposalFor', { reference: item.referenceNumber })}
                            hint={t('board.proposalHint')}
                            inputMode="numeric"
                            autoComplete="off"
                            autoFocus
                            value={typed}
                            onChange={(e) => setTyped(e.target.value)}
                            errors={byField.get('proposedCzk') ?? (notWhole ? [t('board.wholeCzk')] : undefined)}
                          />
                          <GovButton nativeType="submit" type="solid" color="primary" size="s" disabled={propose.isPending} loading={propose.isPending ? 'true' : undefined}>
                            {t('board.saveProposal')}
                          </GovButton>
                          <GovButton type="outlined" color="primary" size="s" disabled={propose.isPending} onClick={() => setEditing(null)}>
                            {t('common:actions.cancel')}
                          </GovButton>
                          {propose.isPending && <Loading label={t('board.savingProposal')} />}
                        </div>
                      ) : (
                        <>
                          <Czk value={item.proposedCzk} />
                          {line?.partlyFundedIndex === index && <div className="muted">{t('board.partly')}</div>}
                          {editable && item.status === 'eligible' && (
                            <div>
                              <button
                                type="button"
                                className="link-button"
                                aria-label={t('board.editLabel', { reference: item.referenceNumber })}
                                onClick={() => startEditing(item)}
                              >
                                {t('board.edit')}
                              </button>
                            </div>
                          )}
                        </>
                      )}
                    </td>
                    <td>
                      <YesNo value={item.recommended} />
                    </td>
                  </tr>
                  {line?.afterIndex === index && fundingLineRow}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      </form>
    </>
  );
}
