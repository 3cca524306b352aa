import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClientsQuery, MemberRole } from '../../../gql/graphql';
import { useFormatters } from '../../../app/i18n/use-formatters';
import { ConfirmStep, useConfirmStep } from '../../../app/ui/confirm-step';
import { DataTable } from '../../../app/ui/data-table';
import { InlineAlert, messagesOf } from '../../../app/ui/inline-alert';
import { EmptyState, ErrorState, LoadingState } from '../../../app/ui/states';
import { ApiClientsDocument, RevokeApiClientDocument } from '../graphql/api-clients';
import { ApiClientSecretPanel, type CreatedApiClient } from './api-client-secret-panel';
import { CreateApiClientForm } from './create-api-client-form';

type ApiClient = ApiClientsQuery['apiClients'][number];

/**
 * For the organisation's admins: API clients (service accounts) through which other systems use
 * the API for the organisation — the list, creation with the one-time secret, and revocation.
 */
export function ApiClientsSection({
  viewerRole,
  tokenEndpoint,
}: {
  /** The viewer's role in the organisation: only its ADMINs see the section (the API says FORBIDDEN to others). */
  viewerRole: MemberRole | null | undefined;
  tokenEndpoint: string;
}) {
  return viewerRole === 'ADMIN' ? <ApiClients tokenEndpoint={tokenEndpoint} /> : null;
}

function ApiClients({ tokenEndpoint }: { tokenEndpoint: string }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(ApiClientsDocument, { fetchPolicy: 'cache-and-network' });
  const [created, setCreated] = useState<CreatedApiClient | null>(null);
  const [notice, setNotice] = useState('');
  const clients = data?.apiClients ?? [];

  return (
    <section aria-labelledby="api-clients-title" className="panel" id="api-clients">
      <h2 id="api-clients-title">{t('apiClients.title')}</h2>
      <p className="muted">{t('apiClients.lead')}</p>
      {loading && !data && <LoadingState />}
      {error && !data && <ErrorState error={error} onRetry={() => void refetch()} />}
      {data && clients.length === 0 && <EmptyState>{t('apiClients.empty')}</EmptyState>}
      {clients.length > 0 && (
        <DataTable
          caption={t('apiClients.listCaption')}
          columns={[
            t('apiClients.name'),
            t('apiClients.clientId'),
            t('apiClients.role'),
            t('apiClients.createdAt'),
            t('apiClients.status'),
          ]}
          actionsLabel={t('apiClients.actions')}
        >
          {clients.map((client) => (
            <ApiClientRow
              key={client.id}
              client={client}
              onRevoked={() => setNotice(t('apiClients.revokedNotice', { name: client.name }))}
            />
          ))}
        </DataTable>
      )}
      <p role="status" className="form-status">
        {notice}
      </p>

      {created ? (
        <ApiClientSecretPanel created={created} tokenEndpoint={tokenEndpoint} onClose={() => setCreated(null)} />
      ) : (
        <>
          <h3 id="api-client-create-title">{t('apiClients.createTitle')}</h3>
          <CreateApiClientForm
            onCreated={(value) => {
              setNotice('');
              setCreated(value);
            }}
          />
        </>
      )}
    </section>
  );
}

function ApiClientRow({ client, onRevoked }: { client: ApiClient; onRevoked: () => void }) {
  const { t } = useTranslation();
  const { formatDate } = useFormatters();
  const { confirming, triggerRef, cancelRef, ask, cancel, close } = useConfirmStep();
  const [problems, setProblems] = useState<string[]>([]);
  const [revoke, { loading }] = useMutation(RevokeApiClientDocument);

  async function onConfirm() {
    setProblems([]);
    try {
      const result = await revoke({ variables: { input: { apiClientId: client.id } } });
      const errors = result.data?.revokeApiClient.userErrors ?? [];
      setProblems(messagesOf(errors));
      if (errors.length === 0) {
        close();
        onRevoked();
      }
    } catch (e) {
      setProblems([e instanceof Error ? e.message : t('errors.network')]);
    }
  }

  const revoked = client.revokedAt !== null && client.revokedAt !== undefined;
  return (
    <tr data-api-client-id={client.clientId}>
      <th scope="row">{client.name}</th>
      <td>
        <code>{client.clientId}</code>
      </td>
      <td>{t(`role.${client.role}`)}</td>
      <td>{formatDate(client.createdAt)}</td>
      <td>
        <span className={`badge badge--${revoked ? 'left' : 'active'}`} data-status={revoked ? 'REVOKED' : 'ACTIVE'}>
          {revoked ? t('apiClients.revoked') : t('apiClients.active')}
        </span>
        {revoked && <span className="muted"> {t('apiClients.revokedAt', { date: formatDate(client.revokedAt) })}</span>}
      </td>
      <td>
        {!revoked && !confirming && (
          <button type="button" ref={triggerRef} className="button button--danger-quiet" onClick={ask}>
            {t('apiClients.revoke')} <span className="visually-hidden">{client.name}</span>
          </button>
        )}
        {!revoked && confirming && (
          <ConfirmStep
            id={`api-client-confirm-${client.id}`}
            question={t('apiClients.confirmRevoke', { name: client.name })}
            confirmLabel={t('apiClients.confirmRevokeButton')}
            busy={loading}
            onConfirm={() => void onConfirm()}
            onCancel={() => {
              setProblems([]);
              cancel();
            }}
            cancelRef={cancelRef}
          />
        )}
        <InlineAlert messages={problems} />
      </td>
    </tr>
  );
}
