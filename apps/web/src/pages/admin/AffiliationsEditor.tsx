import { GovButton, GovFormControl, GovFormLabel, GovFormMessage, GovMessage } from '@gov-design-system-ce/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { Loading } from '../../components/Display';
import { TextField } from '../../components/Field';
import { ProblemSummary, useProblem } from '../../components/ProblemSummary';
import { organisationIdsForApi, renameProblemFields, rowOfSentId } from '../../lib/admin-users';
import { fieldId } from '../../lib/field-id';

interface Person {
  id: string;
  fullName: string;
  email: string;
}

/**
 * The organisations a staff user belongs to (works for, sits on the board of): a commission
 * member is then in conflict of interest with their applications automatically. The portal has
 * no list of organisations to pick from for an administrator, so ids are typed (or pasted); the
 * API checks each is a registered organisation. Saving replaces the user's whole list.
 */
export function AffiliationsEditor({ user, initial, onSaved }: { user: Person; initial: readonly string[]; onSaved?: (ids: string[]) => void }) {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<string[]>(() => (initial.length ? [...initial] : ['']));
  const [sentRows, setSentRows] = useState<string[]>([]);
  const [saved, setSaved] = useState<string[] | null>(null);
  const mutation = useMutation({
    mutationFn: (organisationIds: string[]) => unwrap(api.PUT('/api/v1/users/{id}/affiliations', { params: { path: { id: user.id } }, body: { organisationIds } })),
    onSuccess: async (answer) => {
      setSaved(answer.organisationIds);
      setRows(answer.organisationIds.length ? [...answer.organisationIds] : ['']);
      onSaved?.(answer.organisationIds);
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  // The API numbers the ids it was sent; the form's rows may include blanks it was not sent.
  const sentCount = organisationIdsForApi(sentRows).length;
  const renames = Object.fromEntries(
    Array.from({ length: sentCount }, (_, i) => [`organisationIds[${i}]`, `organisationIds[${rowOfSentId(sentRows, i)}]`]),
  );
  const error = renameProblemFields(mutation.error, renames);
  const { byField } = useProblem(error);
  const labels: Record<string, string> = { organisationIds: t('affiliations.legend') };
  for (let i = 0; i < rows.length; i++) labels[`organisationIds[${i}]`] = t('affiliations.organisation', { n: i + 1 });
  const listErrors = byField.get('organisationIds');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (mutation.isPending) return;
    setSaved(null);
    setSentRows(rows);
    mutation.mutate(organisationIdsForApi(rows));
  }

  return (
    <form noValidate onSubmit={submit} className="admin-affiliations" aria-labelledby={`affiliations-${user.id}`} data-testid="affiliations-form">
      <h2 id={`affiliations-${user.id}`}>{t('affiliations.heading', { name: user.fullName })}</h2>
      <p>{t('affiliations.explained')}</p>
      <ProblemSummary error={error} labels={labels} />
      <div aria-live="polite" data-testid="affiliations-saved">
        {saved && (
          <GovMessage color="success" type="subtle">
            <p>{saved.length ? t('affiliations.saved', { count: saved.length }) : t('affiliations.savedNone')}</p>
          </GovMessage>
        )}
      </div>
      <GovFormControl fieldset invalid={(listErrors?.length ?? 0) > 0}>
        <GovFormLabel legend slot="top">
          {t('affiliations.legend')}
        </GovFormLabel>
        <p className="muted">{t('affiliations.hint', { email: user.email })}</p>
        {listErrors && (
          <div id={fieldId('organisationIds')} tabIndex={-1}>
            {listErrors.map((message) => (
              <GovFormMessage key={message} color="error">
                {message}
              </GovFormMessage>
            ))}
          </div>
        )}
        <ol className="admin-affiliations__rows">
          {rows.map((value, i) => (
            <li key={i}>
              <TextField
                name={`organisationIds[${i}]`}
                label={t('affiliations.organisation', { n: i + 1 })}
                autoComplete="off"
                spellCheck={false}
                value={value}
                onChange={(e) => setRows((current) => current.map((row, j) => (j === i ? e.target.value : row)))}
                errors={byField.get(`organisationIds[${i}]`)}
              />
              <GovButton
                type="outlined"
                color="neutral"
                size="s"
                aria-label={t('affiliations.removeNamed', { n: i + 1 })}
                onClick={() => setRows((current) => (current.length > 1 ? current.filter((_, j) => j !== i) : ['']))}
              >
                {t('common:actions.remove')}
              </GovButton>
            </li>
          ))}
        </ol>
        <GovButton type="outlined" color="primary" size="s" onClick={() => setRows((current) => [...current, ''])}>
          {t('affiliations.add')}
        </GovButton>
      </GovFormControl>
      <div className="actions">
        <GovButton nativeType="submit" type="solid" color="primary" aria-disabled={mutation.isPending} disabled={mutation.isPending}>
          {t('affiliations.save')}
        </GovButton>
        {mutation.isPending && <Loading label={t('affiliations.saving')} />}
      </div>
    </form>
  );
}
