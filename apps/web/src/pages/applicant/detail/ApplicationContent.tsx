import { useTranslation } from 'react-i18next';
import { Czk, DateText } from '../../../components/Display';
import { usePolicyMeasures, type Application } from './queries';

/** What the application says, read-only: project, period, policy measures, target groups, districts, budget, contact. */
export function ApplicationContent({ application }: { application: Application }) {
  const { t } = useTranslation(['grant', 'common']);
  const measures = usePolicyMeasures();
  const measureText = new Map(measures.data?.measures.map((m) => [m.code, m.text]) ?? []);
  const otherMeasures = application.measureCodes.filter((code) => code !== application.primaryMeasureCode);
  const measureItem = (code: string, primary: boolean) => (
    <li key={code}>
      <strong>{code}</strong>
      {measureText.get(code) ? ` — ${measureText.get(code)}` : ''}
      {primary && <span className="muted"> ({t('grant:content.primaryMeasure')})</span>}
    </li>
  );

  return (
    <section aria-labelledby="content" data-testid="application-content">
      <h2 id="content">{t('grant:content.title')}</h2>

      <h3>{t('grant:content.summary')}</h3>
      <p className="prewrap">{application.summary}</p>
      <h3>{t('grant:content.justification')}</h3>
      <p className="prewrap">{application.justification}</p>

      <dl className="facts">
        <dt>{t('grant:content.period')}</dt>
        <dd>
          <DateText value={application.startDate} /> – <DateText value={application.endDate} />
        </dd>
        <dt>{t('grant:content.targetGroups')}</dt>
        <dd>{application.targetGroups.join(', ')}</dd>
        <dt>{t('grant:content.districts')}</dt>
        <dd>{application.districts.join(', ')}</dd>
      </dl>

      <h3>{t('grant:content.measures')}</h3>
      <ul className="measures">
        {measureItem(application.primaryMeasureCode, true)}
        {otherMeasures.map((code) => measureItem(code, false))}
      </ul>

      <h3>{t('grant:content.budget')}</h3>
      <div className="table-wrap">
        <table className="data" data-testid="budget-lines">
          <caption className="visually-hidden">{t('grant:content.budgetCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('grant:content.category')}</th>
              <th scope="col">{t('grant:content.description')}</th>
              <th scope="col" className="number">
                {t('grant:content.totalCzk')}
              </th>
              <th scope="col" className="number">
                {t('grant:content.requestedCzk')}
              </th>
            </tr>
          </thead>
          <tbody>
            {application.budgetLines.map((line, i) => (
              <tr key={i}>
                <th scope="row">{line.category}</th>
                <td>{line.description}</td>
                <td className="number">
                  <Czk value={line.totalCzk} />
                </td>
                <td className="number">
                  <Czk value={line.requestedCzk} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t('grant:content.total')}
              </th>
              <td className="number">
                <strong>
                  <Czk value={application.totalCostCzk} />
                </strong>
              </td>
              <td className="number">
                <strong>
                  <Czk value={application.requestedCzk} />
                </strong>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <dl className="facts">
        <dt>{t('grant:content.otherFunding')}</dt>
        <dd>
          <Czk value={application.otherFundingCzk} />
        </dd>
      </dl>

      <h3>{t('grant:content.contact')}</h3>
      <dl className="facts">
        <dt>{t('grant:content.contactName')}</dt>
        <dd>{application.contactPerson.name}</dd>
        <dt>{t('grant:content.contactEmail')}</dt>
        <dd>
          <a href={`mailto:${application.contactPerson.email}`}>{application.contactPerson.email}</a>
        </dd>
        <dt>{t('grant:content.contactPhone')}</dt>
        <dd>{application.contactPerson.phone}</dd>
      </dl>
    </section>
  );
}
