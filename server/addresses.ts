// Where the address search's answers come from: a real deployment proxies juso.go.kr (its approval
// key stays on the server); the reference server answers from the sandbox address book.

import type * as z from 'zod/mini';
import type { addressMatchSchema } from '../src/api/operations/address.ts';

/** One road address, as the `searchAddresses` operation answers it (the contract's shape). */
export type AddressEntry = z.infer<typeof addressMatchSchema>;

export interface AddressDirectory {
  /** One page (from 1) of `size` matches for a checked keyword, and the count over all pages. */
  search(keyword: string, page: number, size: number): Promise<{ results: AddressEntry[]; total: number }>;
}
