import { graphql } from '../../../gql';

export const CommentFieldsFragment = graphql(`
  fragment CommentFields on Comment {
    id
    parentId
    depth
    authorName
    body
    status
    hiddenReason
    createdAt
    editedAt
    version
    isViewer
    viewerCanEdit
    organisation {
      id
      slug
      name
    }
    edits {
      body
      replacedAt
    }
  }
`);

/** Comments on a practice itself, oldest first. */
export const PracticeCommentsDocument = graphql(`
  query PracticeComments($id: ID!, $first: Int, $after: String) {
    practice(id: $id) {
      id
      status
      comments(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            ...CommentFields
          }
        }
      }
    }
  }
`);

/** Comments on one review, oldest first. */
export const ReviewCommentsDocument = graphql(`
  query ReviewComments($id: ID!, $first: Int, $after: String) {
    node(id: $id) {
      id
      ... on Review {
        comments(first: $first, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            cursor
            node {
              ...CommentFields
            }
          }
        }
      }
    }
  }
`);

export const PostCommentDocument = graphql(`
  mutation PostComment($input: PostCommentInput!) {
    postComment(input: $input) {
      comment {
        ...CommentFields
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const EditCommentDocument = graphql(`
  mutation EditComment($input: EditCommentInput!) {
    editComment(input: $input) {
      comment {
        ...CommentFields
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const ReportCommentDocument = graphql(`
  mutation ReportComment($input: ReportCommentInput!) {
    reportComment(input: $input) {
      comment {
        ...CommentFields
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const CommentsForModerationDocument = graphql(`
  query CommentsForModeration($first: Int, $after: String) {
    commentsForModeration(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...CommentFields
          practiceId
          reviewId
          reportCount
        }
      }
    }
  }
`);

/** The title of a practice a moderated comment belongs to (Comment exposes only the practice id). */
export const ModeratedPracticeTitleDocument = graphql(`
  query ModeratedPracticeTitle($id: ID!) {
    practice(id: $id) {
      id
      title
    }
  }
`);

export const HideCommentDocument = graphql(`
  mutation HideComment($input: ModerateCommentInput!) {
    hideComment(input: $input) {
      comment {
        ...CommentFields
        reportCount
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const RestoreCommentDocument = graphql(`
  mutation RestoreComment($input: ModerateCommentInput!) {
    restoreComment(input: $input) {
      comment {
        ...CommentFields
        reportCount
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);
