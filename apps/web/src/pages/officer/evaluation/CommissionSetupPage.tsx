import { GovButton, GovFormCheckbox, GovFormLabel, GovFormMessage, GovMessage } from '@gov-design-system-ce/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema.gen';
import { Loading, QueryError, usePageTitle } from '../../../components/Display';
import { SelectField, TextAreaField } from '../../../components/Field';
import { Pager } from '../../../components/Pager';
import { ProblemSummary, useProblem } from '../../../components/ProblemSummary';
import { fieldId } from '../../../lib/field-id';
import { ApiError } from '../../../lib/problem';
import { Crumbs } from '../../commission/evaluation-ui';
import { useCall, type Call } from '../../commission/queries';
import { NotFoundPage } from '../../NotFoundPage';

type Commission = components['schemas']['CommissionResponse'];
type Member = Commission['members'][number];

const PAGE_SIZE = 50;

/** The officer seats a call's DOT Commission and its chair from the users with the commission role. */
export function CommissionSetupPage() {
  const { t } = useTranslation('commission');
  const { id } = useParams();
  const call = useCall(id);
  const commission = useQuery({
    queryKey: ['calls', id, 'commission'],
    queryFn: () => unwrap(api.GET('/api/v1/calls/{id}/commission', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
  usePageTitle(call.data ? t('setup.title', { call: call.data.title }) : t('setup.titleShort'));

  const failed = [call, commission].find((q) => q.isError);
  if (failed?.error instanceof ApiError && failed.error.status === 404) return <NotFoundPage />;
  if (failed) return <QueryError error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!call.data || !commission.data) return <Loading />;

  return (
    <section>
      <Crumbs
        items={[
          { to: '/officer', label: t('officerCrumbs.desk') },
          { to: `/officer/calls/${call.data.id}`, label: call.data.title },
          { label: t('setup.titleShort') },
        ]}
      />
      <h1>{t('setup.title', { call: call.data.title })}</h1>
      <GovMessage color="primary" type="subtle">
        <p>{t('setup.quorumRule', { n: call.data.quorum })}</p>
        <p>{t('setup.conflictRule')}</p>
      </GovMessage>
      <h2>{t('setup.current')}</h2>
      {commission.data.members.length === 0 ? (
        <p>{t('setup.noneYet')}</p>
      ) : (
        <ul className="member-list">
          {commission.data.members.map((m) => (
            <li key={m.userId}>
              {m.fullName} ({m.email}){m.chair && <strong> — {t('setup.chair')}</strong>}
            </li>
          ))}
        </ul>
      )}
      {call.data.status === 'evaluated' || call.data.status === 'decided' ? (
        <GovMessage color="warning" type="subtle">
          <p>{t('setup.frozen')}</p>
        </GovMessage>
      ) : (
        <CommissionForm call={call.data} members={commission.data.members} />
      )}
    </section>
  );
}

function CommissionForm({ call, members }: { call: Call; members: Member[] }) {
  const { t } = useTranslation('commission');
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const users = useQuery({
    queryKey: ['users', { role: 'commission', page, pageSize: PAGE_SIZE }],
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { role: 'commission', page, pageSize: PAGE_SIZE } } })),
    placeholderData: (previous) => previous,
  });
  const [selected, setSelected] = useState<string[]>(() => members.map((m) => m.userId));
  const [chairId, setChairId] = useState(() => members.find((m) => m.chair)?.userId ?? '');
  // Names of everyone ever shown, so the chair list names members seated from another page of users.
  const known = new Map<string, string>(members.map((m) => [m.userId, m.fullName]));
  for (const u of users.data?.items ?? []) known.set(u.id, u.fullName);
  const [saved, setSaved] = useState(false);
  // Once the window has closed (members may score) a change needs a reason (409 COMMISSION_FROZEN without one).
  const needsReason = call.status === 'closed';
  const [reason, setReason] = useState('');

  const save = useMutation({
    mutationFn: (body: components['schemas']['CommissionRequest']) =>
      unwrap(api.PUT('/api/v1/calls/{id}/commission', { params: { path: { id: call.id } }, body })),
    onSuccess: async () => {
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ['calls', call.id, 'commission'] });
    },
  });
  const { byField } = useProblem(save.error);
  const memberProblems = [...byField.entries()].filter(([field]) => field === 'memberIds' || field.startsWith('memberIds[')).flatMap(([, m]) => m);

  function toggle(userId: string, on: boolean) {
    setSaved(false);
    setSelected((all) => (on ? [...all, userId] : all.filter((x) => x !== userId)));
    if (!on && chairId === userId) setChairId('');
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    // The design system's button is only styled as disabled while sending: a second press must not send again.
    if (save.isPending) return;
    setSaved(false);
    save.mutate(needsReason ? { memberIds: selected, chairId, reason } : { memberIds: selected, chairId });
  }

  const membersId = fieldId('memberIds');
  return (
    <form noValidate onSubmit={submit}>
      <h2>{t('setup.change')}</h2>
      <ProblemSummary error={save.error} labels={{ memberIds: t('setup.members'), chairId: t('setup.chairLabel'), reason: t('setup.reasonLabel') }} />
      {users.isPending && <Loading />}
      {users.isError && <QueryError error={users.error} onRetry={() => void users.refetch()} />}
      <fieldset id={membersId} tabIndex={-1} className="radio-group" aria-describedby={memberProblems.length ? `${membersId}-error` : `${membersId}-count`}>
        <legend>{t('setup.members')}</legend>
        {users.data?.items.length === 0 && <p>{t('setup.noUsers')}</p>}
        {users.data?.items.map((u) => (
          <div key={u.id} className="radio-group__option">
            <GovFormCheckbox
              size="m"
              identifier={`member-${u.id}`}
              name="memberIds"
              value={u.id}
              checked={selected.includes(u.id)}
              invalid={memberProblems.length > 0}
              onChange={(e) => toggle(u.id, e.target.checked)}
            >
              <GovFormLabel>
                {u.fullName} ({u.email})
              </GovFormLabel>
            </GovFormCheckbox>
            {u.affiliations.length > 0 && <p className="muted radio-group__hint">{t('setup.affiliations', { n: u.affiliations.length })}</p>}
          </div>
        ))}
        <p id={`${membersId}-count`} aria-live="polite">
          {t('setup.selected', { n: selected.length, quorum: call.quorum })}
        </p>
        {memberProblems.length > 0 && (
          <div id={`${membersId}-error`}>
            {memberProblems.map((message) => (
              <GovFormMessage key={message} color="error">
                {message}
              </GovFormMessage>
            ))}
          </div>
        )}
      </fieldset>
      {users.data && users.data.total > PAGE_SIZE && <Pager page={page} pageSize={PAGE_SIZE} total={users.data.total} onPage={setPage} />}
      <SelectField
        name="chairId"
        label={t('setup.chairLabel')}
        hint={t('setup.chairHint')}
        value={chairId}
        onChange={(e) => {
          setChairId(e.target.value);
          setSaved(false);
        }}
        errors={byField.get('chairId')}
      >
        <option value="">{t('setup.chooseChair')}</option>
        {selected.map((userId) => (
          <option key={userId} value={userId}>
            {known.get(userId) ?? userId}
          </option>
        ))}
      </SelectField>
      {needsReason && (
        <TextAreaField
          name="reason"
          label={t('setup.reasonLabel')}
          hint={t('setup.reasonHint')}
          required
          rows={3}
          maxLength={2000}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            setSaved(false);
          }}
          errors={byField.get('reason')}
        />
      )}
      <div className="actions">
        <GovButton nativeType="submit" type="solid" color="primary" disabled={save.isPending} loading={save.isPending ? 'true' : undefined}>
          {t('setup.submit')}
        </GovButton>
        {save.isPending && <Loading label={t('setup.sending')} />}
        {saved && !save.isPending && <span role="status">{t('setup.saved')}</span>}
      </div>
    </form>
  );
}
