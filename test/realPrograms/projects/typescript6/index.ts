import { failingCampus } from "./campus";

const campus = failingCampus();

export const pue = campus.pue;
