import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // One graphql module in the process, or type-graphql and Apollo disagree ("another module or realm").
    alias: { graphql: path.resolve(import.meta.dirname, 'node_modules/graphql/index.js') },
  },
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/test-support/global-setup.ts'],
    setupFiles: ['reflect-metadata'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
