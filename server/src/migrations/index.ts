import { Migration20261129000000Foundation } from './Migration20261129000000Foundation.js';
import { Migration20261129010000GroupModeratorsByEmail } from './Migration20261129010000GroupModeratorsByEmail.js';

/** Every migration in order; listed explicitly so the same list runs from sources, tests and compiled output. */
export const migrationsList = [
  { name: 'Migration20261129000000Foundation', class: Migration20261129000000Foundation },
  { name: 'Migration20261129010000GroupModeratorsByEmail', class: Migration20261129010000GroupModeratorsByEmail },
];
