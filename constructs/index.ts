/**
 * `pulumi-aicluster/constructs`: the building blocks as constructs (the `constructs` 10 tree AWS CDK and cdk8s are
 * built on), with the same args and footprints as the Pulumi components and the same rules at synthesis. Needs the
 * optional peer `constructs`; never loads @pulumi/pulumi or aws-cdk-lib (that is `pulumi-aicluster/cdk`).
 */
export { Campus } from "./campus";
export type { CampusArgs, CampusFootprint, CampusHallArgs, CampusOutputs, CampusPowerContractArgs } from "./campus";
export { DataHall } from "./dataHall";
export type { DataHallArgs, DataHallFootprint, DataHallOutputs, HallDesignArgs, HallRackGroupArgs } from "./dataHall";
export { AirCooledRack, LiquidCooledRack, RackGroupConstruct } from "./rackGroup";
export type { AirCooledRackArgs, LiquidCooledRackArgs, RackGroupArgs, RackGroupFootprint, RackGroupOutputs } from "./rackGroup";
export { CoolingPlant } from "./coolingPlant";
export type { CoolingPlantArgs, CoolingPlantFootprint } from "./coolingPlant";
export { PowerContract } from "./powerContract";
export type { PowerContractArgs, PowerContractFootprint } from "./powerContract";
export { GpuNodePool } from "./gpuNodePool";
export type { GpuNodePoolArgs, GpuNodePoolFootprint } from "./gpuNodePool";
export { AiclusterConstruct } from "./base";
export type { AiclusterConstructOptions } from "./base";
export { ADVISORY_METADATA, evaluateTree, policyEvaluationOf, violationMessage } from "./validation";
export type { AdvisoryNote, AdvisoryReporter, PolicyOptions } from "./validation";
export { isAiclusterConstruct, viewsOf } from "./tree";
export type { IAiclusterConstruct } from "./tree";
export { AiclusterConstructInputError } from "./errors";
export { AiclusterInputError, isAiclusterInputError } from "../components/model/inputError";
export type { InputProblem } from "../components/catalog/issues";
export { fixedClock } from "../policies/exemptions";
export type { Clock, EnforcedFinding, PackConfig, PolicyEvaluation } from "../policies/evaluate";
