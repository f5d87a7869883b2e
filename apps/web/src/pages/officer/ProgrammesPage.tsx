import { GovButton } from '@gov-design-system-ce/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { Czk, Loading, QueryError, usePageTitle } from '../../components/Display';
import { TextField } from '../../components/Field';
import { DeskPager } from './desk/DeskPager';
import { ProblemSummary, useProblem } from '../../components/ProblemSummary';
import { parseCzk } from '../../lib/budget';
import { Crumbs } from './desk/Crumbs';
import './desk/desk.css';

const PAGE_SIZE = 25;

/** `/officer/programmes`: the programmes (GET /programmes, paged; newest year first) and a new one (POST /programmes). */
export function ProgrammesPage() {
  const { t } = useTranslation(['officer', 'common']);
  usePageTitle(t('officer:programmes.title'));
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const programmes = useQuery({
    queryKey: ['programmes', { page, pageSize: PAGE_SIZE }],
    queryFn: () => unwrap(api.GET('/api/v1/programmes', { params: { query: { page, pageSize: PAGE_SIZE } } })),
  });
  return (
    <>
      <Crumbs items={[{ label: t('officer:programmes.title') }]} />
      <h1>{t('officer:programmes.title')}</h1>
      <p>{t('officer:programmes.intro')}</p>
      <section aria-labelledby="programmes-list">
        <h2 id="programmes-list">{t('officer:programmes.list')}</h2>
        {programmes.isPending ? (
          <Loading />
        ) : programmes.isError ? (
          <QueryError error={programmes.error} onRetry={() => void programmes.refetch()} />
        ) : programmes.data.items.length === 0 ? (
          <p>{t('officer:programmes.empty')}</p>
        ) : (
          <>
            <div className="table-wrap">
              <table className="data">
                <caption>{t('officer:programmes.caption', { total: programmes.data.total })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('officer:programmes.code')}</th>
                    <th scope="col">{t('officer:programmes.year')}</th>
                    <th scope="col">{t('officer:programmes.name')}</th>
                    <th scope="col" className="number">
                      {t('officer:programmes.appropriation')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {programmes.data.items.map((p) => (
                    <tr key={p.id}>
                      <td>{p.code}</td>
                      <td>{p.year}</td>
                      <th scope="row">
                        <Link to={`/officer/programmes/${p.id}`}>{p.name}</Link>
                      </th>
                      <td className="number">
                        <Czk value={p.appropriationCzk} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <DeskPager page={page} pageSize={PAGE_SIZE} total={programmes.data.total} onPage={(p) => setParams({ page: String(p) }, { replace: true })} />
          </>
        )}
      </section>
      <NewProgramme />
    </>
  );
}

/** A new programme with its budget appropriation; the API refuses a code and year that exist (PROGRAMME_EXISTS). */
function NewProgramme() {
  const { t } = useTranslation(['officer', 'common']);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [appropriation, setAppropriation] = useState('');
  const create = useMutation({
    mutationFn: () => {
      const typedYear = year.trim();
      const typedAppropriation = appropriation.trim();
      return unwrap(
        api.POST('/api/v1/programmes', {
          // Values the portal cannot read go as typed: the API names the field.
          body: {
            code: code.trim(),
            name: name.trim(),
            year: (/^\d{4}$/.test(typedYear) ? Number(typedYear) : typedYear) as number,
            appropriationCzk: (parseCzk(typedAppropriation) ?? typedAppropriation) as number,
          },
        }),
      );
    },
    onSuccess: async (programme) => {
      await queryClient.invalidateQueries({ queryKey: ['programmes'] });
      await navigate(`/officer/programmes/${programme.id}`);
    },
  });
  const { byField } = useProblem(create.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!create.isPending) create.mutate();
  }

  return (
    <section aria-labelledby="programme-new">
      <h2 id="programme-new">{t('officer:programmes.create')}</h2>
      <form noValidate onSubmit={submit} className="narrow">
        <ProblemSummary
          error={create.error}
          labels={{
            code: t('officer:programmes.code'),
            name: t('officer:programmes.name'),
            year: t('officer:programmes.year'),
            appropriationCzk: t('officer:programmes.appropriation'),
          }}
        />
        <TextField name="code" label={t('officer:programmes.code')} hint={t('officer:programmes.codeHint')} required value={code} errors={byField.get('code')} onChange={(e) => setCode(e.target.value)} />
        <TextField name="name" label={t('officer:programmes.name')} required value={name} errors={byField.get('name')} onChange={(e) => setName(e.target.value)} />
        <TextField name="year" inputMode="numeric" label={t('officer:programmes.year')} required value={year} errors={byField.get('year')} onChange={(e) => setYear(e.target.value)} />
        <TextField
          name="appropriationCzk"
          inputMode="numeric"
          label={t('officer:programmes.appropriation')}
          hint={t('officer:programmes.appropriationHint')}
          required
          value={appropriation}
          errors={byField.get('appropriationCzk')}
          onChange={(e) => setAppropriation(e.target.value)}
        />
        <div className="actions">
          <GovButton nativeType="submit" type="solid" color="primary" loading={create.isPending ? 'true' : undefined} disabled={create.isPending}>
            {t('officer:programmes.submit')}
          </GovButton>
          {create.isPending && <Loading label={t('common:state.saving')} />}
        </div>
      </form>
    </section>
  );
}
