// An older browser: with a platform feature removed before the elements are defined, each public
// element shows a short message with the site's contacts instead of a form (src/support/).
import { assert, cleanupFixtures, equal, fixture } from './fixture.ts';
import { expectAccessible } from './axe.ts';

const adopted = Object.getOwnPropertyDescriptor(Document.prototype, 'adoptedStyleSheets');
assert(adopted, 'this browser has adoptedStyleSheets to remove');
// What a browser before Safari 16.4 / Firefox 101 looks like: no adopted stylesheets at all.
delete (Document.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
await import('../../src/define.ts');
const { defineElement } = await import('../../src/elements/shared/define-element.ts');
const { SignupWizard } = await import('../../src/elements/signup-wizard/signup-wizard.ts');
Object.defineProperty(Document.prototype, 'adoptedStyleSheets', adopted);

const message = (element: Element) => element.querySelector('[data-part="unsupported"]');

describe('an older browser', () => {
  afterEach(cleanupFixtures);

  it('gets a message with the contacts instead of the signup form', async () => {
    const wizard = document.createElement('signup-wizard');
    wizard.setAttribute('support-contact', '고객센터 02-2100-3000');
    await fixture(wizard);
    const box = message(wizard);
    assert(box, 'the wizard shows the unsupported-browser message');
    assert(box.textContent!.includes('최신 버전으로 접속해 주세요'), `Korean message: ${box.textContent}`);
    assert(box.textContent!.includes('고객센터 02-2100-3000'), 'the contacts are shown');
    equal(wizard.querySelectorAll('input, button, form').length, 0, 'form controls rendered');
    await expectAccessible(wizard);
  });

  it('takes the contacts from the provider, once, in the page language', async () => {
    const provider = document.createElement('membership-provider');
    provider.setAttribute('support-contact', 'help@agency.example, +82 2-2100-3000');
    const verify = document.createElement('identity-verify');
    provider.append(verify);
    await fixture(provider, { lang: 'en' });
    const box = message(verify);
    assert(box, 'identity-verify shows the message');
    assert(box.textContent!.includes('current version of Chrome'), `English message: ${box.textContent}`);
    assert(box.textContent!.includes('help@agency.example'), 'the provider’s contacts are shown');
    equal(provider.querySelectorAll('[data-part="unsupported"]').length, 1, 'messages inside the provider');
  });

  it('is decided per missing feature when an element is defined', () => {
    defineElement('test-wizard-modern', SignupWizard);
    assert(customElements.get('test-wizard-modern') === SignupWizard, 'with every feature present the real element is defined');
    const any = AbortSignal.any;
    try {
      delete (AbortSignal as { any?: unknown }).any;
      defineElement('test-wizard-no-abort-any', SignupWizard);
    } finally {
      AbortSignal.any = any;
    }
    const fallback = customElements.get('test-wizard-no-abort-any') as unknown as { missingFeatures: string[] };
    equal(fallback.missingFeatures.join(), 'AbortSignal.any', 'the missing feature named');
  });
});
