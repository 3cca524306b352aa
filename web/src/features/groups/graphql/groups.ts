import { graphql } from '../../../gql';

export const ThematicGroupsDocument = graphql(`
  query ThematicGroups {
    thematicGroups(first: 100) {
      totalCount
      edges {
        node {
          id
          slug
          title
          description
          joinPolicy
          activeMemberCount
          viewerMembership {
            id
            status
            rejectionReason
          }
        }
      }
    }
  }
`);

export const ThematicGroupDocument = graphql(`
  query ThematicGroup($slug: String!) {
    thematicGroup(slug: $slug) {
      id
      slug
      title
      description
      joinPolicy
      activeMemberCount
      viewerCanModerate
      viewerMembership {
        id
        status
        rejectionReason
      }
      activeMemberships: memberships(status: ACTIVE, first: 100) {
        totalCount
        edges {
          node {
            id
            decidedAt
            organisation {
              id
              slug
              name
              kind
              region
            }
          }
        }
      }
    }
  }
`);

export const PendingGroupMembershipsDocument = graphql(`
  query PendingGroupMemberships($slug: String!) {
    thematicGroup(slug: $slug) {
      id
      pendingMemberships: memberships(status: PENDING, first: 100) {
        totalCount
        edges {
          node {
            id
            status
            requestedAt
            organisation {
              id
              slug
              name
              kind
              region
            }
          }
        }
      }
    }
  }
`);

export const RequestGroupMembershipDocument = graphql(`
  mutation RequestGroupMembership($groupId: ID!) {
    requestGroupMembership(groupId: $groupId) {
      membership {
        id
        status
        rejectionReason
        group {
          id
          activeMemberCount
          viewerMembership {
            id
            status
            rejectionReason
          }
        }
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const LeaveGroupDocument = graphql(`
  mutation LeaveGroup($groupId: ID!) {
    leaveGroup(groupId: $groupId) {
      membership {
        id
        status
        rejectionReason
        group {
          id
          activeMemberCount
          viewerMembership {
            id
            status
            rejectionReason
          }
        }
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const ApproveGroupMembershipDocument = graphql(`
  mutation ApproveGroupMembership($membershipId: ID!) {
    approveGroupMembership(membershipId: $membershipId) {
      membership {
        id
        status
        decidedAt
        group {
          id
          activeMemberCount
        }
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const RejectGroupMembershipDocument = graphql(`
  mutation RejectGroupMembership($input: RejectGroupMembershipInput!) {
    rejectGroupMembership(input: $input) {
      membership {
        id
        status
        decidedAt
        rejectionReason
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);
