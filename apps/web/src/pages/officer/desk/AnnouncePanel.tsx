import { checkAllocationsFitAppropriation } from '@app/calls/domain/call.rules';
import { GovButton, GovMessage } from '@gov-design-system-ce/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema.gen';
import { Czk, DateText, Loading } from '../../../components/Display';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ProblemSummary } from '../../../components/ProblemSummary';
import { announcementPreview } from '../../../lib/announcement';
import { fieldId } from '../../../lib/field-id';
import { pragueToday } from '../../../lib/format';
import { ApiError } from '../../../lib/problem';

type Call = components['schemas']['CallResponse'];

/**
 * Announcing a draft (POST /calls/:id/announce): the 30-day rule explained with the
 * earliest allowed opening if announced today, and the programme's appropriation
 * against its calls' allocations, before the officer confirms. The API decides; its
 * refusals (ANNOUNCEMENT_TOO_LATE, ALLOCATIONS_EXCEED_APPROPRIATION) are explained here.
 */
export function AnnouncePanel({ call }: { call: Call }) {
  const { t } = useTranslation(['officer', 'common']);
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const programme = useQuery({
    queryKey: ['programmes', call.programmeId],
    queryFn: () => unwrap(api.GET('/api/v1/programmes/{id}', { params: { path: { id: call.programmeId } } })),
  });
  const announce = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/calls/{id}/announce', { params: { path: { id: call.id } } })),
    onSuccess: async (announced) => {
      queryClient.setQueryData(['calls', call.id], announced);
      await queryClient.invalidateQueries({ queryKey: ['calls'] });
      await queryClient.invalidateQueries({ queryKey: ['programmes'] });
    },
    onSettled: () => setConfirming(false),
  });
  const preview = announcementPreview({ announcedOn: call.announcedOn, submissionOpensAt: call.submissionOpensAt, today: pragueToday() });
  const code = announce.error instanceof ApiError ? announce.error.problem.code : null;
  const fits =
    programme.data &&
    checkAllocationsFitAppropriation({
      appropriationCzk: programme.data.appropriationCzk,
      allocatedToOtherCallsCzk: programme.data.allocatedCzk,
      partAllocationsCzk: call.parts.map((p) => p.allocationCzk),
    }).length === 0;

  return (
    <section className="desk-panel" aria-labelledby="announce-heading">
      <h2 id="announce-heading">{t('officer:announce.heading')}</h2>
      <p>{t('officer:announce.rule', { days: preview.minDays })}</p>
      <p>{t('officer:announce.frozen')}</p>
      <dl className="facts">
        <dt>{t('officer:announce.countsFrom')}</dt>
        <dd>
          <DateText value={preview.countsFrom} />
        </dd>
        <dt>{t('officer:announce.earliestOpening')}</dt>
        <dd data-testid="announce-earliest-opening">
          <strong>
            <DateText value={preview.earliestOpeningOn} />
          </strong>
        </dd>
        <dt>{t('officer:announce.opensOn')}</dt>
        <dd id={fieldId('submissionOpensAt')} tabIndex={-1}>
          <DateText value={preview.opensOn} />{' '}
          {preview.noticeKept === true ? t('officer:announce.noticeKept') : preview.noticeKept === false ? t('officer:announce.noticeShort') : null}
        </dd>
        {programme.data && (
          <>
            <dt>{t('officer:announce.appropriation')}</dt>
            <dd>
              <Czk value={programme.data.appropriationCzk} />
            </dd>
            <dt>{t('officer:announce.allocatedElsewhere')}</dt>
            <dd>
              <Czk value={programme.data.allocatedCzk} />
            </dd>
            <dt>{t('officer:announce.thisCall')}</dt>
            <dd>
              <Czk value={call.totalAllocationCzk} /> {fits ? t('officer:announce.fits') : t('officer:announce.exceeds')}
            </dd>
          </>
        )}
      </dl>
      {preview.noticeKept === false && code !== 'ANNOUNCEMENT_TOO_LATE' && (
        <GovMessage color="warning" type="subtle">
          <p>{t('officer:announce.tooEarlyWarning', { days: preview.minDays })}</p>
          <p>
            <Link to={`/officer/calls/${call.id}/edit`}>{t('officer:announce.changeTerms')}</Link>
          </p>
        </GovMessage>
      )}

      <ProblemSummary error={announce.error} labels={{ submissionOpensAt: t('officer:announce.opensOn') }} />
      {code === 'ANNOUNCEMENT_TOO_LATE' && (
        <GovMessage color="warning" type="subtle">
          <p>{t('officer:announce.tooLateExplained', { days: preview.minDays })}</p>
          <p>
            <Link to={`/officer/calls/${call.id}/edit`}>{t('officer:announce.changeTerms')}</Link>
          </p>
        </GovMessage>
      )}
      {code === 'ALLOCATIONS_EXCEED_APPROPRIATION' && (
        <GovMessage color="warning" type="subtle">
          <p>{t('officer:announce.exceedsExplained')}</p>
          <p>
            <Link to={`/officer/calls/${call.id}/edit`}>{t('officer:announce.changeTerms')}</Link> ·{' '}
            <Link to={`/officer/programmes/${call.programmeId}`}>{t('officer:announce.seeProgramme')}</Link>
          </p>
        </GovMessage>
      )}

      <div className="actions">
        <GovButton type="solid" color="primary" disabled={announce.isPending} onClick={() => setConfirming(true)}>
          {t('officer:announce.button')}
        </GovButton>
        <Link to={`/officer/calls/${call.id}/edit`}>{t('officer:call.edit')}</Link>
        {announce.isPending && <Loading label={t('officer:announce.announcing')} />}
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('officer:announce.confirmTitle')}
        confirmLabel={t('officer:announce.confirm')}
        busy={announce.isPending}
        onConfirm={() => announce.mutate()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('officer:announce.confirmText', { title: call.title })}</p>
      </ConfirmDialog>
    </section>
  );
}
