/**
 * Loads a third-party script once by appending a `<script>` element, under a strict CSP (the `nonce`
 * is copied to the element) and Trusted Types (the URL goes through the `membership-elements-script`
 * policy, which only passes URLs that an adapter registered here).
 */
import { AddressSearchError } from './adapter.ts';

export interface ScriptLoadOptions {
  /** True once the script's global is usable; checked before loading and until the timeout. */
  ready: () => boolean;
  timeoutMs: number;
  nonce?: string | undefined;
}

/** The name a site lists in its CSP `trusted-types` directive when it enforces Trusted Types. */
export const trustedTypesPolicyName = 'membership-elements-script';

interface ScriptUrlPolicy {
  createScriptURL(input: string): unknown;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL(input: string): string }): ScriptUrlPolicy;
}

const allowedUrls = new Set<string>();
const loads = new Map<string, Promise<void>>();
let policy: ScriptUrlPolicy | null | undefined;

/**
 * Resolves when `ready()` holds: at once if it already does (the page loaded the script itself),
 * else after loading `url` (one load at a time per URL). Rejects with `ADDRESS_SEARCH_UNAVAILABLE`
 * when the script fails, is blocked, or its global is not there within `timeoutMs`; a later call
 * then tries again.
 */
export function loadScript(url: string, options: ScriptLoadOptions): Promise<void> {
  if (options.ready()) return Promise.resolve();
  let load = loads.get(url);
  if (!load) {
    load = inject(url, options);
    loads.set(url, load);
    const forget = () => loads.delete(url);
    load.then(forget, forget);
  }
  return load;
}

function inject(url: string, { ready, timeoutMs, nonce }: ScriptLoadOptions): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    let poll: ReturnType<typeof setInterval> | undefined;
    const finish = (error?: AddressSearchError) => {
      clearTimeout(timer);
      clearInterval(poll);
      if (!error) return resolve();
      script.remove();
      reject(error);
    };
    const timer = setTimeout(
      () => finish(new AddressSearchError('ADDRESS_SEARCH_UNAVAILABLE', `${url} did not load within ${timeoutMs} ms`)),
      timeoutMs,
    );
    script.addEventListener('load', () => {
      if (ready()) return finish();
      // Some loaders define their global a moment after their own load event.
      poll = setInterval(() => ready() && finish(), 50);
    });
    script.addEventListener('error', () => finish(new AddressSearchError('ADDRESS_SEARCH_UNAVAILABLE', `${url} could not be loaded (blocked or offline)`)));
    script.async = true;
    if (nonce) script.nonce = nonce;
    try {
      (script as { src: unknown }).src = trustedScriptUrl(url);
    } catch (cause) {
      return finish(new AddressSearchError('ADDRESS_SEARCH_UNAVAILABLE', `${url} was refused by Trusted Types`, { cause }));
    }
    document.head.append(script);
  });
}

/** The URL as a TrustedScriptURL where Trusted Types exist, else as is. */
function trustedScriptUrl(url: string): unknown {
  allowedUrls.add(url);
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory) return url;
  if (policy === undefined) {
    try {
      policy = factory.createPolicy(trustedTypesPolicyName, {
        createScriptURL(input) {
          if (!allowedUrls.has(input)) throw new TypeError(`${input} is not an address search script`);
          return input;
        },
      });
    } catch {
      // The page's CSP does not allow the policy name: assigning the string may still pass if not enforced.
      policy = null;
    }
  }
  return policy ? policy.createScriptURL(url) : url;
}
