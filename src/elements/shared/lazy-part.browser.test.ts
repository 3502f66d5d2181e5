import { equal, idlePeriods } from '../../../test/browser/fixture.ts';
import { LitElement } from 'lit';
import { LazyPart } from './lazy-part.ts';

class LazyHost extends LitElement {
  imports = 0;
  lazy = new LazyPart(this, () => {
    this.imports += 1;
    return Promise.resolve('part');
  });
}
customElements.define('lazy-part-host', LazyHost);


describe('LazyPart', () => {
  it('prefetches its part when the browser is idle', async () => {
    const host = document.body.appendChild(new LazyHost());
    host.lazy.prefetch();
    equal(host.imports, 0, 'nothing imported yet');
    // An idle moment too short for an import is passed over (whenIdle): the part may come a moment later.
    await idlePeriods();
    equal(host.imports, 1, 'imported in an idle period');
    equal(await host.lazy.load(), 'part', 'the part');
    equal(host.imports, 1, 'imported once');
    host.remove();
  });

  it('does not prefetch for an element removed before the browser was idle, and still loads when used', async () => {
    const host = document.body.appendChild(new LazyHost());
    host.lazy.prefetch();
    host.remove();
    await idlePeriods();
    equal(host.imports, 0, 'no import for a removed element');
    equal(host.lazy.state.status, 'idle', 'still idle');
    document.body.append(host);
    equal(await host.lazy.load(), 'part', 'loaded when used');
    equal(host.imports, 1, 'imported once');
    host.remove();
  });
});
