/**
 * What a user's program still has running: the timers, file and network requests it started, directly or from code it
 * awaited. Pulumi's Node.js host takes a stack as complete when the program's event loop drains (`beforeExit`), so a
 * resource created after an `await` or inside a `setTimeout` is part of the stack; the checker runs the program inside
 * its own process, so it cannot wait for the whole loop to drain and compares the loop's live handles and requests
 * (`process.getActiveResourcesInfo()`, which leaves out unref'd timers, as the loop does) with those it had before the
 * program started.
 *
 * Why not an async hook scoped to the program: it costs a JavaScript call per promise, and a 5 GW plan makes millions
 * (measured: the plan's run took 1.4 times the bare replay's time instead of 1.0 with the hook, against 1.38 before).
 * The comparison is exact in the command's own process, which starts nothing while the program runs; in a process
 * with other work (a test runner), one of its handles ending could hide one of the program's of the same kind.
 * Promises are not work: a promise nothing will ever resolve keeps no event loop alive, under the engine or here.
 */

/** Names for the async resource types a program's pending work is made of, as a message shows them. */
const WORK_NAMES: Record<string, string> = {
  Timeout: "a timer (setTimeout or setInterval)",
  Immediate: "a setImmediate callback",
  FSReqCallback: "a file system request",
  FSReqPromise: "a file system request",
  FSEventWrap: "a file watcher",
  StatWatcher: "a file watcher",
  GetAddrInfoReqWrap: "a DNS lookup",
  GetNameInfoReqWrap: "a DNS lookup",
  QueryReqWrap: "a DNS query",
  TCPSocketWrap: "a network connection",
  TCPServerWrap: "a network server",
  TCPConnectWrap: "a network connection",
  PipeWrap: "a pipe",
  PipeConnectWrap: "a pipe",
  ProcessWrap: "a child process",
  UDPWrap: "a UDP socket",
  ZlibWrap: "a compression stream",
};

export interface ProgramWork {
  /** The work started since tracking began that would keep an event loop alive, described. */
  pending(): string[];
}

function tally(types: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of types) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/** Starts tracking: what is live now is the baseline, not the program's. */
export function trackProgramWork(active: () => string[] = () => process.getActiveResourcesInfo()): ProgramWork {
  const baseline = tally(active());
  return {
    pending: () => {
      const out: string[] = [];
      for (const [type, n] of tally(active())) {
        const extra = n - (baseline.get(type) ?? 0);
        // The process's own stdout and stderr, written to while the program runs, are not the program's work.
        if (extra <= 0 || type === "TTYWrap" || type === "WriteWrap" || type === "ShutdownWrap") continue;
        const name = WORK_NAMES[type] ?? `a ${type} handle`;
        out.push(extra === 1 ? name : `${name} ×${extra}`);
      }
      return out;
    },
  };
}
