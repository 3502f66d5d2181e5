// The contract test kit: every area's scenarios in run order, and the runner shared by
// `scripts/contract.ts` and `test/node/contract-kit.test.ts`.
import { AssertionError } from 'node:assert/strict';
import { companyScenarios } from './companies.ts';
import type { Area, ContractContext, Scenario } from './kit.ts';
import { loginIdScenarios } from './login-id.ts';
import { profileScenarios } from './profile.ts';
import { coverageScenario, protocolScenarios } from './protocol.ts';
import { recoveryScenarios } from './recovery.ts';
import { sessionScenarios } from './session.ts';
import { signupScenarios } from './signup.ts';
import { siteScenarios } from './site.ts';
import { verificationScenarios } from './verification.ts';

export { createContext, type Area, type ContractContext, type Scenario } from './kit.ts';

/** Fresh scenarios (areas keep state between their own scenarios), in run order. */
export function contractAreas(): Area[] {
  return [
    { area: 'site', scenarios: siteScenarios() },
    { area: 'verification', scenarios: verificationScenarios() },
    { area: 'signup', scenarios: signupScenarios() },
    { area: 'login-id', scenarios: loginIdScenarios() },
    { area: 'session', scenarios: sessionScenarios() },
    { area: 'profile', scenarios: profileScenarios() },
    { area: 'recovery', scenarios: recoveryScenarios() },
    { area: 'companies', scenarios: companyScenarios() },
    { area: 'protocol', scenarios: protocolScenarios() },
  ];
}

export const areaNames: readonly string[] = contractAreas().map((a) => a.area);

/**
 * The scenarios to run: the chosen areas, or all of them followed by the coverage check (which only
 * makes sense after a full run).
 */
export function selectScenarios(only?: readonly string[]): Scenario[] {
  const areas = contractAreas();
  if (only && only.length > 0) {
    const unknown = only.filter((name) => !areas.some((a) => a.area === name));
    if (unknown.length > 0) throw new Error(`Unknown area ${unknown.join(', ')}: choose from ${areas.map((a) => a.area).join(', ')}`);
    return areas.filter((a) => only.includes(a.area)).flatMap((a) => a.scenarios);
  }
  return [...areas.flatMap((a) => a.scenarios), coverageScenario()];
}

/**
 * Runs one scenario; it fails on its own assertion or when any answer it received broke the contract
 * (the error body shape, codes the operation may answer, statuses, Retry-After).
 */
export async function runScenario(ctx: ContractContext, scenario: Scenario): Promise<void> {
  ctx.setScenario(scenario.name);
  const before = ctx.violations.length;
  let failure: unknown;
  try {
    await scenario.run(ctx);
  } catch (error) {
    failure = error;
  }
  const counts = new Map<string, number>();
  for (const { message } of ctx.violations.slice(before)) counts.set(message, (counts.get(message) ?? 0) + 1);
  const seen = [...counts].map(([message, n]) => (n > 1 ? `${message} (×${n})` : message));
  if (seen.length > 0) {
    const protocol = `answers outside the contract:\n  - ${seen.join('\n  - ')}`;
    const message = failure === undefined ? protocol : `${failure instanceof Error ? failure.message : String(failure)}\n${protocol}`;
    throw new AssertionError({ message });
  }
  if (failure !== undefined) throw failure;
}
