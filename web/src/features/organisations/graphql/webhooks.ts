import { graphql } from '../../../gql';

export const WebhookSubscriptionsDocument = graphql(`
  query WebhookSubscriptions {
    webhookSubscriptions {
      id
      url
      events
      description
      active
      pausedAt
      createdAt
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
          id
          eventType
          status
          attempts
          lastStatusCode
          createdAt
          deliveredAt
        }
      }
    }
  }
`);

export const CreateWebhookSubscriptionDocument = graphql(`
  mutation CreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {
    createWebhookSubscription(input: $input) {
      subscription {
        id
        url
        events
        description
        active
        pausedAt
        createdAt
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
        id
        eventType
        status
        attempts
        lastStatusCode
        createdAt
        deliveredAt
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
        id
        eventType
        status
        attempts
        lastStatusCode
        createdAt
        deliveredAt
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);
