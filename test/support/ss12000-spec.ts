import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { load } from 'js-yaml';

/** The official SS 12000 v2.1.0 OpenAPI document and the pages the tests serve or import. */
export const SS12000_FIXTURES = join(__dirname, '..', 'fixtures', 'ss12000');
const SPEC_FILE = join(SS12000_FIXTURES, 'openapi_ss12000_version2_1_0.yaml');

type Schema = Record<string, unknown>;

interface Spec {
  info: { version: string };
  components: { schemas: Record<string, Schema> };
}

let spec: Spec | undefined;
let ajv: Ajv | undefined;

export function ss12000Spec(): Spec {
  spec ??= load(readFileSync(SPEC_FILE, 'utf8')) as Spec;
  return spec;
}

export function readFixture(name: string): unknown {
  return JSON.parse(readFileSync(join(SS12000_FIXTURES, name), 'utf8'));
}

function validator(): Ajv {
  if (ajv) return ajv;
  // The spec is OpenAPI 3.0: `nullable` is understood by ajv itself; `example` and `discriminator`
  // are documentation here, declared as keywords so strict mode accepts them and nothing else.
  ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
  ajv.addKeyword('example');
  addFormats(ajv);
  for (const [name, schema] of Object.entries(ss12000Spec().components.schemas)) {
    ajv.addSchema(rewriteRefs(schema) as Schema, `ss12000:${name}`);
  }
  return ajv;
}

/** `#/components/schemas/X` → the id each component was added under. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      key === '$ref' && typeof v === 'string' ? v.replace('#/components/schemas/', 'ss12000:') : rewriteRefs(v),
    ]),
  );
}

/**
 * Checks `value` against the spec's component `schemaName` (e.g. `CalendarEvents`), and that it
 * uses no member the schema does not declare (the spec allows additional properties, so a
 * misspelt field name would otherwise pass). Returns the problems, empty when it conforms.
 */
export function ss12000Problems(schemaName: string, value: unknown): string[] {
  const validate: ValidateFunction | undefined = validator().getSchema(`ss12000:${schemaName}`);
  if (!validate) throw new Error(`no schema ${schemaName} in the SS 12000 spec`);
  const problems = validate(value)
    ? []
    : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message}`);
  return [...problems, ...undeclaredMembers(ss12000Spec().components.schemas[schemaName], value, '')];
}

/** The properties a schema declares, through `$ref` and `allOf`. */
function declared(schema: Schema): { properties: Record<string, Schema>; items?: Schema } {
  const resolved = resolve(schema);
  const properties: Record<string, Schema> = { ...((resolved.properties as Record<string, Schema>) ?? {}) };
  for (const part of (resolved.allOf as Schema[] | undefined) ?? [])
    Object.assign(properties, declared(part).properties);
  return { properties, items: resolved.items as Schema | undefined };
}

function resolve(schema: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  return resolve(ss12000Spec().components.schemas[ref.replace('#/components/schemas/', '')]);
}

function undeclaredMembers(schema: Schema, value: unknown, path: string): string[] {
  const { properties, items } = declared(schema);
  if (Array.isArray(value)) {
    return items ? value.flatMap((v, i) => undeclaredMembers(items, v, `${path}/${i}`)) : [];
  }
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    properties[key] ? undeclaredMembers(properties[key], v, `${path}/${key}`) : [`${path}/${key} is not in the schema`],
  );
}
