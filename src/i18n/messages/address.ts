import { defineMessages } from '../bundle.ts';

// Messages of the address area; keys `address.*`.
export const address = defineMessages({}, {});
