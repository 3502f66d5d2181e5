// `membership-elements/testing`: fakes for host teams' tests and stories — the reference server in
// memory behind MSW, and address adapters answering from a fixed list. Never for production pages.
export { createMockServer, type MockServerOptions } from '../server/msw.ts';
export { fakeAddressAdapter, fakeAddressQueryAdapter, sampleAddresses } from './elements/shared/address-search/fake.ts';
