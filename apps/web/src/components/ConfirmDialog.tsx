import { GovButton, GovDialog } from '@gov-design-system-ce/react';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Asks before an action that cannot be undone (withdrawing an application, closing the evaluation, …). */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  busy,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  if (!open) return null;
  return (
    <GovDialog
      open
      role="alertdialog"
      accessibleLabelledBy={titleId}
      accessibleCloseLabel={t('common:actions.close')}
      onClose={onCancel}
      title={<h2 id={titleId}>{title}</h2>}
      footer={
        <div className="actions">
          <GovButton color="error" type="solid" loading={busy ? 'true' : undefined} disabled={busy} onClick={onConfirm}>
            {confirmLabel}
          </GovButton>
          <GovButton color="primary" type="outlined" onClick={onCancel}>
            {t('common:actions.cancel')}
          </GovButton>
        </div>
      }
    >
      {children}
    </GovDialog>
  );
}
