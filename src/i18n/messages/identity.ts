import { defineMessages } from '../bundle.ts';

// Messages of the identity area; keys `identity.*`.
export const identity = defineMessages({}, {});
