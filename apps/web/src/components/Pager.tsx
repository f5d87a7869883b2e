import { GovButton } from '@gov-design-system-ce/react';
import { useTranslation } from 'react-i18next';

/** Server-side paging controls: previous / next and where we are ("51–100 of 240"). */
export function Pager({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  if (total === 0) return null;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav className="pager" aria-label={t('common:paging.label')}>
      <GovButton type="outlined" color="primary" size="s" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('common:paging.previous')}
      </GovButton>
      <span aria-live="polite">{t('common:paging.summary', { from, to, total })}</span>
      <GovButton type="outlined" color="primary" size="s" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('common:paging.next')}
      </GovButton>
    </nav>
  );
}
