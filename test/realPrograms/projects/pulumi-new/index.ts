import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { failingCampus } from "./campus";

// Create an AWS resource (S3 Bucket)
const bucket = new aws.s3.Bucket("my-bucket");

// Export the name of the bucket
export const bucketName = bucket.id;

// The team's campus, added to the template's program.
const campus = failingCampus({ name: `${pulumi.getProject()}-${pulumi.getStack()}` });
export const pue = campus.pue;
