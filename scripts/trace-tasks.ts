// Reads a Chrome trace (Tracing domain events, with the `disabled-by-default-v8.cpu_profiler` samples) of
// one page: the main thread's tasks, what runs in each (script by file, layout, style, compile, GC), and
// the functions with most self time. Used by scripts/profile-browser.ts.

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, any>;
}

/** One main-thread task (µs, trace clock) and what ran in it, in ms. */
export interface Task {
  start: number;
  /** ms, wall clock */
  duration: number;
  /** ms of the thread's own CPU time: what the task needed, whatever else the machine ran meanwhile. */
  cpu: number;
  /** ms of self time by kind: script, compile, style, layout, fonts, gc, paint, parse, other. */
  kinds: Record<string, number>;
  /** Elements whose style was recalculated, objects laid out (the largest of each). */
  styleElements: number;
  layoutObjects: number;
  /** What started the task: an idle callback, a timer, an event, a module evaluation, … */
  entry: string;
  /** ms of JS self time by file, and by function (`name file:line:col`). */
  files: Map<string, number>;
  functions: Map<string, number>;
}

const kindOf = (name: string): string | undefined => {
  // Font matching and fallback inside layout (slow where no listed family has Hangul: per-character lookups).
  if (/^(FontCache::|WebSandboxSupportLinux::|FontLoader::)/.test(name)) return 'fonts';
  if (name === 'Layout') return 'layout';
  if (name === 'UpdateLayoutTree' || name === 'RecalculateStyles' || name === 'ParseAuthorStyleSheet') return 'style';
  if (/^v8\.(compile|parse)|^V8\.(Compile|Parse)|^v8\.produceModuleCache/.test(name)) return 'compile';
  if (/GC|^V8\.GC/.test(name)) return 'gc';
  if (/^(Paint|PrePaint|Layerize|Commit|UpdateLayer|UpdateLayerTree|CompositeLayers)$/.test(name)) return 'paint';
  if (name === 'ParseHTML') return 'parse';
  if (/^(FunctionCall|EvaluateScript|v8\.evaluateModule|v8\.run|RunMicrotasks|TimerFire|FireIdleCallback|FireAnimationFrame|EventDispatch|V8\.Execute)$/.test(name)) return 'script';
  return undefined;
};

const file = (url: string | undefined) => (url ? url.replace(/^.*\//, '').replace(/\?.*$/, '') : '');

/** The page's main thread: the renderer main thread that recorded `mark`. */
export function mainThread(events: TraceEvent[], mark: string): { pid: number; tid: number } {
  const marked = events.find((event) => event.name === mark);
  if (!marked) throw new Error(`trace-tasks: no ${mark} mark in the trace`);
  return { pid: marked.pid, tid: marked.tid };
}

/** The user-timing marks of the page (`bench:*`), by name, in trace time (µs). */
export function marks(events: TraceEvent[], prefix: string): [string, number][] {
  return events
    .filter((event) => event.cat.includes('blink.user_timing') && event.name.startsWith(prefix))
    .map((event): [string, number] => [event.name, event.ts])
    .sort((a, b) => a[1] - b[1]);
}

/** CPU samples of the thread: [time µs, the sampled node's frame]. */
function samples(events: TraceEvent[], thread: { pid: number; tid: number }): { at: number; frame: { functionName: string; url?: string; lineNumber?: number; columnNumber?: number } }[] {
  const profile = events.find((event) => event.name === 'Profile' && event.pid === thread.pid && event.tid === thread.tid);
  if (!profile) return [];
  const nodes = new Map<number, { callFrame: { functionName: string; url?: string; lineNumber?: number; columnNumber?: number } }>();
  const out: ReturnType<typeof samples> = [];
  let at = profile.args!.data.startTime as number;
  for (const chunk of events.filter((event) => event.name === 'ProfileChunk' && event.pid === thread.pid && event.id === profile.id)) {
    const data = chunk.args!.data;
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const ids: number[] = data.cpuProfile?.samples ?? [];
    const deltas: number[] = data.timeDeltas ?? [];
    ids.forEach((id, index) => {
      at += deltas[index] ?? 0;
      const node = nodes.get(id);
      if (node) out.push({ at, frame: node.callFrame });
    });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** The thread's top-level tasks, each with what ran in it. */
export function tasks(events: TraceEvent[], thread: { pid: number; tid: number }): Task[] {
  const own = events.filter((event) => event.pid === thread.pid && event.tid === thread.tid && event.ph === 'X' && event.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const top = own.filter((event) => event.name === 'RunTask');
  const sampled = samples(events, thread);
  const out: Task[] = [];
  let cursor = 0;
  let sample = 0;
  for (const task of top) {
    const end = task.ts + task.dur!;
    const inside: TraceEvent[] = [];
    while (cursor < own.length && own[cursor]!.ts < task.ts) cursor += 1;
    for (let index = cursor; index < own.length && own[index]!.ts < end; index += 1) if (own[index] !== task) inside.push(own[index]!);
    // Self time of each classified event: its duration minus its classified children's.
    const kinds: Record<string, number> = {};
    const stack: { end: number; kind: string }[] = [];
    let styleElements = 0;
    let layoutObjects = 0;
    let entry = '';
    // Layout, style, fonts, GC a script forced: samples in them show the script's frame; not the script's time.
    const native: [number, number][] = [];
    for (const event of inside) {
      while (stack.length && stack.at(-1)!.end <= event.ts) stack.pop();
      const kind = kindOf(event.name);
      if (!kind) continue;
      const parent = stack.at(-1);
      kinds[kind] = (kinds[kind] ?? 0) + event.dur! / 1000;
      if (parent) kinds[parent.kind] = (kinds[parent.kind] ?? 0) - event.dur! / 1000;
      stack.push({ end: event.ts + event.dur!, kind });
      if (kind !== 'script' && kind !== 'compile') native.push([event.ts, event.ts + event.dur!]);
      if (event.name === 'UpdateLayoutTree') styleElements = Math.max(styleElements, event.args?.elementCount ?? 0);
      if (event.name === 'Layout') layoutObjects = Math.max(layoutObjects, event.args?.beginData?.totalObjects ?? 0);
      // What started it, and the first function it called (`timer → save chunk.js`).
      if (kind === 'script' && !entry) entry = describe(event);
      else if (event.name === 'FunctionCall' && !/^call |→/.test(entry)) entry = `${entry} → ${describe(event).replace(/^call /, '')}`;
    }
    kinds.other = task.dur! / 1000 - Object.values(kinds).reduce((sum, value) => sum + value, 0);
    // JS self time from the samples in the task (the time up to the next sample is the sample's), outside native work.
    const files = new Map<string, number>();
    const functions = new Map<string, number>();
    while (sample < sampled.length && sampled[sample]!.at < task.ts) sample += 1;
    for (let index = sample; index < sampled.length && sampled[index]!.at < end; index += 1) {
      const { frame, at } = sampled[index]!;
      const next = sampled[index + 1]?.at ?? at;
      const ms = Math.min(next, end) / 1000 - at / 1000;
      if (!frame.url || ms <= 0 || native.some(([from, to]) => at >= from && at < to)) continue;
      files.set(file(frame.url), (files.get(file(frame.url)) ?? 0) + ms);
      const name = `${frame.functionName || '(top level)'} ${file(frame.url)}:${(frame.lineNumber ?? 0) + 1}:${(frame.columnNumber ?? 0) + 1}`;
      functions.set(name, (functions.get(name) ?? 0) + ms);
    }
    out.push({ start: task.ts, duration: task.dur! / 1000, cpu: (task.tdur ?? task.dur!) / 1000, kinds, styleElements, layoutObjects, entry, files, functions });
  }
  return out;
}

function describe(event: TraceEvent): string {
  const data = event.args?.data ?? {};
  if (event.name === 'FunctionCall') return `call ${data.functionName || '(anonymous)'} ${file(data.url)}`.trim();
  if (event.name === 'EventDispatch') return `event ${data.type ?? ''}`.trim();
  if (event.name === 'FireIdleCallback') return 'idle callback';
  if (event.name === 'TimerFire') return 'timer';
  if (event.name === 'FireAnimationFrame') return 'animation frame';
  if (event.name === 'v8.evaluateModule') return 'module evaluation';
  if (event.name === 'RunMicrotasks') return 'microtasks';
  return event.name;
}

/** The largest entries of a map, as `name 12 ms`. */
export function largest(map: Map<string, number>, count: number, minimum = 0.5): string[] {
  return [...map].filter(([, ms]) => ms >= minimum).sort((a, b) => b[1] - a[1]).slice(0, count).map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`);
}
