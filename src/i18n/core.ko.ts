// The Korean words every element needs (common words, and the few rule and error words a first screen
// shows: see common.ko.ts); the other areas, API errors and field rules included, load with what uses them (areas.ts).
export { common as core } from './messages/common.ko.ts';
