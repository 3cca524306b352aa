import { registerEnumType } from 'type-graphql';

export enum MemberRole {
  ADMIN = 'ADMIN',
  EDITOR = 'EDITOR',
  REVIEWER = 'REVIEWER',
  VIEWER = 'VIEWER',
}

registerEnumType(MemberRole, {
  name: 'MemberRole',
  description: "A member's role in their organisation.",
  valuesConfig: {
    ADMIN: { description: 'Manages the organisation: profile, members, groups, disclosures, API clients.' },
    EDITOR: { description: 'Writes and publishes engagement practices, answers reviews.' },
    REVIEWER: { description: "Peer-reviews other organisations' practices." },
    VIEWER: { description: "Reads the organisation's private data." },
  },
});

export enum PlatformRole {
  PLATFORM_ADMIN = 'PLATFORM_ADMIN',
  MODERATOR = 'MODERATOR',
}

registerEnumType(PlatformRole, {
  name: 'PlatformRole',
  description: 'Platform-wide roles, from the identity provider (Keycloak realm roles).',
  valuesConfig: {
    PLATFORM_ADMIN: { description: 'Defines thematic groups and openness standards.' },
    MODERATOR: { description: 'Approves group memberships, moderates comments, verifies disclosures.' },
  },
});
