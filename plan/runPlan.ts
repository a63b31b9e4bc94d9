/** `runProgram` applied to this repository's stack program (stacks/index.ts): what `npm run plan` and the tests run. */
import stackMain from "../stacks";
import { PlanInput, PlanRun, runProgram } from "./runProgram";

export type { PlanInput, PlanRun } from "./runProgram";

export function runPlan(input: Omit<PlanInput, "program"> & { program?: PlanInput["program"] }): Promise<PlanRun> {
  return runProgram({ ...input, program: input.program ?? stackMain });
}
