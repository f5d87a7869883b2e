import { GovAccordion, GovAccordionItem } from '@gov-design-system-ce/react';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Loading, QueryError, usePageTitle } from '../../components/Display';
import { TextField } from '../../components/Field';
import { buildPolicyTree, filterPolicyTree, measuresOf, POLICY_TEXT_LANGUAGE, type PriorityNode } from '../../lib/measures-tree';
import { policyQuery } from './queries';
import './public.css';

/** The city's integration policy, priority by priority, searchable by measure code or words (`?q=` keeps the search). */
export function PolicyPage() {
  const { t } = useTranslation('public');
  usePageTitle(t('policy.title'));
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState(() => params.get('q') ?? '');
  const policy = useQuery(policyQuery);
  const tree = useMemo(() => (policy.data ? buildPolicyTree(policy.data) : []), [policy.data]);
  const searched = useDeferredValue(query);
  const result = useMemo(() => filterPolicyTree(tree, searched), [tree, searched]);
  const searching = searched.trim() !== '';

  return (
    <>
      <h1>{t('policy.title')}</h1>
      <p className="lead">{t('policy.intro')}</p>
      <p className="muted">{t('policy.languageNote')}</p>
      <form role="search" className="policy-search" noValidate onSubmit={(event) => event.preventDefault()}>
        <TextField
          name="q"
          type="search"
          label={t('policy.searchLabel')}
          hint={t('policy.searchHint')}
          value={query}
          autoComplete="off"
          onChange={(event) => {
            const value = event.target.value;
            setQuery(value);
            setParams(value.trim() ? { q: value } : {}, { replace: true });
          }}
        />
      </form>
      {policy.isPending ? (
        <Loading />
      ) : policy.isError ? (
        <QueryError error={policy.error} onRetry={() => void policy.refetch()} />
      ) : (
        <>
          <p role="status" aria-live="polite" className="policy-count">
            {searching ? t('policy.matches', { n: result.matches }) : t('policy.all', { n: result.matches })}
          </p>
          <GovAccordion className="policy-tree">
            {result.tree.map((priority) => (
              <GovAccordionItem
                key={priority.number}
                open={searching}
                label={
                  <span>
                    {t('policy.priority', { number: priority.number })}: <span lang={POLICY_TEXT_LANGUAGE}>{priority.name}</span>
                  </span>
                }
                annotation={<span className="muted policy-annotation">{t('policy.measureCount', { n: measuresOf([priority]).length })}</span>}
              >
                <Priority priority={priority} />
              </GovAccordionItem>
            ))}
          </GovAccordion>
        </>
      )}
    </>
  );
}

function Priority({ priority }: { priority: PriorityNode }) {
  const { t } = useTranslation('public');
  return (
    <>
      {priority.subAreas.map((area) => (
        <section key={area.code} className="policy-area" aria-labelledby={`policy-area-${area.code}`}>
          <h2 id={`policy-area-${area.code}`}>
            {t('policy.subArea', { code: area.code })}: <span lang={POLICY_TEXT_LANGUAGE}>{area.name}</span>
          </h2>
          {area.subAims.map((aim) => (
            <div key={aim.number} className="policy-aim">
              <h3>
                {t('policy.subAim', { number: aim.number })}: <span lang={POLICY_TEXT_LANGUAGE}>{aim.text}</span>
              </h3>
              <ul className="policy-measures">
                {aim.measures.map((measure) => (
                  <li key={measure.code}>
                    <strong className="policy-code">{t('policy.measure', { code: measure.code })}</strong>{' '}
                    <span lang={POLICY_TEXT_LANGUAGE}>{measure.text}</span>
                    <br />
                    <span className="muted">
                      {t('policy.guarantor')}: <span lang={POLICY_TEXT_LANGUAGE}>{measure.guarantor}</span>
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </>
  );
}
