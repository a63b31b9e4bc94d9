/**
 * AWS pilot rules over the instances AwsGpuCluster builds: aws-instance-type (the type's GPUs are the declared
 * accelerator), aws-footprint-tags (the footprint tags are there, IT kW a positive number) and aws-pilot-size
 * (instances per pilot within the cap). The cases over the component's own variants stay in test/aws.test.ts.
 */
import { describe, expect, it } from "vitest";
import { changed, compliantViews, findingsOf, summary } from "./fixture";

const N1 = "fx-pilot-air-r0001-n1";
const N2 = "fx-pilot-air-r0001-n2";

describe("aws-instance-type", () => {
  it("compliant: both B200 instances run p6-b200.48xlarge, whose GPUs are B200", async () => {
    expect(summary(findingsOf("aws-instance-type", await compliantViews()))).toEqual([
      [N1, "pass", "mandatory", `${N1}: instance type p6-b200.48xlarge carries b200 GPUs, as declared`],
      [N2, "pass", "mandatory", `${N2}: instance type p6-b200.48xlarge carries b200 GPUs, as declared`],
    ]);
  });

  it("non-compliant: an instance declaring B200 on p5.48xlarge, whose GPUs are H100", async () => {
    const findings = findingsOf("aws-instance-type", changed(await compliantViews(), N1, "instanceType", "p5.48xlarge"));
    expect(summary(findings.filter((f) => f.resourceName === N1))).toEqual([
      [N1, "violation", "mandatory", `${N1}: instance type p5.48xlarge carries h100-sxm GPUs, but the instance declares b200`],
    ]);
  });

  it("non-compliant: a tagged instance on a type that is not a GPU type of the catalog", async () => {
    const findings = findingsOf("aws-instance-type", changed(await compliantViews(), N2, "instanceType", "m7i.large"));
    expect(summary(findings.filter((f) => f.resourceName === N2))).toEqual([
      [N2, "violation", "mandatory", `${N2}: instance type m7i.large is not a GPU type in the catalog (known: p5.48xlarge, p5e.48xlarge, p5en.48xlarge, p6-b200.48xlarge, p6e-gb200.36xlarge)`],
    ]);
  });

  it("not applicable without the accelerator tag", async () => {
    const findings = findingsOf("aws-instance-type", changed(await compliantViews(), N1, ["tags", "aicluster:accelerator"], undefined));
    expect(summary(findings.filter((f) => f.resourceName === N1))).toEqual([
      [N1, "not-applicable", "mandatory", `${N1}: not applicable, tag aicluster:accelerator not known (yet)`],
    ]);
  });
});

describe("aws-footprint-tags", () => {
  it("compliant: both instances carry every footprint tag", async () => {
    expect(summary(findingsOf("aws-footprint-tags", await compliantViews()))).toEqual([
      [N1, "pass", "mandatory", `${N1}: footprint tags present`],
      [N2, "pass", "mandatory", `${N2}: footprint tags present`],
    ]);
  });

  it("non-compliant: an instance without its hall tag", async () => {
    const findings = findingsOf("aws-footprint-tags", changed(await compliantViews(), N1, ["tags", "aicluster:hall"], undefined));
    expect(summary(findings.filter((f) => f.status !== "pass"))).toEqual([[N1, "violation", "mandatory", `${N1}: footprint tags missing aicluster:hall`]]);
  });

  it("non-compliant: an IT kW tag of 0, not a positive number of kW", async () => {
    const findings = findingsOf("aws-footprint-tags", changed(await compliantViews(), N2, ["tags", "aicluster:it-kw"], "0"));
    expect(summary(findings.filter((f) => f.status !== "pass"))).toEqual([[N2, "violation", "mandatory", `${N2}: footprint tags aicluster:it-kw = "0" is not a positive number of kW`]]);
  });
});

describe("aws-pilot-size", () => {
  it("compliant: 2 instances within the default cap of 16", async () => {
    expect(summary(findingsOf("aws-pilot-size", await compliantViews()))).toEqual([["fx-pilot", "pass", "mandatory", "fx-pilot: pilot instances 2 instances within the maximum of 16 instances"]]);
  });

  it("non-compliant: 2 instances above a cap of 1", async () => {
    const findings = findingsOf("aws-pilot-size", await compliantViews(), { "aws-pilot-size": { maxPilotNodes: 1 } });
    expect(summary(findings)).toEqual([["fx-pilot", "violation", "mandatory", "fx-pilot: the pilot launches 2 instances, above the cap of 1"]]);
    expect(findings[0]).toMatchObject({ measured: 2, limit: 1, unit: "instances" });
  });
});
