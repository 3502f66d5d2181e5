export function readEntryExports(root?: string): Map<string, Map<string, string>>;
export function readDefinitions(root?: string): { path: string; tags: { tag: string; name: string }[] }[];
export function shippedPathsPlugin(options?: { root?: string }): { name: string; packageLinkPhase: unknown };
