/**
 * Checks Jira REST calls and answers against Atlassian's official OpenAPI spec
 * (`JIRA_SPEC_FILE` below), read in place.
 *
 * The spec is loaded leniently, as the reference README advises:
 * - a strict validator rejects the spec itself (a default outside its enum), so the spec is not
 *   validated against the OpenAPI meta-schema and unknown keywords are ignored;
 * - real Jira Cloud answers carry properties the spec does not declare (`untranslatedName`,
 *   `expand` on bulkfetch), so responses are checked with every `additionalProperties: false`
 *   lifted; requests keep the spec's strictness, so a misspelt request property is caught.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { JiraExchange } from '../runtime/forge-proxy';

/**
 * The spec's default place: `FORGE_LOCAL_JIRA_SPEC` when set, else the shared reference folder
 * beside the repository holding this package (../shared/reference). Download the spec from
 * https://developer.atlassian.com/cloud/jira/platform/swagger-v3.v3.json and pass its path to
 * `load` to use it elsewhere.
 */
export const JIRA_SPEC_FILE =
  process.env['FORGE_LOCAL_JIRA_SPEC'] ??
  resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'reference', 'jira-platform.swagger-v3.v3.json');

type Json = Record<string, unknown>;

interface Operation {
  parameters?: { name: string; in: string; schema?: { type?: string; items?: { type?: string } } }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

export class JiraOpenApiContract {
  private readonly spec: Json;
  private readonly requests = new Ajv({
    strict: false,
    allErrors: true,
    validateFormats: false,
    validateSchema: false,
  });
  private readonly responses = new Ajv({
    strict: false,
    allErrors: true,
    validateFormats: false,
    validateSchema: false,
  });
  private readonly compiled = new Map<string, ValidateFunction>();

  private constructor(spec: Json) {
    this.spec = spec;
    this.requests.addSchema(lenient(spec, { liftClosedObjects: false }) as Json, 'spec');
    this.responses.addSchema(lenient(spec, { liftClosedObjects: true }) as Json, 'spec');
  }

  static load(file: string = JIRA_SPEC_FILE): JiraOpenApiContract {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new Error(
        `The Jira OpenAPI spec is not at ${file}. Download it from ` +
          'https://developer.atlassian.com/cloud/jira/platform/swagger-v3.v3.json and pass its path, ' +
          'or set FORGE_LOCAL_JIRA_SPEC to it.',
        { cause: error },
      );
    }
    return new JiraOpenApiContract(JSON.parse(text) as Json);
  }

  /** Problems with a request: an undeclared operation or query parameter, or a body off its schema. */
  checkRequest(method: string, template: string, query: URLSearchParams, body: unknown): string[] {
    const where = `${method.toUpperCase()} ${template}`;
    const operation = this.operation(method, template);
    if (!operation) return [`${where} is not an operation of the Jira Cloud REST API`];
    const problems: string[] = [];
    const declared = new Map(
      (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p]),
    );
    for (const [name, value] of query) {
      const parameter = declared.get(name);
      if (!parameter) {
        problems.push(`${where}: query parameter '${name}' is not declared`);
        continue;
      }
      const type = parameter.schema?.type === 'array' ? parameter.schema.items?.type : parameter.schema?.type;
      if (type === 'integer' && !/^-?\d+$/.test(value))
        problems.push(`${where}: query parameter '${name}' must be an integer`);
      if (type === 'boolean' && value !== 'true' && value !== 'false')
        problems.push(`${where}: query parameter '${name}' must be true or false`);
    }
    const schema = operation.requestBody?.content?.['application/json']?.schema;
    if (schema !== undefined && body !== undefined) {
      problems.push(
        ...this.validate(
          'requests',
          pointer([
            'paths',
            template,
            method.toLowerCase(),
            'requestBody',
            'content',
            'application/json',
            'schema',
          ]),
          body,
          `${where} request body`,
        ),
      );
    }
    return problems;
  }

  /** Problems with an answer: a status the operation does not declare, or a body off its schema. */
  checkResponse(method: string, template: string, status: number, body: unknown): string[] {
    const where = `${method.toUpperCase()} ${template} → ${String(status)}`;
    const operation = this.operation(method, template);
    if (!operation)
      return [`${method.toUpperCase()} ${template} is not an operation of the Jira Cloud REST API`];
    const response = operation.responses?.[String(status)];
    if (!response) return [`${where}: the spec declares no ${String(status)} answer`];
    const schema = response.content?.['application/json']?.schema;
    if (schema !== undefined && body !== undefined) {
      return this.validate(
        'responses',
        pointer([
          'paths',
          template,
          method.toLowerCase(),
          'responses',
          String(status),
          'content',
          'application/json',
          'schema',
        ]),
        body,
        where,
      );
    }
    if (status === 204 && body !== undefined) return [`${where}: a 204 answer has no body`];
    if (status >= 400 && status !== 401 && body !== undefined) {
      return this.validate('responses', pointer(['components', 'schemas', 'ErrorCollection']), body, where);
    }
    return [];
  }

  /** Checks a recorded call both ways; answers made up by fault injection are left out. */
  checkExchange(exchange: JiraExchange): string[] {
    if (exchange.injectedFault) return [];
    const url = new URL(exchange.path, 'https://jira.invalid');
    const requestBody =
      exchange.requestBody === undefined || exchange.requestBody === ''
        ? undefined
        : (JSON.parse(exchange.requestBody) as unknown);
    const responseBody =
      exchange.responseBody === '' ? undefined : (JSON.parse(exchange.responseBody) as unknown);
    return [
      ...this.checkRequest(exchange.method, exchange.template, url.searchParams, requestBody),
      ...this.checkResponse(exchange.method, exchange.template, exchange.status, responseBody),
    ];
  }

  /** Validates `value` against a named schema of `components.schemas`, as a response. */
  checkSchema(name: string, value: unknown): string[] {
    return this.validate('responses', pointer(['components', 'schemas', name]), value, name);
  }

  private operation(method: string, template: string): Operation | undefined {
    const paths = this.spec.paths as Record<string, Record<string, Operation>>;
    return paths[template]?.[method.toLowerCase()];
  }

  private validate(kind: 'requests' | 'responses', ref: string, value: unknown, where: string): string[] {
    const key = `${kind} ${ref}`;
    let validator = this.compiled.get(key);
    if (!validator) {
      validator = this[kind].compile({ $ref: `spec#${ref}` });
      this.compiled.set(key, validator);
    }
    if (validator(value)) return [];
    return (validator.errors ?? []).map(
      (e) => `${where}: ${e.instancePath === '' ? '(root)' : e.instancePath} ${e.message ?? 'is invalid'}`,
    );
  }
}

/** A JSON pointer, URI-encoded for a `$ref` fragment. */
function pointer(segments: string[]): string {
  return segments.map((s) => `/${encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))}`).join('');
}

/**
 * A copy of the spec Ajv can compile: `nullable` without `type` (which Ajv refuses) is dropped,
 * and for responses every closed object is opened.
 */
function lenient(node: unknown, options: { liftClosedObjects: boolean }): unknown {
  if (Array.isArray(node)) return node.map((item) => lenient(item, options));
  if (node === null || typeof node !== 'object') return node;
  const copy: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'additionalProperties' && value === false && options.liftClosedObjects) continue;
    if (key === 'nullable' && !('type' in node)) continue;
    copy[key] = lenient(value, options);
  }
  return copy;
}
