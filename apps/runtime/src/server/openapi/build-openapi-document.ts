import { documentsOfKind, type EntityDoc, pickText } from '@lattice/engine';
import type { LiveApp } from '@lattice/engine/storage';
import { fieldJsonSchema, isReadOnlyField, type JsonSchema } from './field-json-schema';

/** A (loosely typed) OpenAPI 3 document. */
export interface OpenApiDocument {
  openapi: string;
  info: Record<string, unknown>;
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, JsonSchema>; [key: string]: unknown };
  [key: string]: unknown;
}

const SYSTEM_PROPERTIES: Record<string, JsonSchema> = {
  id: { type: 'string', format: 'uuid', readOnly: true },
  version: { type: 'integer', readOnly: true },
  created_at: { type: 'string', format: 'date-time', readOnly: true },
  created_by: { type: 'string', nullable: true, readOnly: true },
  updated_at: { type: 'string', format: 'date-time', readOnly: true },
  updated_by: { type: 'string', nullable: true, readOnly: true },
  owner: { type: 'string', nullable: true },
  region: { type: 'string', nullable: true },
  department: { type: 'string', nullable: true },
};

const ERROR_RESPONSE = { $ref: '#/components/responses/Error' };

/**
 * Adds the records API of every live app to `base` (the document @fastify/swagger builds from the static
 * routes): one record schema and one input schema per entity with typed fields, and the list/create/get/
 * patch/delete/history paths under `/api/apps/{app}/records/{entity}`. Pure: call it per request so the
 * document always follows the live metadata.
 */
export function buildOpenApiDocument(base: OpenApiDocument, apps: LiveApp[]): OpenApiDocument {
  const doc: OpenApiDocument = {
    ...base,
    paths: { ...base.paths },
    components: {
      ...base.components,
      schemas: { ...base.components?.schemas, Error: errorSchema() },
      responses: { Error: { description: 'Error', content: json({ $ref: '#/components/schemas/Error' }) } },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
  for (const live of apps) {
    for (const entity of documentsOfKind(live.definition, 'entity')) addEntity(doc, live, entity);
  }
  return doc;
}

function addEntity(doc: OpenApiDocument, live: LiveApp, entity: EntityDoc): void {
  const name = `${live.appId}.${entity.name}`;
  const properties: Record<string, JsonSchema> = {};
  const input: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const field of entity.fields) {
    const schema = fieldJsonSchema(field);
    properties[field.name] = schema;
    if (isReadOnlyField(field)) continue;
    input[field.name] = schema;
    if (field.required) required.push(field.name);
  }
  doc.components.schemas[name] = {
    type: 'object',
    title: `${entity.label.zh} / ${entity.label.en}`,
    properties: { ...SYSTEM_PROPERTIES, ...properties },
  };
  doc.components.schemas[`${name}.input`] = {
    type: 'object',
    additionalProperties: false,
    properties: input,
    ...(required.length > 0 ? { required } : {}),
  };
  const ref = json({ $ref: `#/components/schemas/${name}` });
  const inputRef = { $ref: `#/components/schemas/${name}.input` };
  const tag = `${live.appId} · ${pickText(entity.label, 'zh-CN')} (${entity.name})`;
  const collection = `/api/apps/${live.appId}/records/${entity.name}`;
  const common = { tags: [tag], security: [{ bearer: [] }] };
  const errors = { '400': ERROR_RESPONSE, '401': ERROR_RESPONSE, '404': ERROR_RESPONSE };
  doc.paths[collection] = {
    get: {
      ...common,
      summary: `List ${entity.name}`,
      parameters: listParameters(),
      responses: {
        '200': {
          description: 'A page of records',
          content: json({
            type: 'object',
            properties: {
              items: { type: 'array', items: { $ref: `#/components/schemas/${name}` } },
              nextCursor: { type: 'string', nullable: true },
            },
          }),
        },
        ...errors,
      },
    },
    post: {
      ...common,
      summary: `Create ${entity.name}`,
      requestBody: { required: true, content: json(inputRef) },
      responses: { '201': { description: 'Created', content: ref }, ...errors, '409': ERROR_RESPONSE },
    },
  };
  const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
  doc.paths[`${collection}/{id}`] = {
    get: {
      ...common,
      summary: `Get ${entity.name}`,
      parameters: [idParam],
      responses: { '200': { description: 'The record', content: ref }, ...errors },
    },
    patch: {
      ...common,
      summary: `Update ${entity.name} (optimistic locking)`,
      parameters: [idParam],
      requestBody: {
        required: true,
        content: json({
          type: 'object',
          required: ['version', 'values'],
          properties: { version: { type: 'integer' }, values: { ...inputRef } },
        }),
      },
      responses: { '200': { description: 'Updated', content: ref }, ...errors, '409': ERROR_RESPONSE },
    },
    delete: {
      ...common,
      summary: `Soft-delete ${entity.name}`,
      parameters: [idParam],
      responses: { '204': { description: 'Deleted' }, ...errors, '409': ERROR_RESPONSE },
    },
  };
  doc.paths[`${collection}/{id}/history`] = {
    get: {
      ...common,
      summary: `Field history of ${entity.name}`,
      parameters: [idParam],
      responses: { '200': { description: 'History entries, oldest first' }, ...errors },
    },
  };
}

function listParameters(): JsonSchema[] {
  const q = (name: string, schema: JsonSchema, description: string) => ({
    name,
    in: 'query',
    schema,
    description,
  });
  return [
    q('filter', { type: 'string' }, 'JsonLogic filter as JSON, e.g. {"==":[{"var":"tier"},"A"]}'),
    q('sort', { type: 'string' }, 'Comma-separated fields, "-" for descending, e.g. -amount,name'),
    q('limit', { type: 'integer', minimum: 1, maximum: 200 }, 'Page size (max 200)'),
    q('cursor', { type: 'string' }, 'nextCursor of the previous page'),
    q('q', { type: 'string' }, 'Text search'),
  ];
}

function errorSchema(): JsonSchema {
  return {
    type: 'object',
    properties: {
      error: {
        type: 'object',
        properties: {
          code: { type: 'string' },
          message: { type: 'string' },
          details: {
            type: 'array',
            items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
          },
        },
      },
    },
  };
}

function json(schema: JsonSchema) {
  return { 'application/json': { schema } };
}
