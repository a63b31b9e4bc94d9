/**
 * What a user's program still has running: the timers, file and network requests it started, directly or from code it
 * awaited. Pulumi's Node.js host takes a stack as complete when the program's event loop drains (`beforeExit`), so a
 * resource created after an `await` or inside a `setTimeout` is part of the stack; the checker runs the program inside
 * its own process, so it cannot wait for the whole loop to drain and watches the program's own work instead.
 *
 * An async hook records every non-promise async resource created while the program's async context is current (an
 * AsyncLocalStorage run propagates through promises, timers and callbacks), and forgets it when Node destroys it.
 * Promises are not work: a promise nothing will ever resolve keeps no event loop alive, under the engine or here.
 */
import { AsyncLocalStorage, createHook } from "node:async_hooks";

interface LiveResource {
  type: string;
  resource: { hasRef?: () => boolean };
}

/** Names for the async resource types a program's pending work is made of, as a message shows them. */
const WORK_NAMES: Record<string, string> = {
  Timeout: "a timer (setTimeout or setInterval)",
  Immediate: "a setImmediate callback",
  TickObject: "a process.nextTick callback",
  FSREQCALLBACK: "a file system request",
  FSREQPROMISE: "a file system request",
  FSEVENTWRAP: "a file watcher",
  STATWATCHER: "a file watcher",
  GETADDRINFOREQWRAP: "a DNS lookup",
  GETNAMEINFOREQWRAP: "a DNS lookup",
  QUERYWRAP: "a DNS query",
  TCPWRAP: "a network connection",
  TCPCONNECTWRAP: "a network connection",
  TLSWRAP: "a TLS connection",
  HTTPCLIENTREQUEST: "an HTTP request",
  HTTPINCOMINGMESSAGE: "an HTTP response",
  PIPEWRAP: "a pipe",
  PROCESSWRAP: "a child process",
  WORKER: "a worker thread",
  ZLIB: "a compression stream",
};

export interface ProgramWork {
  /** Runs `fn` as the program: everything it starts, now or later, is tracked. */
  run<T>(fn: () => T): T;
  /** The program's async resources that would keep an event loop alive (unref'd timers do not), described. */
  pending(): string[];
  /** Stops tracking (call once the run is over, whatever its outcome). */
  dispose(): void;
}

export function trackProgramWork(): ProgramWork {
  const scope = new AsyncLocalStorage<symbol>();
  const token = Symbol("aicluster program");
  const live = new Map<number, LiveResource>();
  const hook = createHook({
    init(asyncId, type, _triggerAsyncId, resource) {
      if (type !== "PROMISE" && scope.getStore() === token) live.set(asyncId, { type, resource: resource as LiveResource["resource"] });
    },
    destroy(asyncId) {
      live.delete(asyncId);
    },
  });
  hook.enable();
  return {
    run: (fn) => scope.run(token, fn),
    pending: () => {
      const counts = new Map<string, number>();
      for (const { type, resource } of live.values()) {
        if (typeof resource.hasRef === "function" && !resource.hasRef()) continue;
        const name = WORK_NAMES[type] ?? `a ${type} handle`;
        counts.set(name, (counts.get(name) ?? 0) + 1);
      }
      return [...counts].map(([name, n]) => (n === 1 ? name : `${name} ×${n}`));
    },
    dispose: () => {
      hook.disable();
      live.clear();
    },
  };
}
