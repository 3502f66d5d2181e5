// The demo server of `npm start` for end-to-end tests: `node server/main.ts` on a free port with a
// temporary SQLite directory and relaxed rate limits, after making sure the CDN bundle the demo pages
// load is built from the current sources.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const bundlePath = join(root, 'dist/cdn/membership-elements.min.js');

/** Newest modification time of any source file under `dir` (ms), with the file; tests are not in the bundle. */
function newestFile(dir: string): { path: string; mtimeMs: number } {
  let newest = { path: '', mtimeMs: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name.endsWith('.test.ts')) continue;
    const path = join(entry.parentPath, entry.name);
    const { mtimeMs } = statSync(path);
    if (mtimeMs > newest.mtimeMs) newest = { path, mtimeMs };
  }
  return newest;
}

/**
 * The demo pages load `dist/cdn/membership-elements.min.js`: build it when it is missing or older
 * than any file in `src/` (test files aside: they are not bundled, and touching one must not cost a
 * rebuild), so the tests never run yesterday's bundle. Returns why it built, if it did.
 */
export function ensureBundle(log: (line: string) => void = console.log): string | undefined {
  const newest = newestFile(join(root, 'src'));
  const reason = !existsSync(bundlePath)
    ? 'the CDN bundle is missing'
    : statSync(bundlePath).mtimeMs < newest.mtimeMs
      ? `the CDN bundle is older than ${newest.path.slice(root.length)}`
      : undefined;
  if (!reason) return undefined;
  log(`e2e: ${reason}: running "npm run build"`);
  const started = Date.now();
  // npm's own script runs under this Node (the system one may be too old).
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}` };
  delete env.NODE_TEST_CONTEXT;
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, env, encoding: 'utf8', timeout: 180_000 });
  if (build.status !== 0 || !existsSync(bundlePath)) {
    throw new Error(`e2e: "npm run build" failed (status ${build.status}):\n${build.stdout}\n${build.stderr}`.slice(-6000));
  }
  log(`e2e: built the bundles in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return reason;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface DemoServer {
  /** `http://127.0.0.1:PORT` — the demo pages, the API under `/api/v1/`, the sandbox under `/sandbox/`. */
  origin: string;
  dataDir: string;
  /** The server's recent stdout and stderr (for failure messages). */
  output(): string;
  /** Stops the server and removes its data directory. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
const dataDirs = new Set<string>();
// Never leave a server or a temp directory behind, even when the runner stops this process.
function cleanUp(): void {
  for (const child of running) child.kill('SIGKILL');
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
}
process.once('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    cleanUp();
    process.exit(1);
  });
}

/** Starts `node server/main.ts` and resolves once it printed its "membership API" line. */
export async function startDemoServer(options: { startTimeoutMs?: number } = {}): Promise<DemoServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'membership-e2e-'));
  dataDirs.add(dataDir);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_ORIGIN: origin,
    MEMBERSHIP_DATA_DIR: dataDir,
    RATE_LIMIT_SCALE: '100',
  };
  delete env.NODE_TEST_CONTEXT;
  delete env.MEMBERSHIP_SANDBOX;
  delete env.MEMBERSHIP_ALLOWED_ORIGINS;
  const child = spawn(process.execPath, ['server/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<void>((resolve) => child.once('exit', () => {
    running.delete(child);
    resolve();
  }));

  const removeDir = () => {
    rmSync(dataDir, { recursive: true, force: true });
    dataDirs.delete(dataDir);
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the demo server did not start within ${options.startTimeoutMs ?? 30_000} ms:\n${output}`));
    }, options.startTimeoutMs ?? 30_000);
    const check = () => {
      if (!output.includes('membership API')) return;
      clearTimeout(timer);
      child.stdout!.off('data', check);
      resolve();
    };
    child.stdout!.on('data', check);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the demo server exited (${signal ?? code}) before it was ready:\n${output}`));
    });
  }).catch((error: unknown) => {
    removeDir();
    throw error;
  });

  return {
    origin,
    dataDir,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      removeDir();
    },
  };
}
