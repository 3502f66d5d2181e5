// <identity-verify> on a test page: the element defined, the reference server in the page (MSW) with a
// clock the test can move, and the element mounted for the trade site once its method has loaded.
// Shared by the element's browser tests; acting on its forms is test/support/sandbox.ts.
import { defineElement } from '../../src/elements/shared/define-element.ts';
import { IdentityVerify } from '../../src/elements/identity-verify/identity-verify.ts';
import { fixture } from '../browser/fixture.ts';
import { startMockApi } from './api.ts';
import { waitFor } from './wait.ts';

defineElement('identity-verify', IdentityVerify);

/** Steps before the element shows its first screen of a method. */
const loadingSteps = ['idle', 'loading', 'part-loading', undefined];

export interface VerifierPage {
  /** The reference server (its store, its apiBase) and the MSW worker (add handlers with `use`). */
  api: Awaited<ReturnType<typeof startMockApi>>;
  /**
   * How far the server's clock (code expiry, resend cooldown) and the element's clock (countdowns)
   * run ahead of the real one, in ms; set both to jump in time. `reset()` puts them back.
   */
  offsets: { server: number; client: number };
  /** Mounts `<identity-verify api-base site="trade" …attributes>` and waits until its method or method choice shows. */
  mount(attributes?: Record<string, string>, lang?: string): Promise<IdentityVerify>;
  /** Mounts with the mobile method only and waits for its form with the security-text image. */
  mobileForm(lang?: string): Promise<IdentityVerify>;
  /** For afterEach: the worker's extra handlers removed, the clocks back to real time. */
  reset(): void;
}

/** Starts the reference server for this test file (once, at the top: `const page = await verifierPage();`). */
export async function verifierPage(): Promise<VerifierPage> {
  const offsets = { server: 0, client: 0 };
  const api = await startMockApi({ now: () => Date.now() + offsets.server });

  async function mount(attributes: Record<string, string> = {}, lang = 'ko'): Promise<IdentityVerify> {
    const element = document.createElement('identity-verify') as IdentityVerify;
    element.setAttribute('api-base', api.mock.apiBase);
    element.setAttribute('site', 'trade');
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    element.clock = () => Date.now() + offsets.client;
    await fixture(element, { lang });
    await waitFor(() => !loadingSteps.includes(element.dataset.step), 'the site config and the method loaded');
    return element;
  }

  async function mobileForm(lang = 'ko'): Promise<IdentityVerify> {
    const element = await mount({ methods: 'mobile' }, lang);
    await waitFor(() => element.querySelector('img[data-part="captcha-image"]'), 'the mobile form with its captcha');
    return element;
  }

  return {
    api,
    offsets,
    mount,
    mobileForm,
    reset() {
      api.worker.resetHandlers();
      offsets.server = 0;
      offsets.client = 0;
    },
  };
}
