import { GovAccordion, GovAccordionItem } from '@gov-design-system-ce/react';
import { useTranslation } from 'react-i18next';
import { Czk, DateText } from '../../components/Display';
import type { Application } from './queries';
import { useMeasureNames } from './queries';

/** What the applicant wrote, read-only, in sections the member opens as they read. */
export function ApplicationContent({ application }: { application: Application }) {
  const { t } = useTranslation('commission');
  const measures = useMeasureNames();
  const measureName = (code: string) => measures.data?.get(code);
  return (
    <GovAccordion className="application-content">
      <GovAccordionItem open label={<h3>{t('content.summary')}</h3>}>
        <h4>{t('content.summaryHeading')}</h4>
        <p className="pre-line">{application.summary}</p>
        <h4>{t('content.justification')}</h4>
        <p className="pre-line">{application.justification}</p>
        <dl className="facts">
          <dt>{t('content.period')}</dt>
          <dd>
            <DateText value={application.startDate} /> – <DateText value={application.endDate} />
          </dd>
          <dt>{t('content.targetGroups')}</dt>
          <dd>{application.targetGroups.join(', ') || '—'}</dd>
          <dt>{t('content.districts')}</dt>
          <dd>{application.districts.join(', ') || '—'}</dd>
        </dl>
      </GovAccordionItem>
      <GovAccordionItem label={<h3>{t('content.budget')}</h3>}>
        <div className="table-wrap">
          <table className="data">
            <caption>{t('content.budgetCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('content.category')}</th>
                <th scope="col">{t('content.description')}</th>
                <th scope="col" className="number">
                  {t('content.totalCzk')}
                </th>
                <th scope="col" className="number">
                  {t('content.requestedCzk')}
                </th>
              </tr>
            </thead>
            <tbody>
              {application.budgetLines.map((line, i) => (
                <tr key={i}>
                  <td>{line.category}</td>
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
                  {t('content.sum')}
                </th>
                <td className="number">
                  <Czk value={application.totalCostCzk} />
                </td>
                <td className="number">
                  <Czk value={application.requestedCzk} />
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
        <dl className="facts">
          <dt>{t('content.otherFunding')}</dt>
          <dd>
            <Czk value={application.otherFundingCzk} />
          </dd>
        </dl>
      </GovAccordionItem>
      <GovAccordionItem label={<h3>{t('content.measures')}</h3>}>
        <ul>
          {application.measureCodes.map((code) => (
            <li key={code}>
              <strong>{code}</strong>
              {measureName(code) ? ` — ${measureName(code)}` : ''}
              {code === application.primaryMeasureCode ? ` (${t('content.primary')})` : ''}
            </li>
          ))}
        </ul>
      </GovAccordionItem>
      <GovAccordionItem label={<h3>{t('content.contact')}</h3>}>
        <dl className="facts">
          <dt>{t('content.contactName')}</dt>
          <dd>{application.contactPerson.name}</dd>
          <dt>{t('content.contactEmail')}</dt>
          <dd>{application.contactPerson.email}</dd>
          <dt>{t('content.contactPhone')}</dt>
          <dd>{application.contactPerson.phone}</dd>
        </dl>
      </GovAccordionItem>
    </GovAccordion>
  );
}
