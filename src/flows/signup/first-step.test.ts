// The wizard's first step before the flow's code arrives (first-step.ts): the same answers and rule as
// the flow's type step, and what the flow takes over (SignupFlow.takeFirstStep; through the element:
// flow-code.browser.test.ts, flow-code-next.browser.test.ts, flow-code-one-kind.browser.test.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MemberType } from '../../api/schemas.ts';
import { mayHaveDraft } from './draft-key.ts';
import { FirstStep } from './first-step.ts';
import { SignupFlow } from './signup-flow.ts';

function first(options: { memberTypes?: string; siteTypes?: MemberType[] } = {}) {
  let changes = 0;
  const step = new FirstStep({ memberTypes: () => options.memberTypes, siteTypes: () => options.siteTypes, onChange: () => (changes += 1) });
  return { step, changes: () => changes };
}

test('offers the standard member types until the site says otherwise, narrowed by member-types', () => {
  assert.deepEqual(first().step.view.offered, { kinds: ['individual', 'corporate'], nationalities: ['domestic', 'foreign'] });
  assert.deepEqual(first({ memberTypes: 'individual,foreign' }).step.view.offered, { kinds: ['individual'], nationalities: ['domestic', 'foreign'] });
  assert.deepEqual(first({ siteTypes: ['individual', 'foreign'] }).step.view.offeredTypes, ['individual', 'foreign']);
});

test('다음 with a question unanswered: the errors show and focus goes to them; nothing is handed on', () => {
  const { step, changes } = first();
  step.next();
  assert.equal(step.tried, true);
  assert.equal(step.pressedNext, false);
  assert.equal(step.view.type.errorFor('kind'), 'CHOICE_REQUIRED');
  assert.deepEqual(step.view.focus, { target: 'invalid', seq: 1 });
  assert.ok(changes() > 0, 'the element is told to draw it');
});

test('다음 with the answers: it waits for the flow and says so; the steps follow the kind chosen', () => {
  const { step } = first();
  assert.deepEqual(step.view.steps, ['type', 'consent', 'identity', 'details', 'review', 'done']);
  step.form.set('kind', 'corporate');
  step.form.set('nationality', 'domestic');
  step.next();
  assert.equal(step.pressedNext, true);
  assert.deepEqual(step.view.announcement, { key: 'signup.loading' });
  assert.ok(step.view.steps.includes('company'), 'a corporate member has the company step');
  assert.equal(step.view.started, false);
});

test('a draft may wait when either storage holds one for this site and wizard', () => {
  const session = new Map<string, string>();
  const local = new Map<string, string>();
  const storage = (map: Map<string, string>) => ({ getItem: (key: string) => map.get(key) ?? null });
  Object.assign(globalThis, { sessionStorage: storage(session), localStorage: storage(local) });
  try {
    assert.equal(mayHaveDraft('trade', undefined), false);
    session.set('membership-elements:signup:trade:default', '{}');
    assert.equal(mayHaveDraft('trade', undefined), true);
    assert.equal(mayHaveDraft('trade', 'second'), false, 'another wizard on the page');
    local.set('membership-elements:signup-later:trade:second', '{}');
    assert.equal(mayHaveDraft('trade', 'second'), true, 'kept for later');
  } finally {
    Reflect.deleteProperty(globalThis, 'sessionStorage');
    Reflect.deleteProperty(globalThis, 'localStorage');
  }
});

test('the flow takes the answers over: their errors once 다음 was pressed, and a 다음 with answers goes on once it starts', () => {
  const tried = new SignupFlow();
  tried.takeFirstStep({ values: { kind: 'individual', nationality: '' }, tried: true, pressedNext: false });
  assert.equal(tried.view.type.values.kind, 'individual');
  assert.equal(tried.view.type.errorFor('nationality'), 'CHOICE_REQUIRED', 'the error shown before still shows');

  const pressed = new SignupFlow();
  pressed.takeFirstStep({ values: { kind: 'corporate', nationality: 'domestic' }, tried: true, pressedNext: true });
  assert.equal(pressed.nextWhenStarted, true, 'goes on once the settings are in');
  assert.deepEqual(pressed.view.announcement, { key: 'signup.loading' });

  const fresh = new SignupFlow();
  fresh.takeFirstStep({ values: { kind: '', nationality: '' }, tried: false, pressedNext: false });
  assert.equal(fresh.view.type.errorFor('kind'), undefined, 'nothing pressed: no error yet');
});

test('handed over, the first step still shown until the element redraws passes its answers and its 다음 on to the flow', async () => {
  const { step } = first();
  step.form.set('kind', 'individual');
  const flow = new SignupFlow();
  step.handOver(flow);
  assert.equal(flow.view.type.values.kind, 'individual', 'the answers given before go over');
  // The page still shows the first step (its words may still be loading): the user answers and presses 다음 there.
  step.form.set('nationality', 'domestic');
  assert.equal(flow.view.type.values.nationality, 'domestic', 'an answer given after goes over too');
  step.next();
  assert.equal(flow.nextWhenStarted, true, 'the 다음 goes on in the flow once the settings are in');
  assert.equal(step.pressedNext, false, 'not kept back in the first step');
});

test('a 다음 taken over is judged by the member-types the flow is then configured with, not by the standard types', () => {
  // member-types="individual,foreign": one kind, so only the nationality is asked.
  const { step } = first({ memberTypes: 'individual,foreign' });
  step.form.set('nationality', 'domestic');
  step.next();
  assert.equal(step.pressedNext, true, 'valid on the first step');
  const flow = new SignupFlow();
  step.handOver(flow);
  flow.configure({ client: undefined, siteConfig: undefined, policy: undefined, memberTypes: 'individual,foreign' });
  assert.equal(flow.nextWhenStarted, true, 'goes on once the settings are in');
  assert.equal(flow.view.type.errorFor('kind'), undefined, 'no question about the kind, so no error for it');
  // And a 다음 forwarded after the hand-over is judged the same way.
  const later = new SignupFlow();
  const second = first({ memberTypes: 'individual,foreign' }).step;
  second.handOver(later);
  later.configure({ client: undefined, siteConfig: undefined, policy: undefined, memberTypes: 'individual,foreign' });
  second.form.set('nationality', 'foreign');
  second.next();
  assert.equal(later.nextWhenStarted, true, 'the forwarded 다음 waits for the settings, not refused');
});
