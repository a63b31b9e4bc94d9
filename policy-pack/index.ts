/**
 * The aicluster policy pack: every budget rule of pulumi-aicluster as a stack validation (stack validations see each
 * component's published footprint). Settings: `--policy-pack-config policy-config.json`; see README.md.
 */
import { PolicyPack } from "@pulumi/policy";
import { STACK_POLICIES } from "pulumi-aicluster/policies/pack";

new PolicyPack("aicluster", { policies: STACK_POLICIES });
