import { graphql } from '../../../gql';

export const UnreadNotificationCountDocument = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

export const NotificationsDocument = graphql(`
  query Notifications($first: Int) {
    notifications(first: $first) {
      totalCount
      edges {
        node {
          id
          kind
          text
          link
          read
          createdAt
        }
      }
    }
  }
`);

export const MarkNotificationReadDocument = graphql(`
  mutation MarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) {
      notification {
        id
        read
        readAt
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const MarkAllNotificationsReadDocument = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead {
      count
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const NotificationReceivedDocument = graphql(`
  subscription NotificationReceived {
    notificationReceived {
      id
      kind
      text
      link
      read
      createdAt
    }
  }
`);
