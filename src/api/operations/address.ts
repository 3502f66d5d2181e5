// The address search a site may offer (the site-API adapter's contract, siteApiAdapter): the site's
// server answers it, e.g. by proxying the juso.go.kr road-address API whose key must stay there.
import * as z from 'zod/mini';
import { defineOperation } from '../operation.ts';

/** One found address: the site-API adapter's result (postcode and road address required). */
export const addressMatchSchema = z.object({
  postcode: z.string().check(z.regex(/^\d{5}$/)),
  /** 도로명주소 without the 참고항목. */
  base: z.string().check(z.minLength(1)),
  /** 참고항목, e.g. `(세종로)`. */
  extra: z.optional(z.string()),
  /** 지번 주소. */
  jibun: z.optional(z.string()),
  english: z.optional(z.string()),
  buildingName: z.optional(z.string()),
});

export const addressPageSchema = z.object({
  results: z.array(addressMatchSchema),
  /** Matches on all pages. */
  total: z.number().check(z.int(), z.nonnegative()),
});

/** Longest keyword accepted (juso.go.kr refuses longer ones too). */
export const addressKeywordMaxLength = 80;
/** Results per page: `size` (default 10, at most 50). */
export const addressPageSizes = { default: 10, max: 50 } as const;


export const addressOperations = {
  searchAddresses: defineOperation({
    id: 'searchAddresses', method: 'GET', path: '/addresses', tag: 'address',
    summary: "Road addresses matching a keyword (도로명, 건물명 or 지번), one page at a time; offered when the site config names it (`addressSearch.endpoint`). The site comes from X-Site-Id or `?site=`.",
    query: z.object({
      /** Two characters or more, no markup or wildcard characters (`< > % = ; ' "` and controls). */
      keyword: z.string().check(z.maxLength(addressKeywordMaxLength)),
      /** From 1 (at most 999); a page past the last answers no results. */
      page: z.optional(z.string().check(z.regex(/^[1-9]\d{0,2}$/))),
      size: z.optional(z.string().check(z.regex(/^([1-9]|[1-4]\d|50)$/))),
    }),
    response: addressPageSchema,
    rateLimited: true,
    errors: ['NOT_FOUND', 'RATE_LIMITED'],
  }),
} as const;
