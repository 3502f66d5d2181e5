import type { ServerDeps } from '../context.ts';
import { randomId } from '../crypto.ts';
import type { IdentityProvider } from '../identity.ts';
import { findSandboxPerson, toVerifiedPerson } from './people.ts';
import { sandboxRoutes } from './routes.ts';

/**
 * The SANDBOX identity provider: made-up carrier records, codes "sent" to an inbox page anyone can read,
 * and an i-PIN-like page on this server. For the demo and tests only: it verifies nobody.
 */
export function sandboxIdentityProvider(deps: Pick<ServerDeps, 'store' | 'now' | 'config'>): IdentityProvider {
  return {
    name: 'sandbox',
    async checkMobileClaim(claim) {
      const person = findSandboxPerson(claim);
      if (!person) return { ok: false, code: 'IDENTITY_MISMATCH', message: "The details do not match the carrier's records for this number." };
      if (person.corporatePhone) {
        return { ok: false, code: 'PROVIDER_REFUSED', message: 'This number is registered to a company: corporate phones cannot be used for personal verification.' };
      }
      return { ok: true, person: toVerifiedPerson(person) };
    },
    async sendCode(mobile, code) {
      await deps.store.addSandboxMessage({
        messageId: randomId('sms'),
        mobile,
        text: `[샌드박스 본인인증] 인증번호 [${code}]을 입력해 주세요. (SANDBOX test code, not a real verification)`,
        sentAt: deps.now(),
      });
    },
    pageMethods() {
      return [{
        id: 'ipin',
        label: { ko: '아이핀(I-PIN) 인증 (샌드박스)', en: 'i-PIN (sandbox)' },
        origin: new URL(deps.config.origin).origin,
        pageUrl: new URL('/sandbox/ipin', deps.config.origin).href,
        modes: ['popup', 'redirect'],
      }];
    },
    mount: sandboxRoutes,
  };
}
