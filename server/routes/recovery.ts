import type { Hono } from 'hono';
import { operations } from '../../src/api/index.ts';
import { normalizeDigits } from '../../src/rules/digits.ts';
import { fieldErrors } from '../../src/rules/form-fields.ts';
import { passwordResetFormSchema } from '../../src/rules/forms.ts';
import { loginIdKey, maskLoginId } from '../../src/rules/login-id.ts';
import { normalizePhoneNumber } from '../../src/rules/phone.ts';
import { fail, invalid, iso, type ServerDeps } from '../context.ts';
import { randomId } from '../crypto.ts';
import { mount } from '../http.ts';
import { consumeVerificationToken } from '../verification-tokens.ts';

const resetTtlMs = 15 * 60 * 1000;

export function recoveryRoutes(app: Hono, deps: ServerDeps): void {
  mount(app, deps, operations.findLoginIds, async ({ body, site, siteId }) => {
    const token = await consumeVerificationToken(deps, body.verificationToken, 'find-id', siteId);
    const members = await deps.store.findMembersByDi(token.person.di);
    return {
      accounts: members.map((member) => ({
        maskedLoginId: site.config.policy.maskLoginIds ? maskLoginId(member.loginId) : member.loginId,
        memberType: member.memberType,
        joinedAt: iso(member.joinedAt),
      })),
    };
  });

  // The same answer whether or not the ID exists or the mobile matches: the check happens only
  // after the person proved who they are.
  mount(app, deps, operations.startPasswordReset, async ({ body, siteId }) => {
    const now = deps.now();
    const reset = {
      resetId: randomId('rst'),
      siteId,
      loginKey: loginIdKey(body.loginId),
      mobile: normalizePhoneNumber(body.mobile),
      createdAt: now,
      expiresAt: now + resetTtlMs,
      usedAt: null,
    };
    await deps.store.putPasswordReset(reset);
    return { resetId: reset.resetId, expiresAt: iso(reset.expiresAt) };
  });

  mount(app, deps, operations.completePasswordReset, async ({ params, body, site, siteId }) => {
    const reset = await deps.store.getPasswordReset(params.resetId);
    if (!reset || reset.siteId !== siteId || reset.usedAt !== null || reset.expiresAt <= deps.now()) {
      fail('RESET_EXPIRED', { message: 'This password reset expired or was used: start again.' });
    }
    const member = await deps.store.findMemberByLoginKey(reset.loginKey);
    // Check the new password before using up the verification, so a weak one costs no new SMS.
    const checked = passwordResetFormSchema(site.config.policy).safeParse({
      loginId: member?.loginId ?? reset.loginKey,
      newPassword: body.newPassword,
      newPasswordConfirmation: body.newPassword,
    });
    const fields = fieldErrors(checked).filter((error) => error.field !== 'loginId');
    if (fields.length > 0) invalid(fields);

    const token = await consumeVerificationToken(deps, body.verificationToken, 'reset-password', siteId);
    const verification = await deps.store.getVerification(token.verificationId);
    if (verification?.resetId !== reset.resetId) fail('VERIFICATION_INVALID', { message: 'This verification belongs to another reset.' });
    const verifiedMobile = token.person.mobile === null ? null : normalizeDigits(token.person.mobile);
    if (!member || member.di !== token.person.di || verifiedMobile !== reset.mobile) {
      fail('RESET_NOT_MATCHED', { message: 'No account matches this ID, mobile number and verified person.' });
    }
    if (!(await deps.store.markPasswordResetUsed(reset.resetId, deps.now()))) fail('RESET_EXPIRED', { message: 'This password reset was already used.' });
    await deps.store.updateMember(member.memberId, { passwordHash: await deps.hasher.hash(body.newPassword) });
  });
}
