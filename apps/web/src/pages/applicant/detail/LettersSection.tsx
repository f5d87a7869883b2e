import { GovButton, GovIcon } from '@gov-design-system-ce/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from '../../../api/client';
import { InstantText, Loading, QueryError, StatusTag } from '../../../components/Display';
import { letterFileName } from '../../../lib/grant-money';
import { useLetters, type Application } from './queries';

/** The decision letters the city sent about this application, with their state and the PDF of each ready one. */
export function LettersSection({ application }: { application: Application }) {
  const { t } = useTranslation(['grant', 'common']);
  const letters = useLetters(application.id, true);
  const [downloading, setDownloading] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  async function save(letter: { id: string; kind: string }) {
    setDownloading(letter.id);
    setFailure(null);
    try {
      await download(`/api/v1/letters/${letter.id}/pdf`, letterFileName(application.referenceNumber, letter.kind, letter.id), 'application/pdf');
    } catch (error) {
      setFailure(error);
    } finally {
      setDownloading(null);
    }
  }

  return (
    <section aria-labelledby="letters">
      <h2 id="letters">{t('grant:letters.title')}</h2>
      {letters.isPending ? (
        <Loading />
      ) : letters.isError ? (
        <QueryError error={letters.error} onRetry={() => void letters.refetch()} />
      ) : letters.data.length === 0 ? (
        <p>{t('grant:letters.none')}</p>
      ) : (
        <>
          {failure !== null && <QueryError error={failure} />}
          <div className="table-wrap">
            <table className="data" data-testid="letters">
              <caption className="visually-hidden">{t('grant:letters.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('grant:letters.kind')}</th>
                  <th scope="col">{t('grant:letters.createdAt')}</th>
                  <th scope="col">{t('grant:letters.status')}</th>
                  <th scope="col">{t('grant:letters.pdf')}</th>
                </tr>
              </thead>
              <tbody>
                {letters.data.map((letter) => {
                  const kind = t(`common:letterKind.${letter.kind}`);
                  return (
                    <tr key={letter.id}>
                      <th scope="row" className="letter-kind">
                        {kind}
                      </th>
                      <td>
                        <InstantText value={letter.createdAt} />
                      </td>
                      <td>
                        <StatusTag status={letter.status} group="letterStatus" />
                        <div className="muted">
                          {letter.status === 'ready' ? (
                            <>
                              {t('grant:letters.readyAt')} <InstantText value={letter.readyAt} />
                            </>
                          ) : (
                            t(`grant:letters.explain.${letter.status}`)
                          )}
                        </div>
                      </td>
                      <td>
                        {letter.status === 'ready' ? (
                          <GovButton
                            type="outlined"
                            color="primary"
                            size="s"
                            disabled={downloading === letter.id}
                            loading={downloading === letter.id ? 'true' : undefined}
                            onClick={() => void save(letter)}
                            iconStart={
                              <span aria-hidden="true">
                                <GovIcon name="download" type="components" />
                              </span>
                            }
                          >
                            {t('grant:letters.download')}
                            <span className="visually-hidden"> {t('grant:letters.kindName', { kind })}</span>
                          </GovButton>
                        ) : (
                          <span className="muted">{t('grant:letters.notYet')}</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {letters.data.some((letter) => letter.status === 'queued') && <p className="muted">{t('grant:letters.refreshing')}</p>}
          <p className="visually-hidden" role="status">
            {downloading ? t('grant:letters.downloading') : ''}
          </p>
        </>
      )}
    </section>
  );
}
