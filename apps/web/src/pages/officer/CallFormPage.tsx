import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { Loading, QueryError, usePageTitle } from '../../components/Display';
import { SelectField } from '../../components/Field';
import { callFormFrom, emptyCallForm } from '../../lib/call-terms';
import { ApiError } from '../../lib/problem';
import { NotFoundPage } from '../NotFoundPage';
import { CallTermsForm } from './desk/CallTermsForm';
import { Crumbs } from './desk/Crumbs';

/** The programmes a new call may belong to: the newest ones, one page of the API's largest. */
const PROGRAMME_CHOICES = 200;

/** `/officer/calls/new` (a new draft; `?programmeId=` preselects the programme) and `/officer/calls/:id/edit` (a draft's terms). */
export function CallFormPage() {
  const { id } = useParams();
  return id ? <EditCall id={id} /> : <NewCall />;
}

function NewCall() {
  const { t } = useTranslation(['officer', 'common']);
  usePageTitle(t('officer:callForm.newTitle'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const programmes = useQuery({
    queryKey: ['programmes', { page: 1, pageSize: PROGRAMME_CHOICES }],
    queryFn: () => unwrap(api.GET('/api/v1/programmes', { params: { query: { page: 1, pageSize: PROGRAMME_CHOICES } } })),
  });
  return (
    <>
      <Crumbs items={[{ to: '/officer/calls', label: t('officer:calls.title') }, { label: t('officer:callForm.newTitle') }]} />
      <h1>{t('officer:callForm.newTitle')}</h1>
      {programmes.isPending ? (
        <Loading />
      ) : programmes.isError ? (
        <QueryError error={programmes.error} onRetry={() => void programmes.refetch()} />
      ) : programmes.data.items.length === 0 ? (
        <p>
          {t('officer:callForm.noProgramme')} <Link to="/officer/programmes">{t('officer:programmes.create')}</Link>
        </p>
      ) : (
        <CallTermsForm
          initial={emptyCallForm(params.get('programmeId') ?? (programmes.data.items.length === 1 ? programmes.data.items[0].id : ''))}
          programmeField={({ value, onChange, errors }) => (
            <SelectField name="programmeId" label={t('officer:callForm.programme')} required value={value} errors={errors} onChange={(e) => onChange(e.target.value)}>
              <option value="">{t('officer:callForm.chooseProgramme')}</option>
              {programmes.data.items.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.code} {p.year} — {p.name}
                </option>
              ))}
            </SelectField>
          )}
          onSaved={(call) => void navigate(`/officer/calls/${call.id}`)}
          cancel={<Link to="/officer/calls">{t('common:actions.cancel')}</Link>}
        />
      )}
    </>
  );
}

function EditCall({ id }: { id: string }) {
  const { t } = useTranslation(['officer', 'common']);
  const navigate = useNavigate();
  const call = useQuery({ queryKey: ['calls', id], queryFn: () => unwrap(api.GET('/api/v1/calls/{id}', { params: { path: { id } } })) });
  usePageTitle(call.data ? t('officer:callForm.editTitle', { title: call.data.title }) : t('officer:callForm.editHeading'));
  if (call.isPending) return <Loading />;
  if (call.isError) return call.error instanceof ApiError && call.error.status === 404 ? <NotFoundPage /> : <QueryError error={call.error} onRetry={() => void call.refetch()} />;
  const crumbs = (
    <Crumbs
      items={[
        { to: '/officer/calls', label: t('officer:calls.title') },
        { to: `/officer/calls/${id}`, label: call.data.title },
        { label: t('officer:callForm.editHeading') },
      ]}
    />
  );
  if (call.data.status !== 'draft') {
    return (
      <>
        {crumbs}
        <h1>{t('officer:callForm.editTitle', { title: call.data.title })}</h1>
        <p>{t('officer:callForm.notDraft')}</p>
        <p>
          <Link to={`/officer/calls/${id}`}>{t('officer:callForm.backToCall')}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      {crumbs}
      <h1>{t('officer:callForm.editTitle', { title: call.data.title })}</h1>
      <CallTermsForm
        key={call.data.id}
        callId={id}
        initial={callFormFrom(call.data)}
        programmeField={() => (
          <p>
            <strong>{t('officer:callForm.programme')}:</strong> {call.data.programmeCode} {call.data.year}
          </p>
        )}
        onSaved={() => void navigate(`/officer/calls/${id}`)}
        cancel={<Link to={`/officer/calls/${id}`}>{t('common:actions.cancel')}</Link>}
      />
    </>
  );
}
