export const start: string;
export const end: string;
export function renderThemeReference(manifest: unknown): string;
export function withThemeReference(readme: string, manifest: unknown): string;
