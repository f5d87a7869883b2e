import { useTranslation } from 'react-i18next';
import { InstantText, StatusTag } from '../../../components/Display';
import type { Application } from './queries';

/** Every change of the application's status, newest first: when (Prague time), from → to, and why. */
export function StatusHistory({ history }: { history: Application['statusHistory'] }) {
  const { t } = useTranslation(['grant', 'common']);
  const newestFirst = [...history].reverse();
  return (
    <section aria-labelledby="status-history">
      <h2 id="status-history">{t('grant:history.title')}</h2>
      {newestFirst.length === 0 ? (
        <p>{t('grant:history.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data" data-testid="status-history">
            <caption className="visually-hidden">{t('grant:history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('grant:history.at')}</th>
                <th scope="col">{t('grant:history.from')}</th>
                <th scope="col">{t('grant:history.to')}</th>
                <th scope="col">{t('grant:history.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {newestFirst.map((change) => (
                <tr key={`${change.at}-${change.to}`}>
                  <th scope="row">
                    <InstantText value={change.at} />
                  </th>
                  <td>{change.from ? t(`common:status.${change.from}`) : t('grant:history.created')}</td>
                  <td>
                    <StatusTag status={change.to} />
                  </td>
                  <td>{change.reason ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
