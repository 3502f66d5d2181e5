// Operations of the contract for the site configuration and its terms, with the shapes only they use.
import * as z from 'zod/mini';
import { defineOperation } from '../operation.ts';
import { siteConfigSchema, termsDocumentSchema, termsNoticeSchema } from '../shapes/site.ts';

export const termsListSchema = z.object({
  documents: z.array(termsDocumentSchema),
  /** Statements shown under the documents, in order (no answer asked). */
  notices: z.optional(z.array(termsNoticeSchema)),
});

export const siteOperations = {
  getSiteConfig: defineOperation({
    id: 'getSiteConfig', method: 'GET', path: '/site', tag: 'site',
    summary: 'Configuration of the calling site: member types, verification methods, policies, options.',
    response: siteConfigSchema,
  }),
  listTerms: defineOperation({
    id: 'listTerms', method: 'GET', path: '/terms', tag: 'site',
    summary: 'Current terms documents of the calling site for a purpose, required ones first.',
    query: z.object({ purpose: z.enum(['signup', 'company']) }),
    response: termsListSchema,
  }),
} as const;
