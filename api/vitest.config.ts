import swc from 'unplugin-swc';
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// SWC keeps decorator metadata (type-graphql and MikroORM read it); esbuild would drop it.
export default defineConfig({
  oxc: false,
  // One copy of graphql: Vite would pick its ESM build ("module" field) while type-graphql loads the
  // CommonJS one, and scalars from one copy are unknown to the other.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  plugins: [swc.vite({ jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' } })],
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/test/global-setup.ts'],
    setupFiles: ['src/test/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite is single-threaded WASM; two cores: keep files in few workers.
    maxWorkers: 2,
  },
});
