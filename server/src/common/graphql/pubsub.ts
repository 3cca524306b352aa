import { createPubSub } from '@graphql-yoga/subscription';

/** A notification stored for `recipient`, signalled by the database. */
export interface NotificationSignal {
  id: string;
  recipient: string;
}

/** In-process fan-out to this process's subscribers; the database signal feeds it in every process. */
export const pubSub = createPubSub<{ NOTIFICATION: [NotificationSignal] }>();
