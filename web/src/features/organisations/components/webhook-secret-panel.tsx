import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyableText } from './api-client-secret-panel';

/** A signing secret to show this once, with the URL of its subscription. */
export interface ShownWebhookSecret {
  url: string;
  signingSecret: string;
}

/**
 * Shown once, right after creation or rotation: the signing secret. It lives only in its owner's state;
 * closing the panel forgets it.
 */
export function WebhookSecretPanel({
  secret,
  title,
  note,
  onClose,
}: {
  secret: ShownWebhookSecret;
  /** The heading; "subscription created" by default. */
  title?: string;
  /** What else to know, e.g. until when the previous secret still signs. */
  note?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const id = useId();

  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section aria-labelledby={`${id}-title`} className="api-client-secret">
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {title ?? t('webhooks.createdTitle')}
      </h3>
      <p>
        <code>{secret.url}</code>
      </p>
      {note && <p>{note}</p>}
      <p className="notice notice--warning" id={`${id}-warning`}>
        {t('webhooks.secretWarning')}
      </p>
      <CopyableText
        id={`${id}-secret`}
        label={t('webhooks.secret')}
        hint={t('webhooks.secretHint')}
        value={secret.signingSecret}
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
