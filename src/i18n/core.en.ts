// The English words every element needs; see core.ko.ts.
export { common as core } from './messages/common.en.ts';
