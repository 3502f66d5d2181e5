export function readTokenDefaults(file?: string): Map<string, string>;
export function membershipSurfacePlugin(options?: { tokenFile?: string }): { name: string; analyzePhase: unknown; packageLinkPhase: unknown };
