import type { Hono } from 'hono';
import { nameMismatchGuidance, operations, type ProfileChanges } from '../../src/api/index.ts';
import { fieldErrors } from '../../src/rules/form-fields.ts';
import { profileEditSchema } from '../../src/rules/forms.ts';
import type { SiteSettings } from '../config.ts';
import { fail, invalid, iso, type ServerDeps } from '../context.ts';
import { mount } from '../http.ts';
import { blankToNull, memberProfile, phoneOrNull } from '../members.ts';
import type { MemberRecord } from '../store/types.ts';
import { consumeVerificationToken } from '../verification-tokens.ts';

const sameName = (a: string, b: string) => a.normalize('NFC').replace(/\s+/g, '') === b.normalize('NFC').replace(/\s+/g, '');

export function profileRoutes(app: Hono, deps: ServerDeps): void {
  mount(app, deps, operations.reverify, async ({ body, session, siteId }) => {
    const { record, member } = session!;
    const token = await consumeVerificationToken(deps, body.verificationToken, 'reverify', siteId);
    const verification = await deps.store.getVerification(token.verificationId);
    if (verification?.sessionHash !== record.sessionHash) fail('VERIFICATION_INVALID', { message: 'This verification was started in another session.' });
    if (!sameName(token.person.name, member.name)) {
      fail('NAME_MISMATCH', { message: 'The verified name differs from the name on the account.', guidance: [...nameMismatchGuidance] });
    }
    if (token.person.di !== member.di) fail('IDENTITY_MISMATCH', { message: 'The verified person is not the account holder.' });
    const now = deps.now();
    await deps.store.updateSession(record.sessionHash, { reverifiedAt: now });
    return { verifiedAt: iso(now), editableUntil: iso(now + deps.config.reverificationWindow * 1000) };
  });

  mount(app, deps, operations.getProfile, async ({ session }) => memberProfile(deps, session!.member));

  mount(app, deps, operations.updateProfile, async ({ body, session, site, siteId }) => {
    const { record, member } = session!;
    const since = record.reverifiedAt;
    if (since === null || deps.now() - since > deps.config.reverificationWindow * 1000) {
      fail('REVERIFICATION_REQUIRED', { message: 'Verify your identity again before editing (valid for 10 minutes).' });
    }
    const form = { ...currentForm(member), ...definedChanges(body) };
    const checked = profileEditSchema(site.config.policy, { memberType: member.memberType, loginId: member.loginId }).safeParse({
      ...form,
      ...(body.newPassword === undefined ? {} : { newPassword: body.newPassword, newPasswordConfirmation: body.newPassword }),
    });
    const fields = fieldErrors(checked);
    if (fields.length > 0) invalid(fields);
    if (body.consents) await changeConsents(deps, site, member, siteId, body.consents);

    const updated = await deps.store.updateMember(member.memberId, {
      ...(body.nameEn !== undefined ? { nameEn: blankToNull(body.nameEn) } : {}),
      ...(body.email !== undefined ? { email: body.email.trim() } : {}),
      ...(body.mobile !== undefined ? { mobile: phoneOrNull(body.mobile) } : {}),
      ...(body.phone !== undefined ? { phone: phoneOrNull(body.phone) } : {}),
      ...(body.fax !== undefined ? { fax: phoneOrNull(body.fax) } : {}),
      ...(body.department !== undefined ? { department: blankToNull(body.department) } : {}),
      ...(body.position !== undefined ? { position: blankToNull(body.position) } : {}),
      ...(body.address !== undefined ? { address: body.address && body.address.base.trim() ? body.address : null } : {}),
      ...(body.interestItems !== undefined ? { interestItems: body.interestItems } : {}),
      ...(body.interestRegions !== undefined ? { interestRegions: body.interestRegions } : {}),
      ...(body.newPassword ? { passwordHash: await deps.hasher.hash(body.newPassword) } : {}),
    });
    return memberProfile(deps, updated ?? member);
  });
}

/** The member's current details in the form's shape (blank for "not given"). */
function currentForm(member: MemberRecord) {
  return {
    nameEn: member.nameEn ?? '',
    email: member.email,
    mobile: member.mobile ?? '',
    phone: member.phone ?? '',
    fax: member.fax ?? '',
    department: member.department ?? '',
    position: member.position ?? '',
    ...(member.address ? { address: member.address } : {}),
    interestItems: member.interestItems,
    interestRegions: member.interestRegions,
  };
}

function definedChanges(changes: ProfileChanges) {
  const form: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (key === 'newPassword' || key === 'consents' || value === undefined) continue;
    form[key] = value === null ? (key === 'address' ? undefined : '') : value;
  }
  return form;
}

/** Optional consents may change at any time; required ones cannot be withdrawn while a member. */
async function changeConsents(deps: ServerDeps, site: SiteSettings, member: MemberRecord, siteId: string, answers: NonNullable<ProfileChanges['consents']>) {
  for (const answer of answers) {
    const document = site.terms.find((doc) => doc.documentId === answer.documentId);
    if (!document) invalid([{ field: `consents.${answer.documentId}`, code: 'UNKNOWN_DOCUMENT' }]);
    if (document.version !== answer.version) fail('TERMS_OUTDATED', { fields: [{ field: `consents.${document.documentId}`, code: 'TERMS_OUTDATED' }] });
    if (document.required && !answer.agreed) fail('TERMS_REQUIRED', { message: 'A required document cannot be withdrawn; leave the membership instead.', fields: [{ field: `consents.${document.documentId}`, code: 'TERMS_REQUIRED' }] });
  }
  const now = deps.now();
  await deps.store.addConsents(answers.map((answer) => ({ ...answer, memberId: member.memberId, siteId, answeredAt: now })));
}
