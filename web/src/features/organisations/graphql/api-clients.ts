import { graphql } from '../../../gql';

export const ApiClientsDocument = graphql(`
  query ApiClients {
    apiClients {
      id
      clientId
      name
      role
      createdAt
      revokedAt
    }
  }
`);

export const CreateApiClientDocument = graphql(`
  mutation CreateApiClient($input: CreateApiClientInput!) {
    createApiClient(input: $input) {
      apiClient {
        id
        clientId
        name
        role
        createdAt
        revokedAt
      }
      clientSecret
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const RevokeApiClientDocument = graphql(`
  mutation RevokeApiClient($input: RevokeApiClientInput!) {
    revokeApiClient(input: $input) {
      apiClient {
        id
        revokedAt
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);
