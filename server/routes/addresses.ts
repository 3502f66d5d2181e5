import type { Hono } from 'hono';
import { operations } from '../../src/api/index.ts';
import { addressPageSizes } from '../../src/api/operations/address.ts';
import { fail, invalid, type ServerDeps } from '../context.ts';
import { mount } from '../http.ts';

/** What juso.go.kr refuses in a keyword too: markup, SQL and wildcard characters, controls. */
const forbidden = /[<>%=;'"\\\p{Cc}\p{Cf}]/u;

/** The site's address search: offered when the site's settings ask for it and a directory is configured. */
export function addressRoutes(app: Hono, deps: ServerDeps): void {
  mount(app, deps, operations.searchAddresses, async ({ query, site }) => {
    if (!site.addressSearch || !deps.addresses) fail('NOT_FOUND', { message: 'This site offers no address search.' });
    const keyword = query.keyword.normalize('NFC').trim().replace(/\s+/g, ' ');
    if ([...keyword].length < 2) invalid([{ field: 'query.keyword', code: 'ADDRESS_KEYWORD_TOO_SHORT' }], 'Type two characters or more.');
    if (forbidden.test(keyword)) invalid([{ field: 'query.keyword', code: 'ADDRESS_KEYWORD_INVALID' }], 'The keyword holds characters an address never has.');
    const page = Number(query.page ?? 1);
    const size = Number(query.size ?? addressPageSizes.default);
    return deps.addresses.search(keyword, page, size);
  });
}
