import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../components/Display';

/** The portal's own "not found": unknown paths, and records the user may not see (the API answers 404 for both). */
export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('common:notFound.title'));
  return (
    <section className="not-found" data-testid="not-found">
      <h1>{t('common:notFound.title')}</h1>
      <p>{t('common:notFound.text')}</p>
      <p>
        <Link to="/">{t('common:notFound.home')}</Link>
      </p>
    </section>
  );
}
