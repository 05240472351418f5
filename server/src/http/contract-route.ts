import type { FastifyContextConfig, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import type { z } from 'zod';
import { apiErrorSchema, type Endpoint, type EndpointResult } from '#common';
import type { ApiScope } from './actor-scope';

type Part<E, K extends 'params' | 'query' | 'body'> = E extends { [P in K]: infer S extends z.ZodType }
  ? z.output<S>
  : unknown;

/** The request as the endpoint's schemas have parsed it. */
export type ContractRequest<E extends Endpoint> = FastifyRequest<{
  Params: Part<E, 'params'>;
  Querystring: Part<E, 'query'>;
  Body: Part<E, 'body'>;
}>;

export type ContractHandler<E extends Endpoint> = (
  request: ContractRequest<E>,
  reply: FastifyReply,
) => Promise<EndpointResult<E> | FastifyReply>;

const errors = { '4xx': apiErrorSchema, '5xx': apiErrorSchema };

/**
 * Registers the route of one endpoint of the contract in `scope`: its method, path, validation and
 * OpenAPI entry all come from the contract; the handler is typed by it. `config` carries what is the
 * server's own business (a rate limit).
 */
export function route<E extends Endpoint>(
  scope: ApiScope,
  endpoint: E,
  handler: ContractHandler<E>,
  options: { config?: FastifyContextConfig } = {},
): void {
  const status = endpoint.status ?? 200;
  // Typed as the plain FastifySchema: the handler's types come from the contract, not from inference.
  const schema: FastifySchema & { tags: string[]; summary: string; consumes?: string[] } = {
    tags: [...endpoint.tags],
    summary: endpoint.summary,
    ...(endpoint.upload ? { consumes: ['multipart/form-data'] } : {}),
    ...(endpoint.params ? { params: endpoint.params } : {}),
    ...(endpoint.query ? { querystring: endpoint.query } : {}),
    ...(endpoint.body ? { body: endpoint.body } : {}),
    response: endpoint.response ? { [status]: endpoint.response, ...errors } : errors,
  };
  scope.route({
    method: endpoint.method,
    url: endpoint.path,
    config: options.config,
    schema,
    handler: async (request, reply) => {
      if (status !== 200) void reply.status(status);
      // The schemas above have validated the request into exactly the shapes ContractRequest names.
      return handler(request as unknown as ContractRequest<E>, reply);
    },
  });
}
