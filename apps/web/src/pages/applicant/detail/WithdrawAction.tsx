import { GovButton } from '@gov-design-system-ce/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { TextAreaField } from '../../../components/Field';
import { ProblemSummary, useProblem } from '../../../components/ProblemSummary';
import { applicationKey, type Application } from './queries';

/**
 * Withdrawing the application (POST …/withdraw, with an optional reason), after
 * asking: it cannot be undone. Offered only while the API allows it (before a decision).
 */
export function WithdrawAction({ application, onWithdrawn }: { application: Application; onWithdrawn: () => void }) {
  const { t } = useTranslation(['grant', 'common']);
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const withdraw = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/applications/{id}/withdraw', {
          params: { path: { id: application.id } },
          body: reason.trim() ? { reason: reason.trim() } : {},
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: applicationKey(application.id) });
      void queryClient.invalidateQueries({ queryKey: ['applications'] });
      setOpen(false);
      setReason('');
      onWithdrawn();
    },
  });
  const reasonErrors = useProblem(withdraw.error).byField.get('reason');

  return (
    <>
      <GovButton type="outlined" color="error" onClick={() => setOpen(true)}>
        {t('grant:withdraw.button')}
      </GovButton>
      <ConfirmDialog
        open={open}
        title={t('grant:withdraw.title')}
        confirmLabel={t('grant:withdraw.confirm')}
        busy={withdraw.isPending}
        onConfirm={() => withdraw.mutate()}
        onCancel={() => {
          setOpen(false);
          withdraw.reset();
        }}
      >
        <ProblemSummary error={withdraw.error} labels={{ reason: t('grant:withdraw.reason') }} />
        <p className="dialog-text">{t('grant:withdraw.text', { title: application.title })}</p>
        <form noValidate onSubmit={(event) => event.preventDefault()}>
          <TextAreaField
            name="reason"
            label={t('grant:withdraw.reason')}
            hint={t('grant:withdraw.reasonHint')}
            rows={3}
            maxLength={2000}
            value={reason}
            errors={reasonErrors}
            onChange={(event) => setReason(event.target.value)}
          />
        </form>
        {withdraw.isPending && (
          <p role="status" className="muted">
            {t('grant:withdraw.sending')}
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
