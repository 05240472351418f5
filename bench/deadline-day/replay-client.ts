import type { ReplayStats } from './replay-stats';

export interface Answer {
  status: number;
  body: any;
  /** The server shed an earlier try of this request (503 with Retry-After) before this answer. */
  afterRetry: boolean;
}

export interface ClientLimits {
  /** A request not answered within this is an error (a timeout), never retried. */
  timeoutMs: number;
  /** 503s with Retry-After waited out for one request before it counts as an error. */
  maxRetries: number;
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * One person's browser, as the web app is: it keeps the cookies (the session, the CSRF secret), sends
 * the CSRF token with every change, and when the server answers 503 with Retry-After it waits that long
 * and asks again (a 503 without it, like any other failure, is an error).
 */
export class ReplayBrowser {
  private readonly cookies = new Map<string, string>();
  private csrfToken: string | null = null;

  constructor(
    private readonly baseUrl: string,
    private readonly stats: ReplayStats,
    private readonly limits: ClientLimits,
  ) {}

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  /** GET /api/session, as every page load does: the CSRF token for the changes that follow. */
  async open(): Promise<boolean> {
    const answer = await this.request('页面 GET /api/session', 'GET', '/api/session');
    if (answer?.status !== 200) return false;
    this.csrfToken = answer.body.csrfToken as string;
    return true;
  }

  /**
   * Sends a request until it is answered: the answer on 2xx; a refusal (4xx, 5xx) is recorded as an
   * error and returned for the caller to act on; null on a timeout or a broken connection.
   */
  async request(operation: string, method: string, path: string, body?: unknown): Promise<Answer | null> {
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (method !== 'GET' && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
      if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const started = performance.now();
      let response: Response;
      let text: string;
      try {
        response = await fetch(`${this.baseUrl}${path}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(this.limits.timeoutMs),
        });
        text = await response.text();
      } catch (error) {
        const timedOut = (error as Error).name === 'TimeoutError';
        this.stats.failed(operation, timedOut ? 'timeout' : 'network', `${method} ${path}: ${String(error)}`);
        return null;
      }
      const ms = performance.now() - started;
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const at = pair!.indexOf('=');
        this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
      }
      const parsed = parse(text);
      const retryAfter = Number(response.headers.get('retry-after'));
      if (response.status === 503 && retryAfter > 0) {
        if (attempt >= this.limits.maxRetries) {
          this.stats.failed(operation, '503 (retries exhausted)', `${method} ${path}`);
          return null;
        }
        this.stats.retried(operation);
        // After Retry-After, and a little more at random so that the shed crowd does not return at once.
        await sleep(retryAfter * 1000 * (1 + Math.random() * 0.5));
        continue;
      }
      const answer = { status: response.status, body: parsed, afterRetry: attempt > 0 };
      if (response.status >= 200 && response.status < 300) this.stats.answered(operation, ms);
      else {
        const kind = response.status === 503 ? '503 without Retry-After' : String(response.status);
        this.stats.failed(operation, kind, `${method} ${path}: ${text.slice(0, 200)}`);
      }
      return answer;
    }
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
