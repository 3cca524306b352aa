import { graphql } from '../../../gql';

export const ViewerDocument = graphql(`
  query Viewer {
    me {
      subject
      displayName
      email
      platformRoles
      memberships {
        id
        role
        organisation {
          id
          slug
          name
        }
      }
      activeOrganisation {
        id
        slug
        name
      }
    }
  }
`);
