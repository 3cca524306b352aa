import { graphql } from '../../../gql';

export const OrganisationProfileDocument = graphql(`
  query OrganisationProfile($slug: String!) {
    organisation(slug: $slug) {
      id
      slug
      name
      kind
      region
      website
      inn
      ogrn
      description
      createdAt
      viewerRole
      groupMemberships(first: 100) {
        edges {
          node {
            id
            status
            group {
              id
              slug
              title
            }
          }
        }
      }
    }
  }
`);

export const MyOrganisationDocument = graphql(`
  query MyOrganisation {
    me {
      subject
      activeOrganisation {
        id
        slug
        name
        kind
        region
        website
        inn
        ogrn
        description
        viewerRole
        members(first: 100) {
          totalCount
          edges {
            node {
              id
              displayName
              email
              role
              joinedAt
              isViewer
            }
          }
        }
      }
    }
  }
`);

export const OrganisationInvitationsDocument = graphql(`
  query OrganisationInvitations {
    me {
      subject
      activeOrganisation {
        id
        invitations {
          id
          email
          role
          status
          createdAt
        }
      }
    }
  }
`);

export const UpdateOrganisationDocument = graphql(`
  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {
    updateOrganisation(input: $input) {
      organisation {
        id
        name
        kind
        region
        website
        inn
        ogrn
        description
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const RegisterOrganisationDocument = graphql(`
  mutation RegisterOrganisation($input: RegisterOrganisationInput!) {
    registerOrganisation(input: $input) {
      organisation {
        id
        slug
        name
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const InviteMemberDocument = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      invitation {
        id
        email
        role
        status
        createdAt
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const RevokeInvitationDocument = graphql(`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id) {
      invitation {
        id
        status
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const ChangeMemberRoleDocument = graphql(`
  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {
    changeMemberRole(input: $input) {
      member {
        id
        role
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const RemoveMemberDocument = graphql(`
  mutation RemoveMember($memberId: ID!) {
    removeMember(memberId: $memberId) {
      member {
        id
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);
