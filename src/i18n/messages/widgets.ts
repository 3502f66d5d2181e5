import { defineMessages } from '../bundle.ts';

// Messages of the widgets area; keys `widgets.*`.
export const widgets = defineMessages({}, {});
