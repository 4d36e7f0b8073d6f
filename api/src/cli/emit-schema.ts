/**
 * Writes the GraphQL SDL to schema/schema.graphql (`npm run schema:emit`), or with --check fails
 * when the committed file differs from a fresh emit (`npm run schema:check`, run by CI).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { hubSchema } from '../graphql/schema.js';

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../schema/schema.graphql');
const header = '# Generated from the api by `npm run schema:emit`; do not edit by hand.\n# `npm run schema:check` (run by CI) fails when this file differs from a fresh emit.\n\n';
const sdl = header + printSchema(lexicographicSortSchema(await hubSchema())) + '\n';

if (process.argv.includes('--check')) {
  const committed = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (committed !== sdl) {
    console.error(`schema/schema.graphql is out of date with the api: run \`npm run schema:emit\` and commit the result.`);
    process.exit(1);
  }
  console.log('schema/schema.graphql matches the api');
} else {
  fs.writeFileSync(target, sdl);
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}
