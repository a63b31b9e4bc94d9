import * as pulumi from "@pulumi/pulumi";
import { failingCampus } from "./campus.js";

const campus = failingCampus({ name: `site-${pulumi.getStack()}` });

export const pue = campus.pue;
export const gpus = campus.gpuCount;
