// The focus ring of headings (step headings take focus on each step change) survives forced-colors
// mode: an outline, which that mode draws in a system colour, not a box-shadow, which it drops.
import { html } from 'lit';
import { assert, cleanupFixtures, equal, fixture } from '../../../test/browser/fixture.ts';
import { defineElement } from './define-element.ts';
import { MembershipElement } from './membership-element.ts';

class HeadingProbe extends MembershipElement {
  protected override render() {
    return html`<h2 tabindex="-1" data-part="step-heading">단계</h2>`;
  }
}
defineElement('mb-heading-probe', HeadingProbe);

/** The rules of the document's adopted sheets (where the elements' styles go), inside layers and media rules too. */
function rules(): CSSRule[] {
  const all: CSSRule[] = [];
  const walk = (list: CSSRuleList) => {
    for (const rule of list) {
      all.push(rule);
      if (rule instanceof CSSGroupingRule) walk(rule.cssRules);
    }
  };
  for (const sheet of document.adoptedStyleSheets) walk(sheet.cssRules);
  return all;
}

describe('base styles: heading focus', () => {
  afterEach(cleanupFixtures);

  it('a focused heading has an outline (transparent until focus-visible), never only a box-shadow', async () => {
    const probe = await fixture(document.createElement('mb-heading-probe') as HeadingProbe);
    const heading = probe.querySelector('h2')!;
    heading.focus();
    equal(document.activeElement, heading, 'focused');
    const style = getComputedStyle(heading);
    equal(style.outlineStyle, 'solid', 'an outline is drawn');
    equal(style.outlineWidth, '2px', 'of 2px');
    equal(style.boxShadow, 'none', 'no box-shadow ring (forced colors would drop it)');
    if (heading.matches(':focus-visible')) assert(style.outlineColor !== 'rgba(0, 0, 0, 0)', 'visible when focus-visible');
  });

  it('in forced-colors mode the heading ring takes the system Highlight colour', () => {
    const forced = rules().filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && /forced-colors:\s*active/.test(rule.conditionText));
    const ring = forced.flatMap((media) => [...media.cssRules]).find((rule) => rule instanceof CSSStyleRule && /h2, h3\)?:focus-visible/.test(rule.selectorText));
    assert(ring instanceof CSSStyleRule, 'a forced-colors rule for heading focus');
    equal(ring.style.outlineColor.toLowerCase(), 'highlight', 'outline in Highlight');
    // The outline itself comes from the :focus rule outside the media query (checked above).
    const base = rules().find((rule) => rule instanceof CSSStyleRule && /h2, h3\)?:focus$/.test(rule.selectorText)) as CSSStyleRule | undefined;
    equal(base?.style.outlineStyle, 'solid', 'the base rule draws an outline');
  });
});
