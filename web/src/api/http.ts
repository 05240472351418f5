import type { ApiErrorBody, ErrorCode, FieldIssue, HttpMethod as Method } from '#common';

/** A failed API call, carrying the server's code and its user-facing Chinese message. */
export class ApiError extends Error {
  readonly code: ErrorCode | 'NETWORK';
  readonly status: number;
  readonly details: unknown;
  readonly requestId: string | undefined;

  constructor(code: ErrorCode | 'NETWORK', message: string, status: number, details?: unknown, requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
    this.requestId = requestId;
  }

  /** The invalid fields of a VALIDATION_FAILED answer. */
  get fieldIssues(): FieldIssue[] {
    const issues = (this.details as { issues?: unknown } | null | undefined)?.issues;
    return Array.isArray(issues) ? (issues as FieldIssue[]) : [];
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The user-facing text of any failure. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '操作失败，请稍后重试';
}

type Query = Record<string, string | number | boolean | undefined | null>;

export interface CallOptions {
  /** Do not raise the global "signed out" handler on 401 (login forms, the session probe). */
  quietAuth?: boolean;
}

interface RequestOptions extends CallOptions {
  query?: Query;
  body?: unknown;
  /** A multipart body (file uploads): sent as is, without a JSON content type. */
  form?: FormData;
}

let csrfToken: string | null = null;
let csrfLoader: (() => Promise<void>) | null = null;
let authLostHandler: ((error: ApiError) => void) | null = null;
let passwordChangeHandler: (() => void) | null = null;
let twoFactorHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** How to get a fresh CSRF token (GET /api/session); installed by the session store. */
export function setCsrfLoader(loader: () => Promise<void>): void {
  csrfLoader = loader;
}

/** Called when the server says the session is gone (UNAUTHENTICATED / SESSION_EXPIRED). */
export function onAuthLost(handler: (error: ApiError) => void): void {
  authLostHandler = handler;
}

/** Called when the server refuses an action until the temporary password is changed. */
export function onPasswordChangeRequired(handler: () => void): void {
  passwordChangeHandler = handler;
}

/** Called when the server refuses an action until the required 两步验证 is turned on. */
export function onTwoFactorRequired(handler: () => void): void {
  twoFactorHandler = handler;
}

function buildUrl(path: string, query?: Query): string {
  const url = `api${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${url}?${text}` : url;
}

async function send(method: Method, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && !options.form) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      body: method === 'GET' ? undefined : (options.form ?? JSON.stringify(options.body ?? {})),
    });
  } catch {
    throw new ApiError('NETWORK', '网络连接失败，请检查网络后重试', 0);
  }
}

async function toError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as Partial<ApiErrorBody> | null;
  if (body && typeof body.code === 'string' && typeof body.message === 'string') {
    return new ApiError(body.code, body.message, response.status, body.details, body.requestId);
  }
  return new ApiError(
    response.status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED',
    `请求失败（${response.status}），请稍后重试`,
    response.status,
  );
}

/**
 * One API call. POSTs carry the CSRF token; a CSRF_INVALID answer refetches the token once and retries.
 * Non-2xx answers throw ApiError with the server's code and message.
 */
export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  if (method !== 'GET' && !csrfToken && csrfLoader) await csrfLoader();
  let response = await send(method, path, options);
  if (!response.ok && response.status === 403 && method !== 'GET' && csrfLoader) {
    const error = await toError(response.clone());
    if (error.code === 'CSRF_INVALID') {
      await csrfLoader();
      response = await send(method, path, options);
    }
  }
  if (!response.ok) {
    const error = await toError(response);
    if (!options.quietAuth && (error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_EXPIRED'))
      authLostHandler?.(error);
    if (error.code === 'PASSWORD_CHANGE_REQUIRED') passwordChangeHandler?.();
    if (error.code === 'TWO_FACTOR_REQUIRED') twoFactorHandler?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  // An endpoint that answers with a file (a PDF, a spreadsheet) gives it as a Blob.
  if (!(response.headers.get('content-type') ?? '').includes('json')) return (await response.blob()) as T;
  return (await response.json()) as T;
}
