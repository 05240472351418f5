import { endpointPath, type Contract, type Endpoint, type EndpointInput, type EndpointOutput } from '#common';
import { request, type CallOptions } from './http';

type Args<E extends Endpoint> =
  unknown extends EndpointInput<E>
    ? [input?: Record<string, never>, options?: CallOptions]
    : [input: EndpointInput<E>, options?: CallOptions];

interface AnyInput {
  params?: Record<string, string | number>;
  query?: Record<string, string | number | boolean | undefined | null>;
  body?: unknown;
  file?: File;
}

/** One call of an endpoint of the contract: its path filled in, its input and answer typed by it. */
export function call<E extends Endpoint>(endpoint: E, ...[input, options]: Args<E>): Promise<EndpointOutput<E>> {
  const given = (input ?? {}) as AnyInput;
  const path = endpointPath(endpoint.path, given.params);
  let form: FormData | undefined;
  if (endpoint.upload && given.file) {
    form = new FormData();
    form.append('file', given.file, given.file.name);
  }
  return request<EndpointOutput<E>>(endpoint.method, path, {
    ...options,
    query: given.query,
    body: given.body,
    form,
  });
}

export type Client<C extends Contract> = { [K in keyof C]: (...args: Args<C[K]>) => Promise<EndpointOutput<C[K]>> };

/** The typed client of a group of endpoints: `clientOf(reviewContract).desk({ query })`. */
export function clientOf<C extends Contract>(contract: C): Client<C> {
  const client: Record<string, (...args: Args<Endpoint>) => Promise<unknown>> = {};
  for (const [name, endpoint] of Object.entries(contract)) client[name] = (...args) => call(endpoint, ...args);
  // Each entry calls the endpoint of the same name, which is what Client<C> says of it.
  return client as unknown as Client<C>;
}

/**
 * The address of an endpoint that answers with a file (an attachment, a licence), for an <img>, an
 * <iframe> or a new tab; relative, as the app may be served under a path.
 */
export function addressOf<E extends Endpoint & { response: null }>(
  endpoint: E,
  params: EndpointInput<E> extends { params: infer P } ? P : never,
): string {
  return `api${endpointPath(endpoint.path, params as Record<string, string | number>)}`;
}
