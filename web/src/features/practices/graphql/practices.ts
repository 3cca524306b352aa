import { graphql } from '../../../gql';

// Fields a practice shows in a list (search results, a group's or an organisation's practices).
export const PracticeCardFieldsFragment = graphql(`
  fragment PracticeCardFields on Practice {
    id
    title
    summary
    status
    participationLevel
    loopClosed
    tags
    publishedAt
    updatedAt
    revisionNumber
    organisation {
      id
      slug
      name
      kind
    }
    group {
      id
      slug
      title
    }
  }
`);

export const PracticeContentFieldsFragment = graphql(`
  fragment PracticeContentFields on PracticeContent {
    title
    summary
    problem
    beneficiarySegment {
      description
      size
      reach
    }
    participationLevel
    methodKeys
    loopClosure {
      returnedWhat
      returnedHow
      turnaroundDays
      closed
    }
    indicators {
      tier
      name
      unit
      baseline
      value
      period
      source
    }
    evidenceLinks {
      title
      url
    }
    resources
    replicationAdvice
    tags
  }
`);

export const PracticesDocument = graphql(`
  query Practices($search: String, $filter: PracticeFilter, $sort: PracticeSort, $first: Int, $after: String) {
    practices(search: $search, filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        highlight {
          text
          highlighted
        }
        node {
          ...PracticeCardFields
        }
      }
    }
  }
`);

export const OrganisationPracticesDocument = graphql(`
  query OrganisationPractices($slug: String!, $status: PracticeStatus, $first: Int, $after: String) {
    organisation(slug: $slug) {
      id
      practices(status: $status, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            ...PracticeCardFields
          }
        }
      }
    }
  }
`);

export const FeedbackMethodsDocument = graphql(`
  query FeedbackMethods {
    feedbackMethods {
      id
      key
      category
      title
      description
    }
  }
`);

export const PracticeDocument = graphql(`
  query Practice($id: ID!) {
    practice(id: $id) {
      id
      status
      version
      revisionNumber
      viewerCanEdit
      createdAt
      updatedAt
      publishedAt
      archivedAt
      organisation {
        id
        slug
        name
        kind
      }
      group {
        id
        slug
        title
      }
      methods {
        id
        key
        category
        title
        description
      }
      content {
        ...PracticeContentFields
      }
      revisions {
        id
        number
        createdAt
      }
    }
  }
`);

export const PracticeRevisionDiffDocument = graphql(`
  query PracticeRevisionDiff($id: ID!, $from: Int!, $to: Int!) {
    practice(id: $id) {
      id
      revisionDiff(from: $from, to: $to) {
        field
        before
        after
      }
    }
    feedbackMethods {
      id
      key
      title
    }
  }
`);

/** What the editor needs: the active organisation's groups (to choose one) and the methods catalogue. */
export const PracticeEditorContextDocument = graphql(`
  query PracticeEditorContext {
    me {
      subject
      activeRole
      activeOrganisation {
        id
        slug
        name
      }
    }
    thematicGroups(first: 100) {
      edges {
        node {
          id
          slug
          title
          viewerMembership {
            id
            status
          }
        }
      }
    }
    feedbackMethods {
      id
      key
      category
      title
      description
    }
  }
`);

export const PracticeForEditDocument = graphql(`
  query PracticeForEdit($id: ID!) {
    practice(id: $id) {
      id
      status
      version
      revisionNumber
      viewerCanEdit
      organisation {
        id
        slug
        name
      }
      group {
        id
        slug
        title
      }
      content {
        ...PracticeContentFields
      }
    }
  }
`);

// What a lifecycle change (create, publish, archive) changes; an edit also returns the content.
export const PracticeLifecycleFieldsFragment = graphql(`
  fragment PracticeLifecycleFields on Practice {
    id
    status
    version
    revisionNumber
    viewerCanEdit
    updatedAt
    publishedAt
    archivedAt
    revisions {
      id
      number
      createdAt
    }
  }
`);

export const CreatePracticeDocument = graphql(`
  mutation CreatePractice($input: CreatePracticeInput!) {
    createPractice(input: $input) {
      practice {
        ...PracticeLifecycleFields
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const UpdatePracticeDocument = graphql(`
  mutation UpdatePractice($input: UpdatePracticeInput!) {
    updatePractice(input: $input) {
      practice {
        ...PracticeLifecycleFields
        title
        summary
        participationLevel
        loopClosed
        tags
        content {
          ...PracticeContentFields
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

export const PublishPracticeDocument = graphql(`
  mutation PublishPractice($input: PracticeVersionInput!) {
    publishPractice(input: $input) {
      practice {
        ...PracticeLifecycleFields
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const ArchivePracticeDocument = graphql(`
  mutation ArchivePractice($input: PracticeVersionInput!) {
    archivePractice(input: $input) {
      practice {
        ...PracticeLifecycleFields
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);
