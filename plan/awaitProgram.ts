/**
 * Waiting for a program the way the engine does: the stack is complete when the program's code has returned, its
 * outputs have resolved, every resource registration it started has reached the monitor, and nothing it started
 * (a timer, a file read, a request) can start more.
 *
 * A program that can never get there fails by name. Pulumi's Node.js host knows a program is stuck when the event
 * loop empties while the program is still pending (`beforeExit`); so does the checker: every timer it polls with is
 * unref'd, so only the program's own work (and its registrations in flight) keeps the loop alive, and an empty loop
 * with the program pending means nothing can ever settle it (a promise nothing resolves). Exact, where a guess from
 * idle polling turns was not: work can progress through a channel that was open before the program started (a test
 * runner's module loading over its IPC pipe, a loader thread), with no handle of its own to see. In a process that
 * keeps its loop alive for other reasons (a test runner), the loop never empties and `timeoutSeconds` ends the wait.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import { ProgramError } from "./programError";
import type { ProgramWork } from "./programWork";

export interface AwaitProgramInput<T> {
  /** The program's run through to its resolved outputs. */
  result: Promise<T>;
  work: ProgramWork;
  /** Settles when every registration started so far has reached the monitor (Pulumi's waitForRPCs). */
  rpcsIdle: () => Promise<void>;
  /** What the result is still waiting for, for the message (the exported function, outputs by name). */
  waitingFor: () => string[];
  /** The first error the program raised outside the result (an unhandled rejection), if any. */
  failure: () => unknown;
  timeoutSeconds: number;
}

/** How long to wait before looking again while the program's own work is pending and no registration is in flight. */
const BUSY_WAIT_MS = 5;
/** How long one turn waits for the registrations in flight before looking again. */
const TURN_MS = 20;

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Settles after `ms` without keeping the event loop alive (so an empty loop is the program's, and says so). */
function unrefDelay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms).unref());
}

/** Whether the registrations in flight reach the monitor within `ms`. */
function rpcsIdleWithin(rpcsIdle: () => Promise<void>, ms: number): Promise<boolean> {
  return Promise.race([rpcsIdle().then(() => true, () => true), unrefDelay(ms).then(() => false)]);
}

export async function awaitProgram<T>(input: AwaitProgramInput<T>): Promise<T> {
  let outcome: { value: T } | { error: unknown } | undefined;
  input.result.then((value) => (outcome = { value }), (error: unknown) => (outcome = { error }));
  const deadline = Date.now() + input.timeoutSeconds * 1000;
  let loopEmptied = false;
  let wake = () => {};
  const emptied = new Promise<void>((done) => (wake = done));
  // Settling a promise here is the work that keeps the process going: the loop below reports and the command exits 3.
  const onEmptyLoop = () => {
    loopEmptied = true;
    wake();
  };
  process.on("beforeExit", onEmptyLoop);
  try {
    for (;;) {
      let rpcsDone = await Promise.race([rpcsIdleWithin(input.rpcsIdle, TURN_MS), emptied.then(() => false)]);
      if (loopEmptied) {
        // The loop also empties when the program has just finished and only this wait's unref'd timers were left:
        // the state is read once more (everything that can still happen without the loop happens before a turn).
        const turn = nextTurn();
        rpcsDone = await Promise.race([input.rpcsIdle().then(() => true, () => true), turn.then(() => false)]);
        // This wait's own setImmediate is not the program's work: let it pass before the program's is counted.
        await turn;
      } else {
        await nextTurn();
      }
      const failure = input.failure();
      if (failure !== undefined) {
        // An output that failed is named by the result; give it the turn it needs to say so.
        await nextTurn();
        if (outcome && "error" in outcome) throw outcome.error;
        throw failure;
      }
      if (outcome && "error" in outcome) throw outcome.error;
      const busy = input.work.pending();
      if (outcome && rpcsDone && busy.length === 0) return outcome.value;
      const waiting = [...(outcome ? [] : input.waitingFor()), ...(rpcsDone ? [] : ["resource registrations"])];
      if (loopEmptied) {
        throw new ProgramError(
          `the program never finishes: ${list(waiting)} ${waiting.length === 1 ? "is" : "are"} still pending, and nothing the program started (a timer, a file or network request) is still running to settle ${waiting.length === 1 ? "it" : "them"}; a promise that nothing resolves? (Pulumi's engine stops such a program too)`,
        );
      }
      if (Date.now() > deadline) {
        const pending = [...waiting, ...busy.map((b) => `${b} the program started`)];
        throw new ProgramError(`the program did not settle within --timeout ${input.timeoutSeconds} s; still pending: ${list(pending)}`);
      }
      // The program is waiting on its own work (a timer, a read): look again shortly rather than spin.
      if (rpcsDone) await Promise.race([unrefDelay(BUSY_WAIT_MS), emptied]);
    }
  } finally {
    process.off("beforeExit", onEmptyLoop);
  }
}
