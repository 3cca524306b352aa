import { graphql } from '../../../gql';

export const WebhookSubscriptionFieldsFragment = graphql(`
  fragment WebhookSubscriptionFields on WebhookSubscription {
    id
    url
    events
    description
    active
    pausedAt
    createdAt
  }
`);

export const WebhookDeliveryFieldsFragment = graphql(`
  fragment WebhookDeliveryFields on WebhookDelivery {
    id
    eventType
    status
    attempts
    lastStatusCode
    createdAt
    deliveredAt
  }
`);

export const WebhookSubscriptionsDocument = graphql(`
  query WebhookSubscriptions {
    webhookSubscriptions {
      ...WebhookSubscriptionFields
    }
  }
`);

export const WebhookDeliveriesDocument = graphql(`
  query WebhookDeliveries($subscriptionId: ID, $first: Int) {
    webhookDeliveries(subscriptionId: $subscriptionId, first: $first) {
      totalCount
      edges {
        cursor
        node {
          ...WebhookDeliveryFields
        }
      }
    }
  }
`);

export const CreateWebhookSubscriptionDocument = graphql(`
  mutation CreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {
    createWebhookSubscription(input: $input) {
      subscription {
        ...WebhookSubscriptionFields
      }
      signingSecret
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const UpdateWebhookSubscriptionDocument = graphql(`
  mutation UpdateWebhookSubscription($input: UpdateWebhookSubscriptionInput!) {
    updateWebhookSubscription(input: $input) {
      subscription {
        id
        url
        events
        description
        active
        pausedAt
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const DeleteWebhookSubscriptionDocument = graphql(`
  mutation DeleteWebhookSubscription($input: WebhookSubscriptionRefInput!) {
    deleteWebhookSubscription(input: $input) {
      deletedSubscriptionId
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const ReplayWebhookDeliveryDocument = graphql(`
  mutation ReplayWebhookDelivery($input: ReplayWebhookDeliveryInput!) {
    replayWebhookDelivery(input: $input) {
      delivery {
        ...WebhookDeliveryFields
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const RotateWebhookSecretDocument = graphql(`
  mutation RotateWebhookSecret($input: RotateWebhookSecretInput!) {
    rotateWebhookSecret(input: $input) {
      subscription {
        id
        url
        previousSecretValidUntil
        secretRotatedAt
      }
      signingSecret
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const SendTestWebhookDocument = graphql(`
  mutation SendTestWebhook($input: WebhookSubscriptionRefInput!) {
    sendTestWebhook(input: $input) {
      delivery {
        ...WebhookDeliveryFields
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);
