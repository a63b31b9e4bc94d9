import * as pulumi from "@pulumi/pulumi";
import { failingCampus } from "./campus";

const config = new pulumi.Config();

const campus = failingCampus({ racks: config.requireNumber("racks"), counterparty: config.require("counterparty") });

export const gpus = campus.gpuCount;
