// Operations of the contract for the session (login, logout), with the shapes only they use.
import * as z from 'zod/mini';
import { defineOperation } from '../operation.ts';
import { memberSummarySchema } from '../shapes/people.ts';
import { id } from './fields.ts';

export const loginRequestSchema = z.object({
  loginId: z.string().check(z.maxLength(40)),
  password: z.string().check(z.maxLength(128)),
});

export const sessionSchema = z.object({
  member: z.nullable(memberSummarySchema),
  /** Send back as `X-CSRF-Token` on state-changing calls; null when signed out. Never put it in
   *  events, storage or URLs. */
  csrfToken: z.nullable(z.string()),
});
export type Session = z.infer<typeof sessionSchema>;

export const sessionOperations = {
  login: defineOperation({
    id: 'login', method: 'POST', path: '/session', tag: 'session',
    summary: 'Sign in with ID and password; sets an HttpOnly session cookie.',
    body: loginRequestSchema,
    response: sessionSchema,
    rateLimited: true,
    errors: ['INVALID_CREDENTIALS', 'RATE_LIMITED'],
  }),
  getSession: defineOperation({
    id: 'getSession', method: 'GET', path: '/session', tag: 'session',
    summary: 'The signed-in member (or null) and the CSRF token for this session.',
    response: sessionSchema,
  }),
  logout: defineOperation({
    id: 'logout', method: 'DELETE', path: '/session', tag: 'session',
    summary: 'Sign out; clears the session cookie.',
    auth: 'session',
    errors: ['UNAUTHENTICATED', 'CSRF_INVALID'],
  }),
} as const;
