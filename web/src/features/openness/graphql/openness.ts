import { graphql } from '../../../gql';

export const CriterionFieldsFragment = graphql(`
  fragment CriterionFields on Criterion {
    key
    sectionKey
    title
    description
    evidence
    mandatory
    weight
    freshnessMonths
    appliesTo
  }
`);

export const DisclosureFieldsFragment = graphql(`
  fragment DisclosureFields on Disclosure {
    id
    version
    status
    criterionKey
    evidenceUrl
    evidenceText
    evidenceNumber
    asOf
    expiresAt
    rejectionReason
    answer
    createdAt
    updatedAt
    decidedAt
    standard {
      id
    }
  }
`);

/** The openness page: the standard, the compliance report, its history and the visible disclosures. */
export const OrganisationOpennessDocument = graphql(`
  query OrganisationOpenness($slug: String!) {
    organisation(slug: $slug) {
      id
      slug
      name
      kind
      viewerRole
      compliance {
        score
        computedAt
        level {
          key
          title
        }
        nextLevel {
          key
          title
        }
        sections {
          key
          title
          score
          met
          applicable
        }
        mandatoryMissing {
          key
          title
        }
        nextSteps {
          gain
          forNextLevel
          criterion {
            key
            title
          }
        }
        expiringSoon {
          expiresAt
          criterion {
            key
            title
          }
        }
        standard {
          id
          key
          version
          title
          description
          formula
          sources
          levels {
            key
            title
          }
          sections {
            key
            title
            criteria {
              ...CriterionFields
            }
          }
        }
      }
      complianceHistory {
        score
        levelKey
        takenAt
      }
      disclosures {
        ...DisclosureFields
      }
    }
  }
`);

/** The level and score on the organisation's profile. */
export const OpennessSummaryDocument = graphql(`
  query OpennessSummary($slug: String!) {
    organisation(slug: $slug) {
      id
      slug
      compliance {
        score
        level {
          key
          title
        }
        standard {
          id
          title
        }
      }
    }
  }
`);

export const DiscloseDocument = graphql(`
  mutation Disclose($input: DiscloseInput!) {
    disclose(input: $input) {
      disclosure {
        ...DisclosureFields
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const DisclosureVerificationQueueDocument = graphql(`
  query DisclosureVerificationQueue($first: Int, $after: String) {
    disclosureVerificationQueue(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...DisclosureFields
          organisation {
            id
            slug
            name
          }
          criterion {
            ...CriterionFields
          }
        }
      }
    }
  }
`);

export const VerifyDisclosureDocument = graphql(`
  mutation VerifyDisclosure($input: DecideDisclosureInput!) {
    verifyDisclosure(input: $input) {
      disclosure {
        id
        version
        status
        decidedAt
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const RejectDisclosureDocument = graphql(`
  mutation RejectDisclosure($input: DecideDisclosureInput!) {
    rejectDisclosure(input: $input) {
      disclosure {
        id
        version
        status
        rejectionReason
        decidedAt
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);
