/**
 * `pulumi-aicluster/aws`: the AWS realization of the model's GPU nodes (needs the optional peer @pulumi/aws).
 * Kept off the main entry so programs without AWS never load @pulumi/aws.
 */
export * from "./awsGpuCluster";
export { awsPilotModel, DEFAULT_AMI_SSM_PARAMETERS, FOOTPRINT_TAGS, MAX_PILOT_NODES, REQUIRED_INSTANCE_TAGS } from "./model";
export type { AwsPilotPlan, PlannedInterface, PlannedRack } from "./model";
