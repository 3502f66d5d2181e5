import type { Hono } from 'hono';
import { operations, type ConsentAnswer, type SignupRequest } from '../../src/api/index.ts';
import { calendarDateOf, isOldEnough, parseBirthDate } from '../../src/rules/birth-date.ts';
import { fieldErrors } from '../../src/rules/form-fields.ts';
import { signupDetailsSchema } from '../../src/rules/forms.ts';
import { checkLoginId, loginIdKey, normalizeLoginId } from '../../src/rules/login-id.ts';
import { checkCompanyDetails, linkMemberToCompany, prepareCompanyLink } from '../companies.ts';
import type { MembershipPolicy } from '../../src/rules/policy.ts';
import type { SiteSettings } from '../config.ts';
import { ApiFailure, fail, invalid, type ServerDeps } from '../context.ts';
import { randomId } from '../crypto.ts';
import { mount } from '../http.ts';
import { blankToNull, memberSummary, phoneOrNull } from '../members.ts';
import type { ConsentRecord, MemberRecord } from '../store/types.ts';
import { consumeVerificationToken, peekVerificationToken } from '../verification-tokens.ts';

export function accountRoutes(app: Hono, deps: ServerDeps): void {
  mount(app, deps, operations.checkLoginIdAvailability, async ({ params, site }) => {
    const loginId = normalizeLoginId(params.loginId);
    const errors = checkLoginId(loginId, site.config.policy);
    if (errors.length > 0) return { loginId, available: false, errors };
    return { loginId, available: !(await deps.store.isLoginKeyTaken(loginIdKey(loginId))), errors: [] };
  });

  // The person learns at once that they already have an account (not after the whole form).
  mount(app, deps, operations.checkSignupVerification, async ({ body, siteId }) => {
    const { person } = await peekVerificationToken(deps, body.verificationToken, 'signup', siteId);
    const existingAccount = (await deps.store.findMembersByDi(person.di)).length > 0;
    return { existingAccount, ...(person.mobile ? { mobile: person.mobile } : {}) };
  });

  mount(app, deps, operations.createMember, async ({ body, site, siteId }) => {
    const { policy } = site.config;
    if (!site.config.memberTypes.includes(body.memberType)) fail('MEMBER_TYPE_NOT_ALLOWED', { message: `This site does not take ${body.memberType} members.` });
    checkConsents(site, body.consents);

    const verification = await peekVerificationToken(deps, body.verificationToken, 'signup', siteId);
    const person = verification.person;
    const birth = parseBirthDate(person.birthDate);
    if (!birth || !isOldEnough(birth, policy.minAge, calendarDateOf(new Date(deps.now())))) {
      fail('UNDER_AGE', { message: `Members must be ${policy.minAge} or older.` });
    }
    if (body.memberType === 'foreign' && person.nationality !== 'foreign') {
      invalid([{ field: 'memberType', code: 'MEMBER_TYPE_NATIONALITY' }], 'The foreign member type is for people verified as foreign nationals.');
    }
    if (site.config.reverifyAtSignupSubmit) {
      if (!body.submitVerificationToken) invalid([{ field: 'submitVerificationToken', code: 'REQUIRED' }], 'This site asks for a fresh verification at submit.');
      const again = await peekVerificationToken(deps, body.submitVerificationToken, 'signup', siteId);
      if (again.person.di !== person.di) fail('IDENTITY_MISMATCH', { message: 'The two verifications are of different people.' });
    }

    const details = body.details;
    const checked = signupDetailsSchema(policy, { memberType: body.memberType }).safeParse({
      ...details,
      nameKo: person.name,
      passwordConfirmation: details.password,
    });
    const fields = fieldErrors(checked).map((error) => ({ field: `details.${error.field}`, code: error.code }));
    checkCompanyPart(body, fields, policy);
    if (fields.length > 0) invalid(fields);

    if (body.company) await prefixCompanyFailure(() => prepareCompanyLink(deps, body.company!));
    if ((await deps.store.findMembersByDi(person.di)).length > 0) {
      fail('ALREADY_MEMBER', { message: 'This person already has an account: use find account.' });
    }
    const loginId = normalizeLoginId(details.loginId);
    const now = deps.now();
    const member: MemberRecord = {
      memberId: randomId('mem'),
      loginId,
      loginKey: loginIdKey(loginId),
      passwordHash: await deps.hasher.hash(details.password),
      memberType: body.memberType,
      name: person.name,
      nameEn: blankToNull(details.nameEn),
      birthDate: person.birthDate,
      gender: person.gender,
      nationality: person.nationality,
      email: details.email.trim(),
      mobile: phoneOrNull(details.mobile),
      phone: phoneOrNull(details.phone),
      fax: phoneOrNull(details.fax),
      department: blankToNull(details.department),
      position: blankToNull(details.position),
      address: details.address && details.address.base.trim() ? details.address : null,
      interestItems: details.interestItems ?? [],
      interestRegions: details.interestRegions ?? [],
      di: person.di,
      ci: person.ci,
      verifiedWith: verification.method,
      joinedSiteId: siteId,
      joinedAt: now,
    };
    const consents: ConsentRecord[] = body.consents.map((answer) => ({ ...answer, memberId: member.memberId, siteId, answeredAt: now }));
    const created = await deps.store.createMember(member, consents);
    if (!created.ok) {
      if (created.conflict === 'LOGIN_ID_TAKEN') invalidTaken();
      fail('ALREADY_MEMBER', { message: 'This person already has an account: use find account.' });
    }
    await consumeVerificationToken(deps, body.verificationToken, 'signup', siteId);
    if (body.submitVerificationToken) await consumeVerificationToken(deps, body.submitVerificationToken, 'signup', siteId);

    let certificatePending = false;
    if (body.company) certificatePending = (await linkMemberToCompany(deps, member, body.company)).certificatePending;
    return { member: await memberSummary(deps, member), certificatePending };
  });
}

function invalidTaken(): never {
  fail('LOGIN_ID_TAKEN', { message: 'This login ID is taken.', fields: [{ field: 'details.loginId', code: 'LOGIN_ID_TAKEN' }] });
}

/** Every required document agreed, each answer for the current version of a document of this site. */
function checkConsents(site: SiteSettings, answers: ConsentAnswer[]): void {
  const fields = [];
  for (const answer of answers) {
    const document = site.terms.find((doc) => doc.documentId === answer.documentId);
    if (!document) fields.push({ field: `consents.${answer.documentId}`, code: 'UNKNOWN_DOCUMENT' });
    else if (document.version !== answer.version) {
      fail('TERMS_OUTDATED', { message: `"${document.documentId}" changed: read and answer version ${document.version}.`, fields: [{ field: `consents.${document.documentId}`, code: 'TERMS_OUTDATED' }] });
    }
  }
  if (fields.length > 0) invalid(fields);
  const missing = site.terms.filter((doc) => doc.required && !answers.some((a) => a.documentId === doc.documentId && a.agreed));
  if (missing.length > 0) {
    fail('TERMS_REQUIRED', { message: 'Agree to every required document.', fields: missing.map((doc) => ({ field: `consents.${doc.documentId}`, code: 'TERMS_REQUIRED' })) });
  }
}

/** Corporate members bring a company part; others must not. Field codes go into `fields`. */
function checkCompanyPart(body: SignupRequest, fields: { field: string; code: string }[], policy: MembershipPolicy): void {
  if (body.memberType !== 'corporate') {
    if (body.company) fields.push({ field: 'company', code: 'NOT_ALLOWED' });
    return;
  }
  if (!body.company) {
    fields.push({ field: 'company', code: 'REQUIRED' });
    return;
  }
  if (body.company.mode === 'register') fields.push(...checkCompanyDetails(body.company.company, 'company.company.', undefined, policy));
}

/** Company checks answer paths relative to the link request; in a signup they sit under `company.`. */
async function prefixCompanyFailure(check: () => Promise<unknown>): Promise<void> {
  try {
    await check();
  } catch (error) {
    if (!(error instanceof ApiFailure) || !error.details.fields) throw error;
    const fields = error.details.fields.map((f) => ({ ...f, field: `company.${f.field}` }));
    throw new ApiFailure(error.code, { ...error.details, fields });
  }
}
