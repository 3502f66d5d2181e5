import { defineMessages } from '../bundle.ts';

// Messages of the signup area; keys `signup.*`.
export const signup = defineMessages({}, {});
