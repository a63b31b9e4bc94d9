/**
 * Ending the command without losing output. `process.exit` right after a large write to a pipe drops whatever the
 * pipe has not taken yet (a pipe holds 64 KiB, so `aicluster check --format json | jq` read a cut document). The
 * exit code is set first, then the process waits until stdout and stderr have handed everything to the OS, and only
 * then exits (explicitly, since a user's program may have left a timer or a socket open).
 */

/** Settles once everything written to `stream` before the call has been flushed (or the reader has gone). */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((done) => {
    if (stream.destroyed || !stream.writable) return done();
    // A reader that went away (`| head`) is not the command's failure: its output was not wanted.
    stream.once("error", () => done());
    stream.write("", () => done());
  });
}

export async function exitWhenFlushed(code: number): Promise<void> {
  process.exitCode = code;
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

/**
 * Runs the command's main function to an exit code, guarded: if Node's event loop empties while it is still pending
 * (a promise nothing will resolve), the process would otherwise exit 0 with nothing said. It exits 3, saying so.
 */
export function runCommand(main: () => Promise<number>, what: string): void {
  // Until main() gives its code, any way out of the process is a failure: an exit nobody chose is 3, never 0.
  process.exitCode = 3;
  let finished = false;
  const onEmptyLoop = () => {
    // The checker's own wait for the program listens for an empty loop too and turns it into the program's error;
    // only when no such wait is listening is the run stuck outside the program.
    if (finished || process.listenerCount("beforeExit") > 1) return;
    finished = true;
    console.error(`error: ${what} stopped without a verdict: it was waiting for something that can never happen (a promise nothing resolves); this is a bug in aicluster or in the program, please report it`);
    void exitWhenFlushed(3);
  };
  process.on("beforeExit", onEmptyLoop);
  void main().then((code) => {
    finished = true;
    process.off("beforeExit", onEmptyLoop);
    return exitWhenFlushed(code);
  });
}
