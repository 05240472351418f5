import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * One endpoint of the API, written once: the server registers its route from it (validation, OpenAPI)
 * and the web calls it through a client typed by it, so the two cannot drift apart.
 */
export interface Endpoint {
  method: HttpMethod;
  /** Fastify style, with `:name` for each path parameter: `/applications/:id/submit`. */
  path: string;
  /** The OpenAPI summary: what the endpoint does, in the manual's words. */
  summary: string;
  tags: readonly string[];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** A multipart upload of one file in the field `file` instead of a JSON body. */
  upload?: true;
  /** The status of success: 201 for what creates something, 200 otherwise. */
  status?: 200 | 201;
  /** The answer's schema; `null` for a file sent as bytes (an <img>, a PDF, a download). */
  response: z.ZodType | null;
}

/** A group of endpoints (one module of the API), each named after what it does. */
export type Contract = Record<string, Endpoint>;

/** Keeps the endpoint's literal types (method, path, schemas) for the server and the client. */
export function endpoint<const E extends Endpoint>(definition: E): E {
  return definition;
}

type Schema<E, K extends 'params' | 'query' | 'body'> = E extends { [P in K]: infer S extends z.ZodType } ? S : never;

/** What the caller gives: path parameters, the query (its parsed shape) and the body (before defaults). */
export type EndpointInput<E extends Endpoint> = ([Schema<E, 'params'>] extends [never]
  ? unknown
  : { params: z.input<Schema<E, 'params'>> }) &
  ([Schema<E, 'query'>] extends [never] ? unknown : { query: z.output<Schema<E, 'query'>> }) &
  ([Schema<E, 'body'>] extends [never] ? unknown : { body: z.input<Schema<E, 'body'>> }) &
  (E extends { upload: true } ? { file: File } : unknown);

/** What the endpoint answers, as the caller receives it. */
export type EndpointOutput<E extends Endpoint> = E['response'] extends z.ZodType ? z.output<E['response']> : Blob;

/** What the server's handler returns (before the response schema serialises it). */
export type EndpointResult<E extends Endpoint> = E['response'] extends z.ZodType ? z.input<E['response']> : unknown;

/** The address of an endpoint with its path parameters filled in, e.g. `/applications/7/submit`. */
export function endpointPath(path: string, params: Record<string, string | number> | undefined): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}
