import { useMutation } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberRole } from '../../../gql/graphql';
import { FormAlert, SelectField, TextField } from '../../../app/ui/form-fields';
import { splitUserErrors } from '../../../app/ui/user-errors';
import { ApiClientsDocument, CreateApiClientDocument } from '../graphql/api-clients';
import type { CreatedApiClient } from './api-client-secret-panel';

/** An API client acts with any role but ADMIN. */
export const API_CLIENT_ROLES: MemberRole[] = ['EDITOR', 'REVIEWER', 'VIEWER'];

export function validApiClientName(name: string): boolean {
  const length = [...name.trim()].length;
  return length >= 2 && length <= 100;
}

/** Name and role of a new API client; reports the one-time secret through onCreated. */
export function CreateApiClientForm({ onCreated }: { onCreated: (created: CreatedApiClient) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [role, setRole] = useState<MemberRole>('VIEWER');
  const [errors, setErrors] = useState<{ name?: string; role?: string }>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const fieldsRef = useRef<HTMLDivElement>(null);
  // The secret must not stay in the cache: the list is fetched again instead.
  const [create, { loading }] = useMutation(CreateApiClientDocument, {
    fetchPolicy: 'no-cache',
    refetchQueries: [{ query: ApiClientsDocument }],
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormErrors([]);
    if (!validApiClientName(name)) {
      setErrors({ name: t(name.trim() ? 'apiClients.nameLength' : 'validation.required') });
      fieldsRef.current?.querySelector('input')?.focus();
      return;
    }
    setErrors({});
    try {
      const result = await create({ variables: { input: { name: name.trim(), role } } });
      const payload = result.data?.createApiClient;
      const split = splitUserErrors(payload?.userErrors ?? [], ['name', 'role']);
      setErrors(split.fieldErrors);
      setFormErrors(split.formErrors);
      if (split.fieldErrors.name) fieldsRef.current?.querySelector('input')?.focus();
      else if (split.fieldErrors.role) fieldsRef.current?.querySelector('select')?.focus();
      if (payload?.apiClient && payload.clientSecret && payload.userErrors.length === 0) {
        onCreated({
          name: payload.apiClient.name,
          clientId: payload.apiClient.clientId,
          clientSecret: payload.clientSecret,
        });
        setName('');
      }
    } catch (e) {
      setFormErrors([e instanceof Error ? e.message : t('errors.network')]);
    }
  }

  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="api-client-create-title">
      <FormAlert messages={formErrors} />
      <div className="field-row" ref={fieldsRef}>
        <TextField
          id="api-client-name"
          label={t('apiClients.name')}
          hint={t('apiClients.nameHint')}
          required
          autoComplete="off"
          maxLength={100}
          value={name}
          error={errors.name}
          onValueChange={(v) => {
            setName(v);
            if (errors.name) setErrors(({ name: _, ...rest }) => rest);
          }}
        />
        <SelectField
          id="api-client-role"
          label={t('apiClients.role')}
          hint={t('apiClients.roleHint')}
          required
          value={role}
          options={API_CLIENT_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          error={errors.role}
          onValueChange={(v) => {
            setRole(v as MemberRole);
            if (errors.role) setErrors(({ role: _, ...rest }) => rest);
          }}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? t('apiClients.creating') : t('apiClients.create')}
        </button>
      </div>
    </form>
  );
}
