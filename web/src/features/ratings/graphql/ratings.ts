import { graphql } from '../../../gql';

export const RatingComponentFieldsFragment = graphql(`
  fragment RatingComponentFields on RatingComponent {
    score
    sample
    weight
    points
  }
`);

export const RatingFieldsFragment = graphql(`
  fragment RatingFields on OrganisationRating {
    composite
    rank
    enoughData
    openness {
      ...RatingComponentFields
    }
    practiceQuality {
      ...RatingComponentFields
    }
    engagementDepth {
      ...RatingComponentFields
    }
    contribution {
      ...RatingComponentFields
    }
    howToImprove
  }
`);

/** The leaderboard of a thematic group or of a kind, optionally in one region. */
export const RatingsDocument = graphql(`
  query Ratings($groupId: ID, $kind: OrganisationKind, $region: String, $first: Int, $after: String) {
    ratings(groupId: $groupId, kind: $kind, region: $region, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...RatingFields
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
`);

/** What the comparison can be: the thematic groups, and the published weights of the formula. */
export const RatingOptionsDocument = graphql(`
  query RatingOptions {
    thematicGroups(first: 100) {
      edges {
        node {
          id
          slug
          title
        }
      }
    }
    ratingParameters {
      opennessWeight
      practiceQualityWeight
      engagementDepthWeight
      contributionWeight
      minReviews
      minPractices
      priorReviews
    }
  }
`);

/** On an organisation's profile: its rating among organisations of its kind. */
export const OrganisationRatingDocument = graphql(`
  query OrganisationRating($slug: String!) {
    organisation(slug: $slug) {
      id
      slug
      kind
      rating {
        ...RatingFields
      }
    }
  }
`);

/** How the composites of the compared organisations spread: the histogram on the leaderboard. */
export const RatingDistributionDocument = graphql(`
  query RatingDistribution($groupId: ID, $kind: OrganisationKind, $region: String, $binWidth: Int) {
    ratingDistribution(groupId: $groupId, kind: $kind, region: $region, binWidth: $binWidth) {
      ranked
      notEnoughData
      bins {
        from
        to
        count
      }
    }
  }
`);

/** An organisation's recorded ratings, oldest first: among its kind, or within a thematic group. */
export const RatingHistoryDocument = graphql(`
  query RatingHistory($slug: String!, $groupId: ID, $last: Int) {
    organisation(slug: $slug) {
      id
      ratingHistory(groupId: $groupId, last: $last) {
        takenAt
        reason
        composite
        rank
        enoughData
      }
    }
  }
`);

/** The latest rating snapshots, newest first (shown to platform admins next to «Сделать срез»). */
export const RatingSnapshotsDocument = graphql(`
  query RatingSnapshots($last: Int) {
    ratingSnapshots(last: $last) {
      id
      takenAt
      reason
      entries
    }
  }
`);

export const TakeRatingSnapshotDocument = graphql(`
  mutation TakeRatingSnapshot {
    takeRatingSnapshot {
      snapshot {
        id
        takenAt
        reason
        entries
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);
