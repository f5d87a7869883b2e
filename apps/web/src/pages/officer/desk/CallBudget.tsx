import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema.gen';
import { Czk, Loading, QueryError } from '../../../components/Display';

type Call = components['schemas']['CallResponse'];

const COLUMNS = ['allocationCzk', 'proposedCzk', 'committedCzk', 'paidCzk', 'returnedCzk', 'availableCzk'] as const;

/** The call's money per part (GET /calls/:id/budget): allocation, proposed, committed, paid, returned, available. */
export function CallBudget({ call }: { call: Call }) {
  const { t } = useTranslation(['officer', 'common']);
  const budget = useQuery({
    queryKey: ['calls', call.id, 'budget'],
    queryFn: () => unwrap(api.GET('/api/v1/calls/{id}/budget', { params: { path: { id: call.id } } })),
  });
  if (budget.isPending) return <Loading />;
  if (budget.isError) return <QueryError error={budget.error} onRetry={() => void budget.refetch()} />;
  const names = new Map(call.parts.map((p) => [p.code, p.name]));
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>{t('officer:budget.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('officer:budget.part')}</th>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" className="number">
                {t(`officer:budget.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {budget.data.parts.map((part) => (
            <tr key={part.code}>
              <th scope="row">
                {part.code} {names.get(part.code)}
              </th>
              {COLUMNS.map((c) => (
                <td key={c} className="number">
                  <Czk value={part[c]} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
