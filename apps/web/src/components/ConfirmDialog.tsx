import { GovButton, GovDialog } from '@gov-design-system-ce/react';
import { useEffect, useId, type ReactNode } from 'react';
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
  const closeLabel = t('common:actions.close');
  useEffect(() => {
    if (!open) return;
    // GovDialog hands its backdrop `aria-label`, but GovBackdrop reads `accessibleLabel`: the
    // backdrop's role=button would have no name (a WCAG failure). Name it here.
    for (const backdrop of document.querySelectorAll('.gov-backdrop__background:not([aria-label])')) {
      backdrop.setAttribute('aria-label', closeLabel);
    }
  }, [open, closeLabel]);
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
