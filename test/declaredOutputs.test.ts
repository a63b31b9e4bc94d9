/**
 * Each footprint field is declared once, in the model's footprint (the outputs derive from it,
 * components/model/published.ts); each class's `declare readonly x: pulumi.Output<...>` members, which Pulumi's
 * component-package analyzer reads (it sees only fields a class declares itself), are generated from it by
 * scripts/outputs.ts (test/outputsGenerated.test.ts fails when they are stale). The two are held together at compile
 * time in both directions all the same: `implements OutputsOf<...>` on each class (published but not declared fails),
 * and the checks below (declared but not published fails). test/componentPackage.test.ts checks the same against the
 * schema and what the engine registers.
 */
import type * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import type { AirCooledRack, Campus, CoolingPlant, DataHall, GpuNodePool, LiquidCooledRack, PowerContract } from "../components";
import type * as published from "../components/model/published";
import type { PublishedByType } from "../components/model/published";
import { TYPE_TOKENS } from "../components/model/typeTokens";

/** The Output properties a class declares beyond those every ComponentResource has (`urn`). */
type DeclaredOutputs<C> = Exclude<{ [K in keyof C]-?: C[K] extends pulumi.Output<unknown> ? K : never }[keyof C], keyof pulumi.ComponentResource>;
/** `true` when every Output the class declares is a field it publishes. */
type NoUndeclaredExtra<C, O> = [Exclude<DeclaredOutputs<C>, keyof O>] extends [never] ? true : false;

const checks: true[] = [
  true satisfies NoUndeclaredExtra<Campus, published.CampusOutputs>,
  true satisfies NoUndeclaredExtra<DataHall, published.DataHallOutputs>,
  true satisfies NoUndeclaredExtra<LiquidCooledRack, published.LiquidCooledRackOutputs>,
  true satisfies NoUndeclaredExtra<AirCooledRack, published.AirCooledRackOutputs>,
  true satisfies NoUndeclaredExtra<GpuNodePool, published.GpuNodePoolOutputs>,
  true satisfies NoUndeclaredExtra<CoolingPlant, published.CoolingPlantOutputs>,
  true satisfies NoUndeclaredExtra<PowerContract, published.PowerContractOutputs>,
];

/** A class that declares an Output it does not publish: the check must catch it. */
declare class Drifted {
  readonly urn: pulumi.Output<string>;
  readonly gpuCount: pulumi.Output<number>;
  readonly renamedField: pulumi.Output<number>;
}

describe("declared outputs", () => {
  it("every Output a component class declares is a field its footprint publishes (compile-time, both directions)", () => {
    expect(checks).toHaveLength(7);
    // The checks are not vacuous: the classes' declared Outputs are seen (a field name, not never).
    const seen: DeclaredOutputs<Campus>[] = ["pue", "waterM3PerYear"];
    expect(seen).toHaveLength(2);
    // @ts-expect-error: Drifted declares renamedField, which GpuNodePoolOutputs does not have
    const drifted: NoUndeclaredExtra<Drifted, published.GpuNodePoolOutputs> = true;
    expect(drifted).toBe(true);
  });

  it("every component token has its published outputs", () => {
    const tokens: (keyof PublishedByType)[] = [
      TYPE_TOKENS.campus, TYPE_TOKENS.dataHall, TYPE_TOKENS.liquidRack, TYPE_TOKENS.airRack, TYPE_TOKENS.nodePool, TYPE_TOKENS.coolingPlant, TYPE_TOKENS.powerContract,
    ];
    expect(new Set(tokens).size).toBe(Object.keys(TYPE_TOKENS).length - 1); // all but the AWS pilot, whose outputs are its own
  });
});
