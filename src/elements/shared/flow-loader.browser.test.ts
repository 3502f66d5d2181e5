import { LitElement } from 'lit';
import { assert, cleanupFixtures, deferred, equal, fixture, waitFor } from '../../../test/browser/fixture.ts';
import type { Deferred } from '../../../test/support/wait.ts';
import { FlowLoader, type HostedFlow } from './flow-loader.ts';

/** A flow that records what its host did to it. */
class RecordingFlow implements HostedFlow {
  readonly calls: string[] = [];
  readonly listeners = new Set<() => void>();
  constructor(readonly from: string) {}
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  pause(): void {
    this.calls.push('pause');
  }
  resume(): void {
    this.calls.push('resume');
  }
}

interface FlowModule {
  name: string;
}

/** A host whose flow code is the test's to resolve or fail, one attempt at a time. */
class FlowHost extends LitElement {
  static attempts: Deferred<FlowModule>[] = [];
  renders = 0;
  readonly loader = new FlowLoader<FlowModule, RecordingFlow>(this, {
    code: () => {
      const attempt = deferred<FlowModule>();
      FlowHost.attempts.push(attempt);
      return attempt.promise;
    },
    start: (module) => new RecordingFlow(module.name),
  });
  protected override createRenderRoot(): HTMLElement {
    return this;
  }
  protected override render(): unknown {
    this.renders += 1;
    return null;
  }
}
customElements.define('flow-loader-host', FlowHost);

const host = () => fixture(document.createElement('flow-loader-host') as FlowHost);

describe('FlowLoader', () => {
  beforeEach(() => {
    FlowHost.attempts = [];
  });
  afterEach(cleanupFixtures);

  it('asks for the code only after the first render, then gives the flow to the host and re-renders it on every change', async () => {
    const element = await host();
    equal(element.loader.flow, undefined, 'no flow at the first render');
    equal(FlowHost.attempts.length, 0, 'nor a request for its code on the way to it');
    await waitFor(() => FlowHost.attempts.length === 1, 'the code is requested after the first render');
    FlowHost.attempts[0]!.resolve({ name: 'signup' });
    const flow = await element.loader.ready;
    equal(flow.from, 'signup', 'ready resolves with the flow built from the module');
    equal(element.loader.flow, flow, 'the host reads it');
    await element.updateComplete;
    const renders = element.renders;
    for (const listener of flow.listeners) listener();
    await element.updateComplete;
    equal(element.renders, renders + 1, 'a change of the flow renders the host');
  });

  it('pauses the flow while the host is out of the page and resumes it when it is back', async () => {
    const element = await host();
    await waitFor(() => FlowHost.attempts.length === 1, 'requested');
    FlowHost.attempts[0]!.resolve({ name: 'signup' });
    const flow = await element.loader.ready;
    const parent = element.parentElement!;
    element.remove();
    equal(flow.listeners.size, 0, 'no listener while away');
    parent.append(element);
    equal(flow.calls.join(','), 'pause,resume', 'paused, then resumed');
    equal(flow.listeners.size, 1, 'one listener again');
  });

  it('keeps the flow of a host removed before its code arrived paused, and never subscribed', async () => {
    const element = await host();
    await waitFor(() => FlowHost.attempts.length === 1, 'requested');
    element.remove();
    FlowHost.attempts[0]!.resolve({ name: 'signup' });
    const flow = await element.loader.ready;
    equal(flow.calls.join(','), 'pause', 'paused as soon as it is built');
    equal(flow.listeners.size, 0, 'nothing listens');
  });

  it('reports a failed load, and a retry builds the flow once the code arrives', async () => {
    const element = await host();
    await waitFor(() => FlowHost.attempts.length === 1, 'requested');
    FlowHost.attempts[0]!.reject(new TypeError('Failed to fetch dynamically imported module'));
    await waitFor(() => element.loader.failed !== undefined, 'the failure is known');
    assert(element.loader.failed!.error instanceof TypeError, 'with its error');
    const retried = element.loader.retry();
    equal(FlowHost.attempts.length, 2, 'the retry asks for the code again');
    FlowHost.attempts[1]!.resolve({ name: 'signup' });
    await retried;
    equal(element.loader.failed, undefined, 'no failure any more');
    equal(element.loader.flow?.from, 'signup', 'the flow is there');
  });

  it('asks the page to reload when the retry fails again while online (Firefox and WebKit keep a failed import failed)', async () => {
    const element = await host();
    await waitFor(() => FlowHost.attempts.length === 1, 'requested');
    FlowHost.attempts[0]!.reject(new TypeError('offline'));
    await waitFor(() => element.loader.failed !== undefined, 'failed');
    let asked = 0;
    const cancel = (event: Event) => {
      asked += 1;
      event.preventDefault();
    };
    addEventListener('membership-elements-reload', cancel);
    try {
      const retried = element.loader.retry();
      FlowHost.attempts[1]!.reject(new TypeError('still failing'));
      await retried;
    } finally {
      removeEventListener('membership-elements-reload', cancel);
    }
    equal(asked, navigator.onLine ? 1 : 0, 'the cancelable reload event, when online');
    assert(element.loader.failed, 'still failed');
  });
});
