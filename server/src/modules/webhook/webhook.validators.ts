import type { InputErrors } from '../../common/errors/domain-error.js';
import { WebhookEvent } from './webhook-event.js';
import { isLoopbackHost, refusedHost, type WebhookTargetPolicy } from './webhook-target.js';

export const MAX_URL_LENGTH = 2048;
export const MAX_DESCRIPTION_LENGTH = 500;
export const MAX_SUBSCRIPTIONS_PER_ORGANISATION = 10;

const EVENT_ORDER = Object.values(WebhookEvent);

/** The URL to store (normalised), or undefined with the problem added to `errors`. */
export function checkWebhookUrl(
  errors: InputErrors,
  field: string[],
  raw: string,
  policy: WebhookTargetPolicy,
): string | undefined {
  const value = raw.trim();
  if (!value) {
    errors.add(field, { ru: 'Укажите адрес (URL)', en: 'Give the URL' });
    return undefined;
  }
  if (value.length > MAX_URL_LENGTH) {
    errors.add(field, {
      ru: `Адрес — не длиннее ${MAX_URL_LENGTH} символов`,
      en: `The URL is at most ${MAX_URL_LENGTH} characters`,
    });
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    errors.add(field, { ru: 'Это не адрес (URL)', en: 'This is not a URL' });
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    errors.add(field, { ru: 'Адрес должен начинаться с https://', en: 'The URL must start with https://' });
    return undefined;
  }
  if (url.username || url.password) {
    errors.add(field, {
      ru: 'В адресе не должно быть имени пользователя и пароля: проверяйте подпись запросов',
      en: 'The URL must not carry a user name or password: verify the signature of the requests instead',
    });
    return undefined;
  }
  if (url.protocol === 'http:' && (policy.production || !isLoopbackHost(url.hostname))) {
    errors.add(field, {
      ru: 'Нужен адрес https:// (http:// — только для адреса этого компьютера вне рабочей среды)',
      en: 'Use an https:// URL (http:// only for this computer’s own address, outside production)',
    });
    return undefined;
  }
  const refused = refusedHost(url.hostname, policy);
  if (refused) {
    errors.add(field, refused);
    return undefined;
  }
  return url.href;
}

/** The events without repeats, in the enum's order; at least one is required. */
export function checkEvents(errors: InputErrors, field: string[], events: readonly WebhookEvent[]): WebhookEvent[] {
  const unique = EVENT_ORDER.filter((event) => events.includes(event));
  if (!unique.length) {
    errors.add(field, { ru: 'Выберите хотя бы одно событие', en: 'Choose at least one event' });
  }
  return unique;
}

/** A trimmed description, null when empty. */
export function checkDescription(errors: InputErrors, field: string[], description: string | null | undefined) {
  const value = description?.trim() ?? '';
  if (value.length > MAX_DESCRIPTION_LENGTH) {
    errors.add(field, {
      ru: `Описание — не длиннее ${MAX_DESCRIPTION_LENGTH} символов`,
      en: `A description is at most ${MAX_DESCRIPTION_LENGTH} characters`,
    });
  }
  return value || null;
}
