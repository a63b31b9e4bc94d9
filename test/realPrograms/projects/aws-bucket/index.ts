import * as aws from "@pulumi/aws";
import { failingCampus } from "./campus";

const campus = failingCampus();

export const logsArn = new aws.s3.Bucket("logs").arn;
export const pue = campus.pue;
