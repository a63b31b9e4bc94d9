import * as pulumi from "@pulumi/pulumi";
import { failingCampus } from "./campus";

const config = new pulumi.Config();
const campus = failingCampus();

export const token = config.requireSecret("token");
export const pue = campus.pue;
