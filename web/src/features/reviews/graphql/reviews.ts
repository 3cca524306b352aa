import { graphql } from '../../../gql';

export const RubricScoresFieldsFragment = graphql(`
  fragment RubricScoresFields on RubricScores {
    relevance
    depth
    loopClosure
    evidence
    replicability
  }
`);

export const ReviewFieldsFragment = graphql(`
  fragment ReviewFields on Review {
    id
    status
    version
    edition
    revisionNumber
    reviewerName
    confidence
    body
    createdAt
    submittedAt
    updatedAt
    viewerCanEdit
    viewerCanRespond
    organisation {
      id
      slug
      name
    }
    scores {
      ...RubricScoresFields
    }
    editions {
      number
      createdAt
      confidence
      body
      scores {
        ...RubricScoresFields
      }
    }
    response {
      id
      authorName
      body
      createdAt
    }
  }
`);

export const ReviewSummaryFieldsFragment = graphql(`
  fragment ReviewSummaryFields on ReviewSummary {
    count
    overall {
      mean
      count
    }
    criteria {
      criterion
      mean
      count
    }
  }
`);

/** The reviews part of a practice page: summary, reviews, and whether the viewer may review. */
export const PracticeReviewsDocument = graphql(`
  query PracticeReviews($id: ID!) {
    practice(id: $id) {
      id
      status
      revisionNumber
      viewerCanReview
      reviewSummary {
        ...ReviewSummaryFields
      }
      reviews {
        ...ReviewFields
      }
    }
  }
`);

export const CreateReviewDocument = graphql(`
  mutation CreateReview($input: CreateReviewInput!) {
    createReview(input: $input) {
      review {
        ...ReviewFields
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const UpdateReviewDocument = graphql(`
  mutation UpdateReview($input: UpdateReviewInput!) {
    updateReview(input: $input) {
      review {
        ...ReviewFields
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const RespondToReviewDocument = graphql(`
  mutation RespondToReview($input: RespondToReviewInput!) {
    respondToReview(input: $input) {
      response {
        id
        authorName
        body
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
