import * as pulumi from "@pulumi/pulumi";
import { failingCampus } from "./campus";

const campus = failingCampus();

export const token = pulumi.secret("hunter2");
export const pue = campus.pue;
