import { existsSync } from 'node:fs';
import type { CodegenConfig } from '@graphql-codegen/cli';

// The schema emitted by the server is the truth. Before the server has emitted
// it, the planned API lets the dashboard be built against the same shapes.
const emitted = '../schema/schema.graphql';
const planned = '../docs/api-plan.graphql';
const schema = existsSync(emitted) ? emitted : planned;
if (schema === planned) {
  console.warn(`[codegen] ${emitted} not found; generating from ${planned}`);
}

const config: CodegenConfig = {
  overwrite: true,
  schema,
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false },
        nonOptionalTypename: false,
        defaultScalarType: 'unknown',
        scalars: { DateTime: 'string', URL: 'string' },
      },
    },
  },
};

export default config;
