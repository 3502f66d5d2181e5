// Both built-in catalogues at once (the one-file CDN build, Storybook, Node tests): no loading step.
import { en } from './en.ts';
import { ko } from './ko.ts';
import { registerLocale } from './registry.ts';

registerLocale('ko', ko);
registerLocale('en', en);
