// `membership-elements/define`: registers the default custom-element tags (a side-effect module).
// No elements exist yet, so it imports and registers nothing; they land in a later issue.
export {};
