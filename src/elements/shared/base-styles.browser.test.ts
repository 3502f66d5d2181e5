// The focus ring of every control and of headings (step headings take focus on each step change): a
// solid outline, which forced-colors mode draws in a system colour, with the --mb-focus-ring halo (a
// box-shadow, which that mode drops) around it.
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { assert, cleanupFixtures, equal, fixture } from '../../../test/browser/fixture.ts';
import { defineElement } from './define-element.ts';
import { MembershipElement } from './membership-element.ts';

class FocusProbe extends MembershipElement {
  protected override render() {
    return html`<h2 tabindex="-1" data-part="step-heading">단계</h2>
      <input data-part="text" aria-label="이름" />
      <button type="button" data-part="button">다음</button>`;
  }
}
defineElement('mb-focus-probe', FocusProbe);

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

// A halo no default has, so the test sees the token itself drawn.
const themed = new CSSStyleSheet();
themed.replaceSync('.themed-ring { --mb-focus-ring: 0 0 0 7px rgb(255, 0, 0); --mb-color-focus: rgb(0, 128, 0); }');

async function probe(): Promise<FocusProbe> {
  const element = document.createElement('mb-focus-probe') as FocusProbe;
  element.className = 'themed-ring';
  return fixture(element);
}

function expectRing(control: HTMLElement, what: string): void {
  const style = getComputedStyle(control);
  equal(style.outlineStyle, 'solid', `${what}: an outline is drawn (forced colors keep it)`);
  equal(style.outlineWidth, '2px', `${what}: of 2px`);
  equal(style.outlineColor, 'rgb(0, 128, 0)', `${what}: in --mb-color-focus`);
  equal(style.boxShadow, 'rgb(255, 0, 0) 0px 0px 0px 7px', `${what}: the --mb-focus-ring halo around it`);
}

describe('base styles: focus ring', () => {
  before(() => {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, themed];
  });
  after(() => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== themed);
  });
  afterEach(cleanupFixtures);

  it('controls reached by Tab show an outline in --mb-color-focus with the --mb-focus-ring halo', async () => {
    const element = await probe();
    const input = element.querySelector('input')!;
    const button = element.querySelector('button')!;
    input.focus();
    expectRing(input, 'text input');
    await sendKeys({ press: 'Tab' });
    equal(document.activeElement, button, 'Tab reached the button');
    assert(button.matches(':focus-visible'), 'keyboard focus is focus-visible');
    expectRing(button, 'button');
  });

  it('a heading focused by script after keyboard use (a step change) shows the same ring', async () => {
    const element = await probe();
    const heading = element.querySelector('h2')!;
    element.querySelector('input')!.focus();
    // Focus moved by script after keyboard use, as on a step change.
    heading.focus();
    equal(document.activeElement, heading, 'focused');
    assert(heading.matches(':focus-visible'), 'focus-visible after keyboard use');
    expectRing(heading, 'heading');
  });

  it('in forced-colors mode every focus ring takes the system Highlight colour', () => {
    const forced = rules().filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && /forced-colors:\s*active/.test(rule.conditionText));
    const ring = forced.flatMap((media) => [...media.cssRules]).find((rule): rule is CSSStyleRule => rule instanceof CSSStyleRule && /:focus-visible/.test(rule.selectorText));
    assert(ring, 'a forced-colors rule for focus');
    for (const name of ['h2', 'input', 'select', 'textarea', 'button', 'a', '[tabindex]']) assert(ring.selectorText.includes(name), `it covers ${name}`);
    equal(ring.style.outlineColor.toLowerCase(), 'highlight', 'outline in Highlight');
    // The outline itself comes from the rules outside the media query (checked above).
    const base = rules().find((rule) => rule instanceof CSSStyleRule && /h2, h3\)?:focus$/.test(rule.selectorText)) as CSSStyleRule | undefined;
    equal(base?.style.outlineStyle, 'solid', 'the heading rule draws an outline even before focus-visible');
  });
});
