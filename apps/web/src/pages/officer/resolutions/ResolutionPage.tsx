import { GovButton, GovMessage } from '@gov-design-system-ce/react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { Czk, DateText, InstantText, Loading, QueryError, StatusTag, usePageTitle } from '../../../components/Display';
import { CSV, DocumentDownloads, PDF, XLSX } from '../../../components/DocumentDownloads';
import { useProblem } from '../../../components/ProblemSummary';
import { formatCzk } from '../../../lib/format';
import { ApiError } from '../../../lib/problem';
import { deviatesFromCommission, groupByPart, lineProblems, resolutionFileName, type Resolution, type ResolutionLine } from '../../../lib/resolutions';
import { NotFoundPage } from '../../NotFoundPage';
import { Crumbs } from '../desk/Crumbs';
import { FieldMessages } from '../desk/fields';
import '../desk/desk.css';
import { AdoptionForm } from './AdoptionForm';
import { CloseForm } from './CloseForm';
import { LineEditForm } from './LineEditForm';
import { callResolutionsKey } from './ResolutionsSection';
import { ResolutionStatusTag } from './ResolutionStatusTag';
import './resolutions.css';

const COLUMNS = 9;

/**
 * `/officer/resolutions/:id`: a resolution's annex by part (each part's approvals
 * against what is available of its allocation, the totals), its lines edited while
 * it is a draft, then adopted with its number and date, not passed or withdrawn.
 */
export function ResolutionPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation(['officer', 'common']);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<ReactNode>(null);
  const [adoptError, setAdoptError] = useState<unknown>(null);
  const resolution = useQuery({
    queryKey: ['resolutions', id],
    queryFn: () => unwrap(api.GET('/api/v1/resolutions/{id}', { params: { path: { id } } })),
  });
  const callId = resolution.data?.callId;
  const call = useQuery({
    queryKey: ['calls', callId],
    enabled: callId !== undefined,
    queryFn: () => unwrap(api.GET('/api/v1/calls/{id}', { params: { path: { id: callId ?? '' } } })),
  });
  const { byField } = useProblem(adoptError);
  const adoptCode = adoptError instanceof ApiError ? adoptError.problem.code : null;
  const problemsByLine = adoptCode === 'RESOLUTION_NOT_ADOPTABLE' ? lineProblems(byField) : new Map<string, string[]>();
  const title = resolution.data ? t(`officer:resolution.title.${resolution.data.status === 'draft' ? 'draft' : 'act'}.${resolution.data.body}`) : t('officer:resolution.heading');
  usePageTitle(title);

  if (resolution.isPending) return <Loading />;
  if (resolution.isError)
    return resolution.error instanceof ApiError && resolution.error.status === 404 ? (
      <NotFoundPage />
    ) : (
      <QueryError error={resolution.error} onRetry={() => void resolution.refetch()} />
    );
  const r = resolution.data;
  const draft = r.status === 'draft';

  async function refresh() {
    await queryClient.invalidateQueries({ queryKey: ['resolutions'] });
    if (callId) await queryClient.invalidateQueries({ queryKey: callResolutionsKey(callId) });
  }

  function saved(view: Resolution, movedToResolutionId: string | null, line: ResolutionLine) {
    queryClient.setQueryData(['resolutions', id], view);
    setEditing(null);
    setNotice(
      movedToResolutionId ? (
        <>
          {t('officer:resolution.movedToAssembly', { line: line.referenceNumber })}{' '}
          <Link to={`/officer/resolutions/${movedToResolutionId}`}>{t('officer:resolution.openAssemblyDraft')}</Link>
        </>
      ) : (
        t('officer:resolution.lineSaved', { line: line.referenceNumber })
      ),
    );
    void refresh();
  }

  return (
    <>
      <Crumbs
        items={[
          { to: '/officer/calls', label: t('officer:calls.title') },
          { to: `/officer/calls/${r.callId}`, label: call.data?.title ?? t('officer:call.heading') },
          { label: title },
        ]}
      />
      <h1>{title}</h1>
      {call.data && <p className="muted">{call.data.title}</p>}
      <dl className="facts" data-testid="resolution-facts">
        <dt>{t('officer:resolution.status')}</dt>
        <dd>
          <ResolutionStatusTag status={r.status} />
        </dd>
        <dt>{t('officer:resolution.body')}</dt>
        <dd>{t(`officer:body.${r.body}`)}</dd>
        <dt>{t('officer:resolution.version')}</dt>
        <dd>{r.version}</dd>
        <dt>{t('officer:resolution.createdAt')}</dt>
        <dd>
          <InstantText value={r.createdAt} />
        </dd>
        {r.status === 'adopted' && (
          <>
            <dt>{t('officer:resolution.numberAndDate')}</dt>
            <dd data-testid="resolution-adopted">
              {r.resolutionNumber}, <DateText value={r.resolutionDate} />
            </dd>
          </>
        )}
        {r.closeReason && (
          <>
            <dt>{t(`officer:resolution.closedAs.${r.status === 'withdrawn' ? 'withdrawn' : 'rejected'}`)}</dt>
            <dd>
              {r.closeReason} (<InstantText value={r.closedAt} />)
            </dd>
          </>
        )}
      </dl>

      <div role="status" data-testid="resolution-notice">
        {notice && (
          <GovMessage color="success" type="subtle">
            <p>{notice}</p>
          </GovMessage>
        )}
      </div>

      <section aria-labelledby="resolution-totals">
        <h2 id="resolution-totals">{t('officer:resolution.totals')}</h2>
        <dl className="facts" data-testid="resolution-totals">
          <dt>{t('officer:resolution.lines')}</dt>
          <dd>{t('officer:resolution.linesCount', { lines: r.totals.lines, approved: r.totals.approved, rejected: r.totals.rejected, ineligible: r.totals.ineligible })}</dd>
          <dt>{t('officer:resolution.requested')}</dt>
          <dd>
            <Czk value={r.totals.requestedCzk} />
          </dd>
          <dt>{t('officer:resolution.proposed')}</dt>
          <dd>
            <Czk value={r.totals.proposedCzk} />
          </dd>
          <dt>{t('officer:resolution.approvedTotal')}</dt>
          <dd>
            <Czk value={r.totals.approvedCzk} />
          </dd>
        </dl>
      </section>

      <section aria-labelledby="resolution-annex">
        <h2 id="resolution-annex">{t('officer:resolution.annexHeading')}</h2>
        <p>{t('officer:resolution.annexIntro', { version: r.version })}</p>
        <DocumentDownloads
          path={`/api/v1/resolutions/${r.id}/annex`}
          what={t('officer:resolution.annexWhat')}
          formats={[
            { label: 'PDF', accept: PDF, fileName: resolutionFileName(r, `priloha-v${r.version}`, 'pdf') },
            { label: 'CSV', accept: CSV, fileName: resolutionFileName(r, `priloha-v${r.version}`, 'csv') },
            { label: 'XLSX', accept: XLSX, fileName: resolutionFileName(r, `priloha-v${r.version}`, 'xlsx') },
          ]}
        />
      </section>

      {groupByPart(r).map(({ part, lines, leftCzk, overspent }) => {
        const headingId = `resolution-part-${part.code}`;
        const name = t('officer:resolution.partName', { code: part.code, name: part.name });
        return (
          <section key={part.partId} aria-labelledby={headingId}>
            <h2 id={headingId}>{name}</h2>
            <dl className="facts" data-testid={`part-${part.code}-totals`}>
              <dt>{t('officer:resolution.allocation')}</dt>
              <dd>
                <Czk value={part.allocationCzk} />
              </dd>
              <dt>{t('officer:resolution.available')}</dt>
              <dd>
                <Czk value={part.availableCzk} />
              </dd>
              <dt>{t('officer:resolution.requested')}</dt>
              <dd>
                <Czk value={part.requestedCzk} />
              </dd>
              <dt>{t('officer:resolution.proposed')}</dt>
              <dd>
                <Czk value={part.proposedCzk} />
              </dd>
              <dt>{t('officer:resolution.approvedInDraft')}</dt>
              <dd>
                <Czk value={part.approvedCzk} />
              </dd>
              {leftCzk !== null && (
                <>
                  <dt>{t('officer:resolution.left')}</dt>
                  <dd className={overspent ? 'resolution-overspent' : undefined}>
                    <Czk value={leftCzk} />
                    {overspent && ` — ${t('officer:resolution.overspent')}`}
                  </dd>
                </>
              )}
            </dl>
            <div className="table-wrap" role="region" aria-label={t('officer:resolution.annexCaption', { part: name })} tabIndex={0}>
              <table className="data resolution-annex">
                <caption>{t('officer:resolution.annexCaption', { part: name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('officer:resolution.reference')}</th>
                    <th scope="col">{t('officer:resolution.applicant')}</th>
                    <th scope="col">{t('officer:resolution.projectTitle')}</th>
                    <th scope="col">{t('officer:resolution.commissionStatus')}</th>
                    <th scope="col" className="number">
                      {t('officer:resolution.requested')}
                    </th>
                    <th scope="col" className="number">
                      {t('officer:resolution.proposed')}
                    </th>
                    <th scope="col">{t('officer:resolution.outcome')}</th>
                    <th scope="col" className="number">
                      {t('officer:resolution.amount')}
                    </th>
                    <th scope="col">{t('officer:resolution.reasons')}</th>
                  </tr>
                </thead>
                <tbody>
                  {lines.map((line) => {
                    const problems = problemsByLine.get(line.applicationId);
                    return (
                      <Fragment key={line.applicationId}>
                        <tr data-testid={`line-${line.referenceNumber}`} className={problems ? 'resolution-line-refused' : undefined}>
                          <td className="nowrap">
                            <div className="resolution-line-actions">
                              <Link to={`/officer/applications/${line.applicationId}`}>{line.referenceNumber}</Link>
                              {draft && line.outcome !== 'ineligible' && editing !== line.applicationId && (
                                <GovButton
                                  type="outlined"
                                  color="primary"
                                  size="s"
                                  aria-label={t('officer:resolution.editLabel', { line: `${line.referenceNumber} ${line.title}` })}
                                  onClick={() => setEditing(line.applicationId)}
                                >
                                  {t('officer:resolution.edit')}
                                </GovButton>
                              )}
                              {line.letterId && (
                                <Link
                                  to={`/officer/applications/${line.applicationId}#letters-heading`}
                                  aria-label={t('officer:resolution.letterLabel', { line: line.referenceNumber })}
                                >
                                  {t('officer:resolution.letter')}
                                </Link>
                              )}
                            </div>
                          </td>
                          <td>
                            {line.applicantName}
                            <br />
                            <span className="muted">
                              {t('officer:application.ico')} {line.ico}
                            </span>
                          </td>
                          <th scope="row">{line.title}</th>
                          <td>
                            <StatusTag status={line.commissionStatus} />
                            {line.rank !== null && (
                              <>
                                <br />
                                <span className="muted nowrap">
                                  {t('officer:resolution.rankAndScore', {
                                    rank: line.rank,
                                    score: line.averageScore === null ? '—' : line.averageScore.toLocaleString(i18n.language, { maximumFractionDigits: 2 }),
                                  })}
                                </span>
                              </>
                            )}
                          </td>
                          <td className="number">
                            <Czk value={line.requestedCzk} />
                          </td>
                          <td className="number">
                            <Czk value={line.proposedCzk} />
                          </td>
                          <td>
                            {t(`officer:resolution.outcomes.${line.outcome}`)}
                            {deviatesFromCommission(line) && (
                              <>
                                <br />
                                <span className="muted">{t('officer:resolution.deviates')}</span>
                              </>
                            )}
                          </td>
                          <td className="number">
                            <Czk value={line.amountCzk} />
                          </td>
                          <td className="prewrap">
                            {line.reason ?? (line.deviationReason ? null : '—')}
                            {line.deviationReason && (
                              <>
                                {line.reason && <br />}
                                <strong>{t('officer:resolution.deviationReason')}:</strong> {line.deviationReason}
                              </>
                            )}
                          </td>
                        </tr>
                        {problems && (
                          <tr className="resolution-line-problems">
                            <td colSpan={COLUMNS}>
                              <FieldMessages name={`lines.${line.applicationId}`} messages={problems} prefix={line.referenceNumber} />
                            </td>
                          </tr>
                        )}
                        {draft && editing === line.applicationId && (
                          <tr className="resolution-line-editor">
                            <td colSpan={COLUMNS}>
                              <LineEditForm
                                resolution={r}
                                line={line}
                                onSaved={({ view, movedToResolutionId }) => saved(view, movedToResolutionId, line)}
                                onCancel={() => setEditing(null)}
                                onReload={() => {
                                  setEditing(null);
                                  setNotice(t('officer:resolution.reloaded'));
                                  void resolution.refetch();
                                }}
                              />
                            </td>
                          </tr>
                        )}
                      </Fragment>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {draft && (
              <p className="muted">
                {t('officer:resolution.partSummary', {
                  approved: formatCzk(part.approvedCzk, i18n.language),
                  available: formatCzk(part.availableCzk, i18n.language),
                })}
              </p>
            )}
          </section>
        );
      })}

      {draft && (
        <>
          <AdoptionForm
            resolution={r}
            onError={setAdoptError}
            onAdopted={() => {
              setNotice(t('officer:resolution.adopted'));
              void refresh();
              void queryClient.invalidateQueries({ queryKey: ['applications'] });
              void queryClient.invalidateQueries({ queryKey: ['letters'] });
            }}
          />
          <CloseForm
            resolution={r}
            onClosed={(closing) => {
              setNotice(t(`officer:resolution.closedNow.${closing}`));
              void refresh();
            }}
          />
        </>
      )}
    </>
  );
}
