/* eslint-disable @typescript-eslint/no-explicit-any -- the drill speaks to the API as a browser does: untyped JSON */
/** A browser's view of the API over real HTTP: it keeps cookies and sends the CSRF token. */
export interface Answer {
  status: number;
  body: any;
  /** How long the answer took. */
  ms: number;
}

export class Browser {
  private readonly cookies = new Map<string, string>();
  private csrf: string | null = null;
  constructor(private readonly base: string) {}

  /** Status 0: no answer (the server was killed mid-request, or refused the connection). */
  async send(method: string, path: string, body?: object | FormData): Promise<Answer> {
    const started = Date.now();
    const headers: Record<string, string> = {};
    if (method !== 'GET') {
      if (!this.csrf) {
        const session = await this.send('GET', '/api/session');
        if (session.status !== 200) return session;
        this.csrf = session.body.csrfToken as string;
      }
      headers['x-csrf-token'] = this.csrf;
    }
    if (body !== undefined && !(body instanceof FormData)) headers['content-type'] = 'application/json';
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    try {
      const res = await fetch(`${this.base}${path}`, {
        method,
        headers,
        body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
        // Far beyond any timeout of the server: reaching it means the request hung.
        signal: AbortSignal.timeout(30_000),
      });
      for (const line of res.headers.getSetCookie()) {
        const [pair = ''] = line.split(';');
        const at = pair.indexOf('=');
        this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
      }
      const text = await res.text();
      try {
        return { status: res.status, body: JSON.parse(text), ms: Date.now() - started };
      } catch {
        return { status: res.status, body: text, ms: Date.now() - started };
      }
    } catch (error) {
      return { status: 0, body: String(error), ms: Date.now() - started };
    }
  }

  get(path: string) {
    return this.send('GET', path);
  }
  post(path: string, body: object = {}) {
    return this.send('POST', path, body);
  }
  put(path: string, body: object) {
    return this.send('PUT', path, body);
  }
  upload(path: string, name: string, content: Buffer) {
    const form = new FormData();
    form.append('file', new Blob([content], { type: 'application/pdf' }), name);
    return this.send('POST', path, form);
  }
}

/** The answer, or an error naming the step: for the seeding, where every step must succeed. */
export function must(step: string, answer: Answer, status = 200): any {
  if (answer.status !== status) throw new Error(`${step}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}
