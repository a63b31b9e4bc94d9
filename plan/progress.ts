/** A progress line on stderr, shown only once a run has taken more than a couple of seconds (stdout stays clean for JSON). */
import { count } from "../components/format/numbers";

export const PROGRESS_AFTER_MS = 2000;

export function progressReporter(label: string, stream: NodeJS.WriteStream = process.stderr, counted = "resources registered") {
  const started = Date.now();
  let shown = false;
  let last = 0;
  return {
    update(registered: number): void {
      const now = Date.now();
      const ms = now - started;
      if (ms < PROGRESS_AFTER_MS || now - last < 1000) return;
      last = now;
      const line = `${label}: ${counted}: ${count(registered)} after ${count(Math.round(ms / 1000))} s`;
      if (stream.isTTY) stream.write(`\r${line}`);
      else stream.write(`${line}\n`);
      shown = true;
    },
    done(): void {
      if (shown && stream.isTTY) stream.write("\n");
    },
  };
}
