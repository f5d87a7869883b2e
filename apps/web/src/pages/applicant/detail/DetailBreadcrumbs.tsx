import { GovBreadcrumbs, GovIcon } from '@gov-design-system-ce/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** My applications › <application> [› <page>]: the way back up from the detail and its settlement form. */
export function DetailBreadcrumbs({ application, current }: { application: { id: string; title: string }; current?: string }) {
  const { t } = useTranslation(['grant', 'common']);
  const separator = (
    <span aria-hidden="true">
      <GovIcon name="chevron-right" type="components" />
    </span>
  );
  return (
    <GovBreadcrumbs accessibleLabel={t('grant:breadcrumbs.label')} className="detail-breadcrumbs">
      <ul>
        <li>
          <Link to="/applicant">{t('grant:breadcrumbs.myApplications')}</Link>
        </li>
        <li>
          {separator}
          {current ? <Link to={`/applicant/applications/${application.id}`}>{application.title}</Link> : <span aria-current="page">{application.title}</span>}
        </li>
        {current && (
          <li>
            {separator}
            <span aria-current="page">{current}</span>
          </li>
        )}
      </ul>
    </GovBreadcrumbs>
  );
}
