// The demo server of `npm start` for end-to-end tests: `node server/main.ts` on a free port with a
// temporary SQLite directory and relaxed rate limits, serving a CDN bundle built from the current
// sources into a temporary directory.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The directory the demo server runs in: `dist/cdn/` built from the current sources, and `demo/` linked
 * to the checkout's. Temporary, so the tests never touch or depend on the working tree's `dist/`.
 */
let siteDir: string | undefined;

/**
 * Builds the CDN folder the demo pages load into a temporary directory (once per process). Returns why it
 * built. By default it is the folder that ships: `rollup.config.mjs`'s CDN build (its chunk plan, the
 * entry's preloads, templates prepared at build time). `splitting`: esbuild's split build instead, with
 * chunks named `chunk-*.js` (the fault matrix makes a chunk fail to load by that name).
 */
export async function ensureBundle(log: (line: string) => void = console.log, options: { splitting?: boolean } = {}): Promise<string | undefined> {
  if (siteDir) return undefined;
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'membership-e2e-site-'));
  dataDirs.add(dir);
  if (options.splitting) await buildSplit(dir);
  else await buildShipped(dir);
  symlinkSync(join(root, 'demo'), join(dir, 'demo'), 'dir');
  siteDir = dir;
  log(`e2e: built the CDN folder into ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 'the CDN folder is built for each run into a temporary directory';
}

interface CdnConfig {
  input: Record<string, string>;
  plugins: { name: string }[];
  output: Record<string, unknown>;
}

/** The CDN folder as `npm run build` makes it, without the build's stats file (written into the working tree's dist/). */
async function buildShipped(dir: string): Promise<void> {
  const { rollup } = await import('rollup');
  const configs = (await import(join(root, 'rollup.config.mjs'))).default as CdnConfig[];
  const cdn = configs.find((config) => config.input['membership-elements.min'])!;
  const bundle = await rollup({
    ...cdn,
    input: { 'membership-elements.min': join(root, cdn.input['membership-elements.min']!) },
    plugins: cdn.plugins.filter((plugin) => plugin.name !== 'chunk-manifest'),
  } as Parameters<typeof rollup>[0]);
  await bundle.write({ ...cdn.output, dir: join(dir, 'dist/cdn') });
  await bundle.close();
}

async function buildSplit(dir: string): Promise<void> {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(root, 'src/cdn.ts')],
    outdir: join(dir, 'dist/cdn'),
    splitting: true,
    entryNames: 'membership-elements.min',
    chunkNames: 'chunk-[hash]',
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    conditions: ['browser', 'production'],
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'error',
  });
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
  /** Stops the server and removes its data directory (`keepData`: leaves it, for a restart on the same data). */
  stop(options?: { keepData?: boolean }): Promise<void>;
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

/**
 * Starts `node server/main.ts` and resolves once it printed its "membership API" line. `port` and
 * `dataDir` of a stopped server (`stop({ keepData: true })`) start it again as it was: a restart.
 */
export async function startDemoServer(options: { startTimeoutMs?: number; port?: number; dataDir?: string } = {}): Promise<DemoServer> {
  const port = options.port ?? await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'membership-e2e-'));
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
  if (!siteDir) await ensureBundle();
  // The server serves `dist/` and `demo/` from its working directory: the temporary one.
  const child = spawn(process.execPath, [join(root, 'server/main.ts')], { cwd: siteDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
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
    async stop(stopOptions = {}) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      if (!stopOptions.keepData) removeDir();
    },
  };
}
