// The rules of the later steps load on demand (checks-loader.ts). This file runs in its own process, so
// they are not loaded yet when the flow below resumes a draft at the details step.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MembershipPolicy } from '../../rules/policy.ts';
import { testServer } from '../../../server/testing.ts';
import { signupChecks } from './checks-loader.ts';
import { draftStorageKey, saveDraft, type DraftStorage } from './draft.ts';
import { SignupFlow } from './signup-flow.ts';
import { emptyCompanyPart, emptyDetails, storedDetails } from './values.ts';

test('a draft resumed past the consent step is judged with the rules once they arrive, not passed unjudged', async () => {
  const h = testServer({ config: { rateLimitScale: 100 } });
  const client = h.client('trade');
  const siteConfig = await client.call('getSiteConfig', {});
  const data = new Map<string, string>();
  const storage: DraftStorage = { getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value), removeItem: (key) => void data.delete(key) };
  // The details step with nothing typed: its "다음" must stop at the errors.
  saveDraft(storage, draftStorageKey('trade', 'test'), {
    step: 'details', kind: 'individual', nationality: 'domestic', consents: [], person: { name: '홍길동', nationality: 'domestic' },
    details: storedDetails(emptyDetails()), loginIdAvailable: undefined, company: emptyCompanyPart(), returnToReview: false,
  });
  const flow = new SignupFlow({ storage });
  flow.configure({ client, siteConfig, policy: siteConfig.policy as MembershipPolicy, draftKey: 'test' });
  assert.equal(flow.view.step, 'details');
  assert.equal(signupChecks(), undefined, 'the rules are still on their way');
  await flow.next();
  assert.notEqual(signupChecks(), undefined);
  assert.equal(flow.view.step, 'details');
  assert.ok(flow.view.details.problems.some((problem) => problem.field === 'loginId'), 'the empty login ID is reported');
});
