import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyableText } from './api-client-secret-panel';
import type { CreatedWebhook } from './create-webhook-form';

/**
 * Shown once, right after creation: the signing secret. It lives only in the section's state;
 * closing the panel forgets it.
 */
export function WebhookSecretPanel({ created, onClose }: { created: CreatedWebhook; onClose: () => void }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const id = useId();

  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section aria-labelledby={`${id}-title`} className="api-client-secret">
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {t('webhooks.createdTitle')}
      </h3>
      <p>
        <code>{created.url}</code>
      </p>
      <p className="notice notice--warning" id={`${id}-warning`}>
        {t('webhooks.secretWarning')}
      </p>
      <CopyableText
        id={`${id}-secret`}
        label={t('webhooks.secret')}
        hint={t('webhooks.secretHint')}
        value={created.signingSecret}
        copyLabel={t('webhooks.copySecret')}
        describedBy={`${id}-warning`}
        rows={1}
      />
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('webhooks.done')}
        </button>
      </div>
    </section>
  );
}
