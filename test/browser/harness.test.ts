// The test harness itself (test/support/): waiting on conditions, filling by label, held answers and
// hand-moved timers — the tools every browser test, story and e2e journey relies on.
import { PasswordField } from '../../src/elements/shared/password-field.ts';
import { defineElement } from '../../src/elements/shared/define-element.ts';
import { captureTimeouts, manualTimers } from '../support/clock.ts';
import { byLabel, fillByLabel, labelOf } from '../support/dom.ts';
import { assert, cleanupFixtures, deferred, equal, fixture, waitFor } from './fixture.ts';

defineElement('mb-password-field', PasswordField);

function form(markup: string[]): HTMLFormElement {
  const element = document.createElement('form');
  for (const line of markup) element.append(document.createRange().createContextualFragment(line));
  return element;
}

describe('test harness', () => {
  afterEach(cleanupFixtures);

  it('waitFor returns the first truthy value, asked again when the DOM changes', async () => {
    const host = await fixture(document.createElement('div'));
    // A long interval: only the DOM change can wake the wait up in time.
    const found = waitFor(() => host.querySelector('p'), 'a paragraph', { timeout: 2000, interval: 60_000 });
    host.append(document.createElement('p'));
    equal(await found, host.querySelector('p'), 'the paragraph');
  });

  it('waitFor asks async checks on its interval, and fails with its message after the timeout', async () => {
    let asked = 0;
    equal(await waitFor(async () => (asked += 1) >= 3 && 'ready', 'three asks', { interval: 1 }), 'ready', 'value');
    const error = await waitFor(() => false, 'something that never comes', { timeout: 30, interval: 5 }).catch((e: Error) => e);
    assert(error instanceof Error && error.message.includes('something that never comes'), `the message says what it waited for: ${String(error)}`);
  });

  it('finds and fills controls by label: <label for>, a wrapping label, aria-label, aria-labelledby', async () => {
    const root = await fixture(form([
      '<label for="a">이름</label><input id="a">',
      '<label>이메일 <input name="email"></label>',
      '<input aria-label="휴대전화" name="mobile">',
      '<span id="t">통신사</span><select aria-labelledby="t"><option value="">-</option><option value="SKT">SKT</option></select>',
      '<button type="button">다음</button>',
    ]));
    fillByLabel(root, '이름', '홍길동');
    fillByLabel(root, '이메일', 'hong@example.com');
    fillByLabel(root, /휴대/, '01012345678');
    let changed = 0;
    root.querySelector('select')!.addEventListener('change', () => (changed += 1));
    fillByLabel(root, '통신사', 'SKT');
    equal(root.querySelector<HTMLInputElement>('#a')!.value, '홍길동', 'label for');
    equal(root.querySelector<HTMLInputElement>('[name="email"]')!.value, 'hong@example.com', 'wrapping label');
    equal(root.querySelector<HTMLInputElement>('[name="mobile"]')!.value, '01012345678', 'aria-label, by RegExp');
    equal(root.querySelector('select')!.value, 'SKT', 'aria-labelledby select');
    equal(changed, 1, 'the select sent its change');
    equal(labelOf(byLabel(root, '다음')), '다음', 'a button by its text');
    const error = (() => { try { byLabel(root, '주소'); } catch (e) { return e as Error; } return undefined; })();
    assert(error?.message.includes('이름 | 이메일'), `a missing label lists the labels seen: ${error?.message}`);
  });

  it('fills an element\'s inputs by their rendered labels (mb-password-field)', async () => {
    const field = document.createElement('mb-password-field') as PasswordField;
    field.confirmation = true;
    await fixture(field);
    fillByLabel(field, /^(비밀번호|Password)$/, 'Seoul#Busan9');
    fillByLabel(field, /^(비밀번호 확인|Confirm password)$/, 'Seoul#Busan9');
    equal(field.value, 'Seoul#Busan9', 'value');
    equal(field.confirmationValue, 'Seoul#Busan9', 'confirmation');
  });

  it('deferred: a held answer comes when the test releases it', async () => {
    const answer = deferred<string>();
    let got: string | undefined;
    void answer.promise.then((value) => (got = value));
    await Promise.resolve();
    equal(got, undefined, 'held');
    answer.resolve('now');
    equal(await answer.promise, 'now', 'released');
  });

  it('manualTimers run what is due, in order, only when moved on', () => {
    const timers = manualTimers();
    const ran: string[] = [];
    timers.set(() => ran.push('b'), 20);
    const cleared = timers.set(() => ran.push('x'), 5);
    timers.set(() => ran.push('a'), 10);
    timers.clear(cleared);
    equal(timers.pending, 2, 'two pending');
    timers.advance(15);
    equal(ran.join(), 'a', 'only what was due');
    timers.advance(5);
    equal(ran.join(), 'a,b', 'then the next');
    equal(timers.pending, 0, 'none left');
  });

  it('captureTimeouts holds the page\'s matching timeouts for the test to move on, and only those', async () => {
    const realSet = setTimeout;
    const held = captureTimeouts((ms) => ms >= 1000);
    const ran: string[] = [];
    try {
      const cleared = setTimeout(() => ran.push('cleared'), 5000);
      setTimeout(() => ran.push('held'), 1000);
      const real = deferred();
      setTimeout(() => real.resolve(), 1);
      await real.promise; // a short timeout still runs on the real clock
      clearTimeout(cleared);
      equal(held.pending, 1, 'the long one held, the cleared one gone');
      held.advance(999);
      equal(ran.join(), '', 'not yet');
      held.advance(1);
      equal(ran.join(), 'held', 'run when the time was moved on');
    } finally {
      held.restore();
    }
    equal(setTimeout, realSet, 'restored');
  });
});
