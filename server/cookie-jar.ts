/**
 * A minimal cookie jar for calling the app's fetch handler directly (node tests, MSW in the
 * browser, where a mocked response cannot set an HttpOnly cookie): it keeps name=value pairs.
 */
export function cookieJar() {
  const cookies = new Map<string, string>();
  return {
    /** Adds the jar's cookies to a request. */
    attach(request: Request): Request {
      if (cookies.size === 0) return request;
      const headers = new Headers(request.headers);
      headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
      return new Request(request, { headers });
    },
    /** Takes the Set-Cookie lines of a response into the jar (an expired or empty one deletes). */
    store(response: Response): void {
      for (const line of response.headers.getSetCookie()) {
        const [pair = ''] = line.split(';');
        const separator = pair.indexOf('=');
        const name = pair.slice(0, separator).trim();
        const value = pair.slice(separator + 1).trim();
        if (!name) continue;
        if (value === '' || /max-age=0\b|expires=thu, 01 jan 1970/i.test(line)) cookies.delete(name);
        else cookies.set(name, value);
      }
    },
    clear(): void {
      cookies.clear();
    },
  };
}
