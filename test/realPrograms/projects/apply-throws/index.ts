import { failingCampus } from "./campus";

const campus = failingCampus();

export const x = campus.pue.apply((p) => {
  if (p > 1.0) throw new Error("too high");
  return p;
});
