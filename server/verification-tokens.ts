import type { VerificationPurpose } from '../src/api/index.ts';
import { fail, iso, type ServerDeps } from './context.ts';
import { randomToken, sha256 } from './crypto.ts';
import type { VerificationRecord, VerificationTokenRecord, VerifiedPerson } from './store/types.ts';

/** Issues the single-use token that proves a finished verification; returns it with its expiry. */
export async function issueVerificationToken(deps: ServerDeps, verification: VerificationRecord, person: VerifiedPerson) {
  const token = randomToken(32);
  const issuedAt = deps.now();
  const record: VerificationTokenRecord = {
    tokenHash: await sha256(token),
    verificationId: verification.verificationId,
    siteId: verification.siteId,
    purpose: verification.purpose,
    method: verification.method,
    person,
    issuedAt,
    expiresAt: issuedAt + deps.config.verificationTokenTtl * 1000,
    usedAt: null,
  };
  await deps.store.putVerificationToken(record);
  return {
    verificationToken: token,
    purpose: verification.purpose,
    method: verification.method,
    person: { name: person.name, birthDate: person.birthDate, gender: person.gender, nationality: person.nationality },
    expiresAt: iso(record.expiresAt),
  };
}

/**
 * Checks a verification token for a purpose on a site and uses it up. Expired, unknown, used or
 * foreign tokens are refused; a token is never accepted twice.
 */
export async function consumeVerificationToken(deps: ServerDeps, token: string, purpose: VerificationPurpose, siteId: string) {
  const tokenHash = await sha256(token);
  const record = await deps.store.getVerificationToken(tokenHash);
  if (!record || record.siteId !== siteId || record.usedAt !== null) fail('VERIFICATION_INVALID', { message: 'The verification is unknown or was already used.' });
  if (record.expiresAt <= deps.now()) fail('VERIFICATION_EXPIRED', { message: 'The verification expired; verify again.' });
  if (record.purpose !== purpose) fail('VERIFICATION_PURPOSE_MISMATCH', { message: `This verification was made for ${record.purpose}.` });
  const consumed = await deps.store.consumeVerificationToken(tokenHash, deps.now());
  if (!consumed) fail('VERIFICATION_INVALID', { message: 'The verification was already used.' });
  return consumed;
}

/** Reads a token without using it (a signup that may still fail on a taken ID keeps it usable). */
export async function peekVerificationToken(deps: ServerDeps, token: string, purpose: VerificationPurpose, siteId: string) {
  const record = await deps.store.getVerificationToken(await sha256(token));
  if (!record || record.siteId !== siteId || record.usedAt !== null) fail('VERIFICATION_INVALID', { message: 'The verification is unknown or was already used.' });
  if (record.expiresAt <= deps.now()) fail('VERIFICATION_EXPIRED', { message: 'The verification expired; verify again.' });
  if (record.purpose !== purpose) fail('VERIFICATION_PURPOSE_MISMATCH', { message: `This verification was made for ${record.purpose}.` });
  return record;
}
