/**
 * A minimal browser stand-in for the console over fetch: keeps the session cookie, reads the CSRF
 * token from the last page, posts urlencoded forms, never follows redirects (tests assert them).
 */
export interface ConsoleResponse {
  status: number;
  text: string;
  headers: Headers;
  location: string | null;
}

export interface ConsoleClient {
  cookie: string | undefined;
  csrf: string | undefined;
  get(path: string, headers?: Record<string, string>): Promise<ConsoleResponse>;
  /** posts `fields` plus `_csrf` (the last token seen) unless `csrf` is false or a string to send instead */
  post(
    path: string,
    fields?: Record<string, string | string[]>,
    options?: { csrf?: boolean | string; headers?: Record<string, string> },
  ): Promise<ConsoleResponse>;
  signIn(name: string, password: string): Promise<ConsoleResponse>;
}

export function consoleClient(baseUrl: string): ConsoleClient {
  const client: ConsoleClient = {
    cookie: undefined,
    csrf: undefined,
    async get(path, headers = {}) {
      return send(path, { method: 'GET', headers });
    },
    async post(path, fields = {}, options = {}) {
      const body = new URLSearchParams();
      for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
      const token = typeof options.csrf === 'string' ? options.csrf : options.csrf === false ? undefined : client.csrf;
      if (token !== undefined) body.append('_csrf', token);
      return send(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(options.headers ?? {}) },
        body: body.toString(),
      });
    },
    async signIn(name, password) {
      await client.get('/admin/login');
      const res = await client.post('/admin/login', { name, password });
      if (res.status === 303) await client.get('/admin');
      return res;
    },
  };

  async function send(
    path: string,
    init: { method: string; headers: Record<string, string>; body?: string },
  ): Promise<ConsoleResponse> {
    const res = await fetch(baseUrl + path, {
      ...init,
      headers: { ...init.headers, ...(client.cookie ? { cookie: client.cookie } : {}) },
      redirect: 'manual',
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const value = /loa_admin_session=([^;]*)/.exec(setCookie)?.[1];
      client.cookie = value ? `loa_admin_session=${value}` : undefined;
    }
    const text = await res.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(text)?.[1];
    if (token) client.csrf = token;
    return { status: res.status, text, headers: res.headers, location: res.headers.get('location') };
  }
  return client;
}
