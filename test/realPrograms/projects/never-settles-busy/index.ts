import { failingCampus } from "./campus";

// A poller that never gets its answer: the timer keeps the process busy, so only --timeout ends the run.
export default async () => {
  const campus = failingCampus();
  await new Promise<void>(() => {
    setInterval(() => undefined, 250);
  });
  return { pue: campus.pue };
};
