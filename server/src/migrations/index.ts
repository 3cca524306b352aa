import { Migration20261129000000Foundation } from './Migration20261129000000Foundation.js';

/** Every migration in order; listed explicitly so the same list runs from sources, tests and compiled output. */
export const migrationsList = [
  { name: 'Migration20261129000000Foundation', class: Migration20261129000000Foundation },
];
