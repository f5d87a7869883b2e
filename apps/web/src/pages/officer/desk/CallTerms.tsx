import { useTranslation } from 'react-i18next';
import type { components } from '../../../api/schema.gen';
import { Czk, DateText, InstantText } from '../../../components/Display';

type Call = components['schemas']['CallResponse'];

/** The terms of a call as announced (or drafted): dates, who may apply, the evaluation, parts and criteria. */
export function CallTerms({ call }: { call: Call }) {
  const { t } = useTranslation(['officer', 'common']);
  return (
    <>
      <dl className="facts">
        <dt>{t('officer:callForm.programme')}</dt>
        <dd>
          {call.programmeCode} {call.year}
        </dd>
        <dt>{t('officer:callForm.announcedOn')}</dt>
        <dd>
          <DateText value={call.announcedOn} />
        </dd>
        <dt>{t('officer:call.window')}</dt>
        <dd>
          <InstantText value={call.submissionOpensAt} /> – <InstantText value={call.submissionClosesAt} /> {t('officer:call.pragueTime')}
        </dd>
        <dt>{t('officer:callForm.decisionDueOn')}</dt>
        <dd>
          <DateText value={call.decisionDueOn} />
        </dd>
        <dt>{t('officer:callForm.settlementDueOn')}</dt>
        <dd>
          <DateText value={call.settlementDueOn} />
        </dd>
        <dt>{t('officer:callForm.applicantKinds')}</dt>
        <dd>{call.eligibleApplicantKinds.map((k) => t(`officer:kind.${k}`)).join(', ')}</dd>
        <dt>{t('officer:callForm.maxApplicationsPerOrganisation')}</dt>
        <dd>{call.maxApplicationsPerOrganisation}</dd>
        <dt>{t('officer:callForm.maxRequestShareOfCostsPct')}</dt>
        <dd>{call.maxRequestShareOfCostsPct} %</dd>
        <dt>{t('officer:callForm.measures')}</dt>
        <dd>{call.eligibleMeasureCodes.join(', ')}</dd>
        <dt>{t('officer:callForm.minScore')}</dt>
        <dd>{call.minScore}</dd>
        <dt>{t('officer:callForm.quorum')}</dt>
        <dd>{call.quorum}</dd>
        <dt>{t('officer:callForm.rankingMethod')}</dt>
        <dd>{t(`officer:rankingMethod.${call.rankingMethod}`)}</dd>
        <dt>{t('officer:call.totalAllocation')}</dt>
        <dd>
          <Czk value={call.totalAllocationCzk} />
        </dd>
      </dl>

      <div className="table-wrap">
        <table className="data">
          <caption>{t('officer:callForm.parts')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('officer:callForm.part.code')}</th>
              <th scope="col">{t('officer:callForm.part.name')}</th>
              <th scope="col" className="number">
                {t('officer:callForm.part.allocationCzk')}
              </th>
              <th scope="col" className="number">
                {t('officer:callForm.part.minRequestCzk')}
              </th>
              <th scope="col" className="number">
                {t('officer:callForm.part.maxRequestCzk')}
              </th>
            </tr>
          </thead>
          <tbody>
            {call.parts.map((p) => (
              <tr key={p.code}>
                <th scope="row">{p.code}</th>
                <td>{p.name}</td>
                <td className="number">
                  <Czk value={p.allocationCzk} />
                </td>
                <td className="number">
                  <Czk value={p.minRequestCzk} />
                </td>
                <td className="number">
                  <Czk value={p.maxRequestCzk} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="table-wrap">
        <table className="data">
          <caption>{t('officer:callForm.criteria')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('officer:callForm.criterion.code')}</th>
              <th scope="col">{t('officer:callForm.criterion.name')}</th>
              <th scope="col" className="number">
                {t('officer:callForm.criterion.maxPoints')}
              </th>
            </tr>
          </thead>
          <tbody>
            {call.criteria.map((c) => (
              <tr key={c.code}>
                <th scope="row">{c.code}</th>
                <td>{c.name}</td>
                <td className="number">{c.maxPoints}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
