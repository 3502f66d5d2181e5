// Where the address search's answers come from: a real deployment proxies juso.go.kr (its approval
// key stays on the server); the reference server answers from the sandbox address book.

/** One road address, as the `searchAddresses` operation answers it. */
export interface AddressEntry {
  postcode: string;
  base: string;
  extra?: string;
  jibun?: string;
  english?: string;
  buildingName?: string;
}

export interface AddressDirectory {
  /** One page (from 1) of `size` matches for a checked keyword, and the count over all pages. */
  search(keyword: string, page: number, size: number): Promise<{ results: AddressEntry[]; total: number }>;
}
