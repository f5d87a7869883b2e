import { notEditableBecause } from '@app/applications/domain/application-status';
import { GovButton, GovMessage } from '@gov-design-system-ce/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateText } from '../../../components/Display';
import { pragueToday } from '../../../lib/format';
import { latestFormalCheck } from '../../../lib/grant-money';
import type { Application } from './queries';

/**
 * What the officer's formal check asks of the applicant: the defects to correct and
 * by when (with the way to edit and resubmit while that is still possible), or the
 * reasons the application was found ineligible.
 */
export function FormalCheckOutcome({ application }: { application: Application }) {
  const { t } = useTranslation(['grant', 'common']);
  if (application.status === 'correction_requested') {
    const check = latestFormalCheck(application.formalChecks, 'correction_requested');
    const dueOn = application.correctionDueOn ?? check?.correctionDueOn ?? null;
    // The same rule the API applies to an edit: up to and including the due day, in Prague.
    const closedBecause = notEditableBecause({ status: application.status, correctionDueOn: dueOn, todayInPrague: pragueToday() });
    return (
      <section aria-labelledby="correction-request" data-testid="correction-request">
        <GovMessage color="warning" type="subtle">
          <h2 id="correction-request">{t('grant:correction.title')}</h2>
          <p>{t('grant:correction.intro')}</p>
          {check && check.reasons.length > 0 && (
            <>
              <h3>{t('grant:correction.defects')}</h3>
              <ul className="reasons">
                {check.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </>
          )}
          {dueOn && (
            <p>
              <strong>
                {t('grant:correction.dueOn')} <DateText value={dueOn} />
              </strong>
            </p>
          )}
          {closedBecause ? (
            <p>{t('grant:correction.deadlinePassed')}</p>
          ) : (
            <div className="actions">
              <GovButton asChild type="solid" color="primary">
                <Link to={`/applicant/applications/${application.id}/edit`}>{t('grant:correction.edit')}</Link>
              </GovButton>
            </div>
          )}
        </GovMessage>
      </section>
    );
  }
  if (application.status === 'ineligible') {
    const check = latestFormalCheck(application.formalChecks, 'ineligible');
    return (
      <section aria-labelledby="ineligible">
        <h2 id="ineligible">{t('grant:ineligible.title')}</h2>
        <p>{t('grant:ineligible.intro')}</p>
        {check && check.reasons.length > 0 && (
          <ul className="reasons">
            {check.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        )}
      </section>
    );
  }
  return null;
}
