// Writes the web app's API types from the server's OpenAPI document:
//   node scripts/api-types.mjs <openapi.json>            prints the TypeScript text
//   node scripts/api-types.mjs <openapi.json> --write    writes apps/web/src/generated/api-schema.ts
// `npm run api:types` runs it on the built app's document (through test/api-types.e2e-spec.ts,
// which also fails in CI while the committed file is stale).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const API_TYPES_FILE = join(root, 'apps/web/src/generated/api-schema.ts');

const HEADER = `// GENERATED from the API's OpenAPI document (GET /api/docs-json): do not edit by hand.
// After a change of the API run \`npm run api:types\`; test/api-types.e2e-spec.ts fails while this file is stale.
`;

const [source, mode] = process.argv.slice(2);
if (!source) {
  console.error('usage: node scripts/api-types.mjs <openapi.json> [--write]');
  process.exit(2);
}
const document = JSON.parse(readFileSync(source, 'utf8'));
const ast = await openapiTS(document, { alphabetize: true, silent: true });
const options = (await resolveConfig(API_TYPES_FILE)) ?? {};
const text = await format(HEADER + astToString(ast), { ...options, filepath: API_TYPES_FILE });
if (mode === '--write') {
  mkdirSync(dirname(API_TYPES_FILE), { recursive: true });
  writeFileSync(API_TYPES_FILE, text);
} else process.stdout.write(text);
