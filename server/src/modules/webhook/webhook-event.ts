import { registerEnumType } from 'type-graphql';

/** Events an organisation can subscribe a URL to; the values are the payload's `type` and the `Otklik-Event` header. */
export enum WebhookEvent {
  PRACTICE_PUBLISHED = 'practice.published',
  REVIEW_SUBMITTED = 'review.submitted',
  RATING_CHANGED = 'rating.changed',
  DISCLOSURE_VERIFIED = 'disclosure.verified',
}

/** The type of the event sendTestWebhook queues; no subscription asks for it. */
export const TEST_EVENT_TYPE = 'webhook.test';

registerEnumType(WebhookEvent, {
  name: 'WebhookEvent',
  description:
    'An event a webhook subscription (подписка на вебхуки) can receive; in payloads and the `Otklik-Event` header it is written with a dot, e.g. `practice.published`.',
  valuesConfig: {
    PRACTICE_PUBLISHED: {
      description:
        '`practice.published`: a practice of the organisation became PUBLISHED (first publication or back from the archive).',
    },
    REVIEW_SUBMITTED: {
      description:
        '`review.submitted`: a peer review (экспертный отзыв коллег) of a practice of the organisation was submitted.',
    },
    RATING_CHANGED: {
      description:
        "`rating.changed`: the stored inputs of the organisation's rating changed (openness, reviews received, practices, contribution).",
    },
    DISCLOSURE_VERIFIED: {
      description: '`disclosure.verified`: a disclosure (раскрытие информации) of the organisation was verified.',
    },
  },
});
