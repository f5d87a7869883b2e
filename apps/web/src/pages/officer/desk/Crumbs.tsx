import { GovBreadcrumbs, GovIcon } from '@gov-design-system-ce/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Where a desk page sits: the desk, then the way down to the page (the last item is the page itself, not a link). */
export function Crumbs({ items }: { items: readonly { to?: string; label: string }[] }) {
  const { t } = useTranslation(['officer', 'common']);
  const all = [{ to: '/officer', label: t('officer:home.title') }, ...items];
  return (
    <GovBreadcrumbs className="desk-crumbs" accessibleLabel={t('officer:crumbs')}>
      <ul>
        {all.map((item, i) => (
          <li key={`${i}-${item.label}`}>
            {i > 0 && <GovIcon name="chevron-right" type="components" />}
            {item.to && i < all.length - 1 ? <Link to={item.to}>{item.label}</Link> : <span aria-current="page">{item.label}</span>}
          </li>
        ))}
      </ul>
    </GovBreadcrumbs>
  );
}
