/**
 * Validation against the official SARIF 2.1.0 schema, read from ../shared/schemas (never copied
 * into this repository). Tests skip, saying why, when the file is not there.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { TestContext } from 'node:test';
import AjvModule from 'ajv';
import { sharedDir } from './helpers.js';

export const SCHEMA_PATH = path.join(sharedDir, 'schemas/sarif-schema-2.1.0.json');

type Validate = ((data: unknown) => boolean) & { errors?: unknown };
let validator: Validate | undefined;

/** The compiled official schema, or undefined (and the test skipped) when the file is missing. */
export function schemaValidator(t: TestContext): Validate | undefined {
  if (!fs.existsSync(SCHEMA_PATH)) {
    t.skip(`SARIF schema not found at ${SCHEMA_PATH}; skipping validation`);
    return undefined;
  }
  if (!validator) {
    const schema = JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
    // The official schema is draft-04, which Ajv 8 has no meta-schema for. Beyond the root `id`
    // (draft-06+: `$id`) it uses only keywords draft-07 reads the same way (no boolean
    // exclusiveMinimum; only local $refs), so: rename `id`, drop the draft-04 `$schema`, and
    // validate with Ajv's default draft-07 (formats are not checked: ajv-formats is not installed).
    schema.$id = schema.id;
    delete schema.id;
    delete schema.$schema;
    const ajv = new AjvModule.default({ strict: false, validateFormats: false, allErrors: true });
    validator = ajv.compile(schema);
  }
  return validator;
}

export function assertValidSarif(t: TestContext, log: string): void {
  const validate = schemaValidator(t);
  if (!validate) return;
  const ok = validate(JSON.parse(log));
  assert.ok(ok, `SARIF does not validate: ${JSON.stringify(validate.errors, null, 2)}`);
}


/** Each SARIF result as `uri RULE startLine:startColumn-endLine:endColumn`, for exact-position assertions. */
export function sarifRegions(log: { runs: { results?: { ruleId?: string; locations?: { physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number; startColumn?: number; endLine?: number; endColumn?: number } } }[] }[] }[] }): string[] {
  return (log.runs[0].results ?? []).map((res) => {
    const loc = res.locations![0].physicalLocation!;
    const reg = loc.region!;
    return `${loc.artifactLocation!.uri} ${res.ruleId} ${reg.startLine}:${reg.startColumn}-${reg.endLine}:${reg.endColumn}`;
  });
}
