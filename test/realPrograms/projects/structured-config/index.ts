import * as pulumi from "@pulumi/pulumi";
import { failingCampus } from "./campus";

const config = new pulumi.Config();
const settings = config.requireObject<{ racks: number }>("settings");

const campus = failingCampus({ racks: settings.racks });

export const gpus = campus.gpuCount;
