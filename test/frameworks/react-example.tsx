// A React 19 + TypeScript host, as in README "React": compiled by test/node/frameworks.test.ts.
import type {} from 'membership-elements/react';
import type { SignupCompleteEvent } from 'membership-elements';

export function SignupPage({ onDone }: { onDone: (loginId: string) => void }) {
  return (
    <membership-provider api-base="/api/v1/" site="trade" lang="ko">
      <signup-wizard
        member-types="individual,corporate"
        verify-mode="auto"
        completion-url="/member/welcome"
        onsignup-complete={(event: SignupCompleteEvent) => onDone(event.detail.loginId)}
        onsignup-error={(event) => console.warn(event.detail.code, event.detail.retryable)}
      />
      <identity-verify purpose="reverify" heading-level={3} onidentity-verified={(event) => console.log(event.detail.expiresAt)} />
    </membership-provider>
  );
}

// @ts-expect-error verify-mode is popup, redirect or auto
export const wrongMode = <signup-wizard verify-mode="window" />;
// @ts-expect-error the completion detail has no password
export const noPassword = <signup-wizard onsignup-complete={(event) => event.detail.password} />;
