import { benchApi } from './api.js';
import { SCALES } from './generate.js';
import { benchBundle } from './bundle.js';
import { benchRatings } from './ratings.js';

const SCENARIOS: Record<string, (scale: (typeof SCALES)[string]) => Promise<void>> = {
  ratings: benchRatings,
  api: benchApi,
  bundle: () => benchBundle(),
};

function usage(): never {
  process.stderr.write(`usage: pnpm bench [${Object.keys(SCENARIOS).join('|')}] [--scale small|full]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let scaleName = 'small';
const scenarios: string[] = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === '--scale') scaleName = args[++i] ?? usage();
  else if (arg.startsWith('--scale=')) scaleName = arg.slice('--scale='.length);
  else if (arg in SCENARIOS) scenarios.push(arg);
  else usage();
}
const scale = SCALES[scaleName] ?? usage();
for (const name of scenarios.length ? scenarios : Object.keys(SCENARIOS)) await SCENARIOS[name]!(scale);
