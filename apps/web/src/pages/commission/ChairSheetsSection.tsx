import { GovButton, GovMessage } from '@gov-design-system-ce/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { InstantText, Loading, QueryError } from '../../components/Display';
import { TextAreaField } from '../../components/Field';
import { ProblemSummary, useProblem } from '../../components/ProblemSummary';
import { useSheetStates, type MyEvaluation } from './queries';

type SheetState = NonNullable<ReturnType<typeof useSheetStates>['data']>['sheets'][number];

/**
 * Step 4, for the chair of the commission alone: where each member's sheet stands (draft or
 * submitted, never its points), and the reopening of another member's submitted sheet with a
 * reason the member is shown (and the audit trail records).
 */
export function ChairSheetsSection({ applicationId, callId, mine }: { applicationId: string; callId: string; mine: MyEvaluation }) {
  const { t } = useTranslation('commission');
  const { user } = useSession();
  const states = useSheetStates(applicationId, true);
  const [reopening, setReopening] = useState<SheetState | null>(null);
  const [done, setDone] = useState<string | null>(null);

  if (states.isPending) return <Loading />;
  if (states.isError) return <QueryError error={states.error} onRetry={() => void states.refetch()} />;
  const sheets = states.data.sheets;
  const open = mine.scoring === 'open';
  return (
    <>
      <p>{t('chair.intro')}</p>
      {done && (
        <GovMessage color="success" type="subtle">
          <p>{t('chair.done', { member: done })}</p>
        </GovMessage>
      )}
      {sheets.length === 0 ? (
        <p>{t('chair.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption>{t('chair.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('chair.member')}</th>
                <th scope="col">{t('chair.state')}</th>
                <th scope="col">{t('chair.submittedAt')}</th>
                <th scope="col">{t('chair.lastReopened')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('chair.action')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sheets.map((sheet) => (
                <tr key={sheet.memberId}>
                  <th scope="row">
                    {sheet.memberName}
                    {sheet.memberId === user?.id && <> ({t('peers.you')})</>}
                  </th>
                  <td>{sheet.status === 'submitted' ? t('chair.stateSubmitted') : t('chair.stateDraft')}</td>
                  <td>{sheet.submittedAt ? <InstantText value={sheet.submittedAt} /> : '—'}</td>
                  <td>
                    {sheet.reopenedAt ? (
                      <>
                        <InstantText value={sheet.reopenedAt} /> — {sheet.reopenReason}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    {open && sheet.status === 'submitted' && sheet.memberId !== user?.id && (
                      <GovButton
                        nativeType="button"
                        type="outlined"
                        color="primary"
                        size="s"
                        onClick={() => {
                          setDone(null);
                          setReopening(sheet);
                        }}
                      >
                        {t('chair.reopenFor', { member: sheet.memberName })}
                      </GovButton>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {reopening && (
        <ReopenForm
          key={reopening.memberId}
          applicationId={applicationId}
          callId={callId}
          sheet={reopening}
          onDone={() => {
            setDone(reopening.memberName);
            setReopening(null);
          }}
          onCancel={() => setReopening(null)}
        />
      )}
    </>
  );
}

function ReopenForm({
  applicationId,
  callId,
  sheet,
  onDone,
  onCancel,
}: {
  applicationId: string;
  callId: string;
  sheet: SheetState;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('commission');
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const reopen = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/applications/{id}/scores/{memberId}/reopen', {
          params: { path: { id: applicationId, memberId: sheet.memberId } },
          body: { reason: reason.trim() },
        }),
      ),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['applications', applicationId] }),
        queryClient.invalidateQueries({ queryKey: ['calls', callId, 'ranking'] }),
      ]);
      onDone();
    },
  });
  const { byField } = useProblem(reopen.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (reopen.isPending) return;
    reopen.mutate();
  }

  return (
    <form noValidate onSubmit={submit} aria-label={t('chair.formTitle', { member: sheet.memberName })}>
      <h3>{t('chair.formTitle', { member: sheet.memberName })}</h3>
      <ProblemSummary error={reopen.error} labels={{ reason: t('chair.reason') }} />
      <TextAreaField
        name="reason"
        label={t('chair.reason')}
        hint={t('chair.reasonHint')}
        rows={3}
        maxLength={2000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        errors={byField.get('reason')}
      />
      <div className="actions">
        <GovButton nativeType="submit" type="solid" color="primary" disabled={reopen.isPending} loading={reopen.isPending ? 'true' : undefined}>
          {t('chair.confirm')}
        </GovButton>
        <GovButton nativeType="button" type="outlined" color="primary" disabled={reopen.isPending} onClick={onCancel}>
          {t('chair.cancel')}
        </GovButton>
        {reopen.isPending && <Loading label={t('chair.sending')} />}
      </div>
    </form>
  );
}
