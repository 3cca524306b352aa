import { graphql } from '../../../gql';

export const AuditEventsDocument = graphql(`
  query AuditEvents($action: String, $first: Int, $after: String) {
    auditEvents(action: $action, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          action
          actorName
          createdAt
          objectType
          objectId
          summary
        }
      }
    }
  }
`);
