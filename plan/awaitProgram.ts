/**
 * Waiting for a program the way the engine does: the stack is complete when the program's code has returned, its
 * outputs have resolved, every resource registration it started has reached the monitor, and nothing it started
 * (a timer, a file read, a request) can start more. A program that can never get there fails by name, at once when
 * nothing it started is still running (a promise nothing resolves), else at the timeout, saying what is pending.
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
  /** Resources registered so far: progress, so a long registration is not taken for a hang. */
  registered: () => number;
  /** What the result is still waiting for, for the message (the exported function, outputs by name). */
  waitingFor: () => string[];
  /** The first error the program raised outside the result (an unhandled rejection), if any. */
  failure: () => unknown;
  timeoutSeconds: number;
}

/** Consecutive idle turns (no pending work, no progress) after which an unsettled program is taken to never settle. */
const IDLE_TURNS = 3;
/** How long to wait before looking again while the program's own work is pending and no registration is in flight. */
const BUSY_WAIT_MS = 5;
/** How long one turn waits for the registrations in flight before looking again. */
const TURN_MS = 20;

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Whether the registrations in flight reach the monitor within `ms`; the timer is cleared, so it is never counted as work. */
function rpcsIdleWithin(rpcsIdle: () => Promise<void>, ms: number): Promise<boolean> {
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), ms);
    rpcsIdle().then(() => {
      clearTimeout(timer);
      done(true);
    }, () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

export async function awaitProgram<T>(input: AwaitProgramInput<T>): Promise<T> {
  let outcome: { value: T } | { error: unknown } | undefined;
  input.result.then((value) => (outcome = { value }), (error: unknown) => (outcome = { error }));
  const deadline = Date.now() + input.timeoutSeconds * 1000;
  let idleTurns = 0;
  let lastProgress = -1;
  for (;;) {
    const rpcsDone = await rpcsIdleWithin(input.rpcsIdle, TURN_MS);
    await nextTurn();
    const failure = input.failure();
    if (failure !== undefined) {
      // An output that failed is named by the result; give it the turn it needs to say so.
      await nextTurn();
      if (outcome && "error" in outcome) throw outcome.error;
      throw failure;
    }
    if (outcome && "error" in outcome) throw outcome.error;
    const busy = input.work.pending();
    if (outcome && rpcsDone && busy.length === 0) break;
    const progress = input.registered() + input.waitingFor().length * 1e9;
    const waiting = [...(outcome ? [] : input.waitingFor()), ...(rpcsDone ? [] : ["resource registrations"])];
    if (busy.length === 0) {
      idleTurns = progress === lastProgress ? idleTurns + 1 : 0;
      if (idleTurns >= IDLE_TURNS) {
        throw new ProgramError(
          `the program never finishes: ${list(waiting)} ${waiting.length === 1 ? "is" : "are"} still pending, and nothing the program started (a timer, a file or network request) is still running to settle ${waiting.length === 1 ? "it" : "them"}; a promise that nothing resolves? (Pulumi's engine stops such a program too)`,
        );
      }
    } else {
      idleTurns = 0;
    }
    lastProgress = progress;
    // The program is waiting on its own work (a timer, a read): look again shortly rather than spin.
    if (rpcsDone) await new Promise((done) => setTimeout(done, BUSY_WAIT_MS));
    if (Date.now() > deadline) {
      const pending = [...waiting, ...busy.map((b) => `${b} the program started`)];
      throw new ProgramError(`the program did not settle within --timeout ${input.timeoutSeconds} s; still pending: ${list(pending)}`);
    }
  }
  return (outcome as { value: T }).value;
}
