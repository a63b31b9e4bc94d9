import * as random from "@pulumi/random";
import { failingCampus } from "./campus";

const campus = failingCampus();

export const hex = new random.RandomId("suffix", { byteLength: 4 }).hex;
export const pue = campus.pue;
