import { graphql } from '../../../gql';

export const AdminThematicGroupsDocument = graphql(`
  query AdminThematicGroups {
    thematicGroups(first: 100) {
      totalCount
      edges {
        node {
          id
          slug
          titleRu
          titleEn
          joinPolicy
          activeMemberCount
          createdAt
        }
      }
    }
  }
`);

export const CreateThematicGroupDocument = graphql(`
  mutation CreateThematicGroup($input: CreateThematicGroupInput!) {
    createThematicGroup(input: $input) {
      group {
        id
        slug
        title
        titleRu
        titleEn
        joinPolicy
        activeMemberCount
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
