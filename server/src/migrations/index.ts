import { Migration20261129000000Foundation } from './Migration20261129000000Foundation.js';
import { Migration20261129010000GroupModeratorsByEmail } from './Migration20261129010000GroupModeratorsByEmail.js';
import { Migration20261129020000Practices } from './Migration20261129020000Practices.js';
import { Migration20261129030000SeedRuns } from './Migration20261129030000SeedRuns.js';
import { Migration20261129040000RoleAwarePolicies } from './Migration20261129040000RoleAwarePolicies.js';
import { Migration20261129050000Reviews } from './Migration20261129050000Reviews.js';
import { Migration20261129060000CommentsNotifications } from './Migration20261129060000CommentsNotifications.js';
import { Migration20261129070000PracticeReviewScore } from './Migration20261129070000PracticeReviewScore.js';
import { Migration20261129080000NotificationSignal } from './Migration20261129080000NotificationSignal.js';
import { Migration20261129090000Openness } from './Migration20261129090000Openness.js';
import { Migration20261129100000HardenModeration } from './Migration20261129100000HardenModeration.js';
import { Migration20261129110000ImmutableColumns } from './Migration20261129110000ImmutableColumns.js';
import { Migration20261129120000RatingFacts } from './Migration20261129120000RatingFacts.js';
import { Migration20261129130000RatingRefreshSetBased } from './Migration20261129130000RatingRefreshSetBased.js';
import { Migration20261129140000IdempotencyKeys } from './Migration20261129140000IdempotencyKeys.js';
import { Migration20261129150000ApiClients } from './Migration20261129150000ApiClients.js';
import { Migration20261129160000RatingOutboxWait } from './Migration20261129160000RatingOutboxWait.js';
import { Migration20261129170000ReviewCountLock } from './Migration20261129170000ReviewCountLock.js';
import { Migration20261129180000ReviewCountNoKeyLock } from './Migration20261129180000ReviewCountNoKeyLock.js';
import { Migration20261129190000PracticeNewestIndex } from './Migration20261129190000PracticeNewestIndex.js';
import { Migration20261129200000DataChangeSignal } from './Migration20261129200000DataChangeSignal.js';
import { Migration20261129210000Webhooks } from './Migration20261129210000Webhooks.js';

/** Every migration in order; listed explicitly so the same list runs from sources, tests and compiled output. */
export const migrationsList = [
  { name: 'Migration20261129000000Foundation', class: Migration20261129000000Foundation },
  { name: 'Migration20261129010000GroupModeratorsByEmail', class: Migration20261129010000GroupModeratorsByEmail },
  { name: 'Migration20261129020000Practices', class: Migration20261129020000Practices },
  { name: 'Migration20261129030000SeedRuns', class: Migration20261129030000SeedRuns },
  { name: 'Migration20261129040000RoleAwarePolicies', class: Migration20261129040000RoleAwarePolicies },
  { name: 'Migration20261129050000Reviews', class: Migration20261129050000Reviews },
  { name: 'Migration20261129060000CommentsNotifications', class: Migration20261129060000CommentsNotifications },
  { name: 'Migration20261129070000PracticeReviewScore', class: Migration20261129070000PracticeReviewScore },
  { name: 'Migration20261129080000NotificationSignal', class: Migration20261129080000NotificationSignal },
  { name: 'Migration20261129090000Openness', class: Migration20261129090000Openness },
  { name: 'Migration20261129100000HardenModeration', class: Migration20261129100000HardenModeration },
  { name: 'Migration20261129110000ImmutableColumns', class: Migration20261129110000ImmutableColumns },
  { name: 'Migration20261129120000RatingFacts', class: Migration20261129120000RatingFacts },
  { name: 'Migration20261129130000RatingRefreshSetBased', class: Migration20261129130000RatingRefreshSetBased },
  { name: 'Migration20261129140000IdempotencyKeys', class: Migration20261129140000IdempotencyKeys },
  { name: 'Migration20261129150000ApiClients', class: Migration20261129150000ApiClients },
  { name: 'Migration20261129160000RatingOutboxWait', class: Migration20261129160000RatingOutboxWait },
  { name: 'Migration20261129170000ReviewCountLock', class: Migration20261129170000ReviewCountLock },
  { name: 'Migration20261129180000ReviewCountNoKeyLock', class: Migration20261129180000ReviewCountNoKeyLock },
  { name: 'Migration20261129190000PracticeNewestIndex', class: Migration20261129190000PracticeNewestIndex },
  { name: 'Migration20261129200000DataChangeSignal', class: Migration20261129200000DataChangeSignal },
  { name: 'Migration20261129210000Webhooks', class: Migration20261129210000Webhooks },
];
