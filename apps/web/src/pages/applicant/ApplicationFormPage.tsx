import { GovMessage } from '@gov-design-system-ce/react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { notEditableBecause } from '@app/applications/domain/application-status';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { Loading, QueryError, StatusTag, usePageTitle } from '../../components/Display';
import { pragueToday } from '../../lib/format';
import { ApiError } from '../../lib/problem';
import { NotFoundPage } from '../NotFoundPage';
import { callQuery, policyQuery } from '../public/queries';
import { ApplicationForm, type FormLocationState } from './form/ApplicationForm';

/** One application of the caller's organisation (shared with the detail page's cache). */
export const applicationQuery = (id: string) =>
  queryOptions({
    queryKey: ['applications', id],
    queryFn: () => unwrap(api.GET('/api/v1/applications/{id}', { params: { path: { id } } })),
  });

const isNotFound = (error: unknown) => error instanceof ApiError && (error.status === 404 || error.status === 400);

/**
 * `/applicant/applications/new?callId=` and `/applicant/applications/:id/edit`: loads the call, the policy and
 * (when editing) the application, then shows the form. The form keeps its state when it creates the draft and
 * the address becomes the draft's own (`formKey` in the location state).
 */
export function ApplicationFormPage() {
  const { t } = useTranslation('applicant');
  const { id } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
  const application = useQuery({ ...applicationQuery(id ?? ''), enabled: id !== undefined });
  const callId = id === undefined ? params.get('callId') : application.data?.callId;
  const call = useQuery({ ...callQuery(callId ?? ''), enabled: !!callId });
  const policy = useQuery(policyQuery);

  if (id === undefined && !callId) return <NoCallChosen />;
  if (application.isError) return isNotFound(application.error) ? <NotFoundPage /> : <QueryError error={application.error} onRetry={() => void application.refetch()} />;
  if (call.isError) return isNotFound(call.error) ? <NotFoundPage /> : <QueryError error={call.error} onRetry={() => void call.refetch()} />;
  if (policy.isError) return <QueryError error={policy.error} onRetry={() => void policy.refetch()} />;
  if ((id !== undefined && application.isPending) || call.isPending || policy.isPending) return <Loading label={t('form.loading')} />;

  if (application.data) {
    const refusal = notEditableBecause({
      status: application.data.status,
      correctionDueOn: application.data.correctionDueOn,
      todayInPrague: pragueToday(),
    });
    if (refusal) return <NotEditable id={application.data.id} title={application.data.title} status={application.data.status} />;
  }

  const formKey = (location.state as FormLocationState | null)?.formKey ?? location.key;
  return <ApplicationForm key={formKey} formKey={formKey} call={call.data} application={application.data ?? null} policy={policy.data} />;
}

function NoCallChosen() {
  const { t } = useTranslation('applicant');
  usePageTitle(t('form.newTitle'));
  return (
    <>
      <h1>{t('form.newTitle')}</h1>
      <p>{t('form.chooseCall')}</p>
      <p>
        <Link to="/">{t('form.toCalls')}</Link>
      </p>
    </>
  );
}

function NotEditable({ id, title, status }: { id: string; title: string; status: Parameters<typeof StatusTag>[0]['status'] }) {
  const { t } = useTranslation('applicant');
  usePageTitle(title);
  return (
    <>
      <h1>{title}</h1>
      <GovMessage color="warning" type="subtle">
        <p>
          {t('form.notEditable')} <StatusTag status={status} />
        </p>
      </GovMessage>
      <p>
        <Link to={`/applicant/applications/${id}`}>{t('form.toDetail')}</Link>
      </p>
    </>
  );
}
