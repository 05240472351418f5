import { randomUUID } from 'node:crypto';

/** A signed-in browser as the benchmarks drive it: its cookies and CSRF token on every request. */
export interface Signed {
  base: string;
  headers: Record<string, string>;
  get(path: string): Promise<Response>;
  send(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<Response>;
}

const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .filter(Boolean);

function signed(base: string, cookies: string[], csrfToken: string): Signed {
  const headers = { cookie: cookies.join('; '), 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  return {
    base,
    headers,
    get: (path) => fetch(`${base}${path}`, { headers }),
    send: (method, path, body) =>
      fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }),
  };
}

/** A fresh browser session: its cookie and CSRF token (GET /api/session), not signed in. */
export async function browserSession(base: string): Promise<Signed> {
  const session = await fetch(`${base}/api/session`);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  return signed(base, cookiesOf(session), csrfToken);
}

/** The body of a login, with the captcha code the server was started to accept (CAPTCHA_TEST_CODE). */
export const loginBody = (kind: 'applicant' | 'unit' | 'reviewer', username: string, password: string) => ({
  kind,
  username,
  password,
  captchaId: randomUUID(),
  captchaCode: 'bench',
});

/** Signs in through the login page's API and returns the signed-in browser. */
export async function signIn(
  base: string,
  kind: 'applicant' | 'unit' | 'reviewer',
  username: string,
  password: string,
): Promise<Signed> {
  const browser = await browserSession(base);
  const response = await browser.send('POST', '/api/auth/login', loginBody(kind, username, password));
  if (!response.ok) throw new Error(`${kind} ${username} 登录失败: ${response.status} ${await response.text()}`);
  const cookies = [...browser.headers.cookie!.split('; '), ...cookiesOf(response)];
  // The session cookie replaces the anonymous one of the same name.
  const byName = new Map(cookies.map((c) => [c.split('=')[0]!, c]));
  const again = await fetch(`${base}/api/session`, { headers: { cookie: [...byName.values()].join('; ') } });
  const { csrfToken } = (await again.json()) as { csrfToken: string };
  for (const c of cookiesOf(again)) byName.set(c.split('=')[0]!, c);
  return signed(base, [...byName.values()], csrfToken);
}
