import * as pulumi from "@pulumi/pulumi";
import { failingCampus } from "./campus";

const network = new pulumi.StackReference("acme/network/prod");
const campus = failingCampus();

export const vpcId = network.getOutput("vpcId");
export const pue = campus.pue;
