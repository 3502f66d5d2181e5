#!/usr/bin/env node
// `npm run openapi` writes docs/openapi.json (OpenAPI 3.1) from the contract in src/api.
// `npm run openapi -- --check` fails when the committed document is not current.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import * as z from 'zod/mini';
import * as schemas from '../src/api/schemas.ts';
import * as contract from '../src/api/contract.ts';
import { apiErrorSchema } from '../src/api/error-schema.ts';
import { errorStatus, type ApiErrorCode } from '../src/api/errors.ts';
import { commonErrorCodes, type Operation } from '../src/api/operation.ts';

const outFile = new URL('../docs/openapi.json', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export function buildOpenApi(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  const ids = new Map<z.ZodMiniType, string>();
  const register = (schema: z.ZodMiniType, id: string): string => {
    const known = ids.get(schema);
    if (known) return known;
    registry.add(schema, { id });
    ids.set(schema, id);
    return id;
  };
  // Shared domain shapes become named components.
  register(apiErrorSchema, 'ApiError');
  for (const module of [schemas, contract]) {
    for (const [name, value] of Object.entries(module)) {
      if (name.endsWith('Schema') && value instanceof z.ZodMiniType) register(value, pascal(name.slice(0, -'Schema'.length)));
    }
  }

  const paths: Record<string, Record<string, unknown>> = {};
  const ops = Object.values(contract.operations) as Operation[];
  const refs: Record<string, { request?: string; response?: string }> = {};
  for (const op of ops) {
    refs[op.id] = {
      ...(op.body ? { request: register(op.body as z.ZodMiniType, `${pascal(op.id)}Request`) } : {}),
      ...(op.response ? { response: register(op.response as z.ZodMiniType, `${pascal(op.id)}Response`) } : {}),
    };
  }
  const { schemas: generated } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}` });
  const components: Record<string, unknown> = {};
  for (const [id, schema] of Object.entries(generated)) {
    const { $schema: _dialect, $id: _id, ...rest } = schema as Record<string, unknown>;
    components[id] = rest;
  }

  for (const op of ops) {
    const parameters: unknown[] = [
      { name: 'X-Site-Id', in: 'header', required: true, schema: { type: 'string' }, description: 'Id of the calling site (unified membership). Image operations and the address search also accept the `site` query parameter.' },
    ];
    for (const [where, schema] of [['path', op.params], ['query', op.query]] as const) {
      if (!schema) continue;
      const json = z.toJSONSchema(schema as z.ZodMiniType) as { properties: Record<string, unknown>; required?: string[] };
      for (const [name, propertySchema] of Object.entries(json.properties)) {
        parameters.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: propertySchema });
      }
    }
    if (op.idempotent) {
      parameters.push({ name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', maxLength: 100 }, description: 'Same key for every retry of one submit: the server answers a repeat with the first result and never creates twice; the same key with a different body answers IDEMPOTENCY_CONFLICT.' });
    }
    if (op.auth === 'session' && op.method !== 'GET') {
      parameters.push({ name: 'X-CSRF-Token', in: 'header', required: true, schema: { type: 'string' }, description: 'The csrfToken from login or getSession.' });
    }

    const responses: Record<string, unknown> = {};
    const ref = refs[op.id];
    if (op.responseKind === 'json' && ref?.response) {
      responses[String(op.successStatus)] = { description: op.summary, content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref.response}` } } } };
    } else if (op.responseKind === 'image') {
      responses['200'] = { description: 'SVG image', content: { 'image/svg+xml': { schema: { type: 'string' } } } };
    } else if (op.responseKind === 'audio') {
      responses['200'] = { description: 'WAV audio (PCM)', content: { 'audio/wav': { schema: { type: 'string', contentMediaType: 'audio/wav' } } } };
    } else {
      responses['204'] = { description: 'Done; no content.' };
    }
    const codes = [...new Set<ApiErrorCode>([...commonErrorCodes, ...op.errors])];
    const byStatus = new Map<number, ApiErrorCode[]>();
    for (const code of codes) byStatus.set(errorStatus[code], [...(byStatus.get(errorStatus[code]) ?? []), code]);
    for (const [status, statusCodes] of [...byStatus].sort(([a], [b]) => a - b)) {
      responses[String(status)] = {
        description: `Error: ${statusCodes.join(', ')}`,
        ...(status === 429 || status === 503 ? { headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait before trying again.' } } } : {}),
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' }, examples: Object.fromEntries(statusCodes.map((code) => [code, { value: { error: { code, message: code } } }])) } },
      };
    }

    const requestBody = op.bodyKind === 'json' && ref?.request
      ? { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref.request}` } } } }
      : op.bodyKind === 'multipart'
        ? { required: true, content: { 'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', contentMediaType: 'application/octet-stream', description: 'PDF, JPEG or PNG (checked by content).' } } } } } }
        : undefined;

    paths[op.path] ??= {};
    paths[op.path]![op.method.toLowerCase()] = {
      operationId: op.id,
      tags: [op.tag],
      summary: op.summary,
      ...(op.auth === 'session' ? { security: [{ session: [] }] } : {}),
      ...(op.rateLimited ? { 'x-rate-limited': true } : {}),
      parameters,
      ...(requestBody ? { requestBody } : {}),
      responses,
    };
  }

  return {
    openapi: '3.1.1',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Membership API (membership-elements contract)',
      version: pkg.version,
      description: 'The REST contract the membership-elements widgets call. Generated from src/api by `npm run openapi`; do not edit by hand. Error answers always have the ApiError shape; every code is listed per operation.',
    },
    servers: [{ url: '/api/v1' }],
    tags: ['site', 'address', 'signup', 'verification', 'session', 'profile', 'recovery', 'company'].map((name) => ({ name })),
    paths,
    components: {
      schemas: components,
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'mb_session', description: 'HttpOnly, SameSite=Lax session cookie set by login (`__Host-mb_session`, Secure, on an https origin).' } },
    },
  };
}

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

if (import.meta.main) {
  const text = `${JSON.stringify(buildOpenApi(), null, 2)}\n`;
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(outFile, 'utf8');
    } catch {}
    if (current !== text) {
      console.error('docs/openapi.json is not current: run `npm run openapi` and commit it.');
      process.exit(1);
    }
    console.log('docs/openapi.json is current.');
  } else {
    mkdirSync(new URL('.', outFile), { recursive: true });
    writeFileSync(outFile, text);
    const count = Object.values(JSON.parse(text).paths as Record<string, object>).reduce((n, item) => n + Object.keys(item).length, 0);
    console.log(`Wrote docs/openapi.json: ${count} operations.`);
  }
}
