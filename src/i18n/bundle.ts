/**
 * Another locale's messages for a Korean catalogue: exactly its keys, each a string (a missing or
 * extra key is a compile error). Placeholders are `{name}`.
 */
export type Translation<Korean> = { [K in keyof Korean]: string };
