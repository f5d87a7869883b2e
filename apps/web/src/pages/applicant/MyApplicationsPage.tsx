import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/Display';

// Being built (issue 10): replaced by the page itself.
export function MyApplicationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('common:app.title'));
  return <h1>{t('common:app.title')}</h1>;
}
