/** The aicluster policy pack: `pulumi preview --policy-pack policies`. Only instantiates; the rules live in ./rules. */
import { PolicyPack } from "@pulumi/policy";
import { STACK_POLICIES } from "./stackPolicies";

new PolicyPack("aicluster", { policies: STACK_POLICIES });
