/**
 * The generic part of every flow model (see README.md here): a plain object with no DOM that holds a
 * journey's state, exposes it as a read-only view, changes it only through its own intents, tells
 * subscribers after each change and hands events to the host through one sink.
 */
export type Listener = () => void;

export interface FlowOptions<Event> {
  /** Receives each event the flow emits; returns false when the host cancelled it. */
  emit?: ((event: Event) => boolean) | undefined;
}

export abstract class FlowStore<View, Event> {
  #listeners = new Set<Listener>();
  #view: View | undefined;
  #emit: (event: Event) => boolean;
  #batch = 0;
  #dirty = false;

  constructor(options: FlowOptions<Event> = {}) {
    this.#emit = options.emit ?? (() => true);
  }

  /** The state as the screen needs it; a new object after each change, never mutated. */
  get view(): View {
    return (this.#view ??= Object.freeze(this.snapshot()));
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Builds the view from the private state (called lazily once per change). */
  protected abstract snapshot(): View;

  /** Something changed: the next `view` is rebuilt and subscribers are told (once per batch). */
  protected notify(): void {
    this.#view = undefined;
    if (this.#batch > 0) {
      this.#dirty = true;
      return;
    }
    this.changed();
    for (const listener of [...this.#listeners]) listener();
  }

  /** Runs several changes as one notification. */
  protected batch<T>(change: () => T): T {
    this.#batch += 1;
    try {
      return change();
    } finally {
      this.#batch -= 1;
      if (this.#batch === 0 && this.#dirty) {
        this.#dirty = false;
        this.notify();
      }
    }
  }

  /** Hook after each change, before subscribers hear of it (e.g. to write a draft). */
  protected changed(): void {}

  /** Hands an event to the host; false when it was cancelled. */
  protected emit(event: Event): boolean {
    return this.#emit(event);
  }
}
