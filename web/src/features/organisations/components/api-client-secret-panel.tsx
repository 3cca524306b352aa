import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface CreatedApiClient {
  name: string;
  clientId: string;
  clientSecret: string;
}

/** The curl command that exchanges the client's id and secret for an access token. */
export function tokenCommand(tokenEndpoint: string, clientId: string, clientSecret: string): string {
  const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
  return [
    `curl -s ${quote(tokenEndpoint)} \\`,
    '  -d grant_type=client_credentials \\',
    `  -d client_id=${quote(clientId)} \\`,
    `  --data-urlencode client_secret=${quote(clientSecret)}`,
  ].join('\n');
}

/**
 * Shown once, right after creation: the client id, the secret and the token command. The secret
 * lives only in the creating form's state; closing the panel forgets it.
 */
export function ApiClientSecretPanel({
  created,
  tokenEndpoint,
  onClose,
}: {
  created: CreatedApiClient;
  tokenEndpoint: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const id = useId();
  const command = tokenCommand(tokenEndpoint, created.clientId, created.clientSecret);

  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section aria-labelledby={`${id}-title`} className="api-client-secret">
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {t('apiClients.createdTitle', { name: created.name })}
      </h3>
      <p className="notice notice--warning" id={`${id}-warning`}>
        {t('apiClients.secretWarning')}
      </p>
      <dl className="api-client-secret__values">
        <dt>{t('apiClients.clientId')}</dt>
        <dd>
          <code data-testid="api-client-id">{created.clientId}</code>
        </dd>
      </dl>
      <CopyableText
        id={`${id}-secret`}
        label={t('apiClients.secret')}
        value={created.clientSecret}
        copyLabel={t('apiClients.copySecret')}
        describedBy={`${id}-warning`}
        rows={1}
      />
      <CopyableText
        id={`${id}-command`}
        label={t('apiClients.tokenCommand')}
        hint={t('apiClients.tokenCommandHint')}
        value={command}
        copyLabel={t('apiClients.copyCommand')}
        rows={4}
      />
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('apiClients.done')}
        </button>
      </div>
    </section>
  );
}

export function CopyableText({
  id,
  label,
  hint,
  value,
  copyLabel,
  describedBy,
  rows,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  copyLabel: string;
  describedBy?: string;
  rows: number;
}) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const ref = useRef<HTMLTextAreaElement>(null);
  const hintId = hint ? `${id}-hint` : undefined;

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setMessage(t('apiClients.copied'));
    } catch {
      ref.current?.focus();
      ref.current?.select();
      setMessage(t('apiClients.copyFailed'));
    }
  }

  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <textarea
        id={id}
        ref={ref}
        className="input input--multiline api-client-secret__code"
        readOnly
        rows={rows}
        spellCheck={false}
        autoComplete="off"
        aria-describedby={[hintId, describedBy].filter(Boolean).join(' ') || undefined}
        value={value}
        onFocus={(event) => event.currentTarget.select()}
      />
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {copyLabel}
        </button>
        <p role="status" className="form-status">
          {message}
        </p>
      </div>
    </div>
  );
}
