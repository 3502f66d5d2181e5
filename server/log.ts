// Structured logs: one JSON object per line, with the request id; never personal data (no login IDs,
// names, phone numbers, addresses, tokens, cookies or bodies: operation ids and statuses only).

export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null | undefined>;
export type LogSink = (line: string) => void;

export interface Logger {
  log(level: LogLevel, event: string, fields?: LogFields): void;
}

/** A logger writing JSON lines to `sink` (stdout by default). */
export function jsonLogger(sink: LogSink = (line) => process.stdout.write(`${line}\n`), now = () => new Date()): Logger {
  return {
    log(level, event, fields = {}) {
      sink(JSON.stringify({ time: now().toISOString(), level, event, ...fields }));
    },
  };
}

/** For the browser (MSW) and tests: errors to the console, nothing else. */
export const consoleLogger: Logger = {
  log(level, event, fields) {
    if (level === 'error') console.error(`[membership] ${event}`, fields ?? {});
  },
};

/** An error's class and message, without the stack's local paths or any request data. */
export function errorFields(error: unknown): LogFields {
  return error instanceof Error ? { error: error.name, message: error.message } : { error: String(error) };
}
