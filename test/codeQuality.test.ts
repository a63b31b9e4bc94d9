/**
 * The GitLab Code Quality report (plan/codeQuality.ts): exact issues for a hand-made report, worked out by hand (which
 * findings become issues, their severity, location and fingerprint), checked against the fields GitLab documents as
 * required (docs.gitlab.com, "Code Quality report format"), and consistent with the SARIF log's fingerprints.
 */
import { createHash } from "node:crypto";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import type { EnforcedFinding } from "../policies/evaluate";
import { FINGERPRINT_KEY, sarifLog } from "../plan/ciFormats";
import { CODE_QUALITY_EXTENSION, codeQualityIssues, codeQualitySeverity, renderCodeQuality } from "../plan/codeQuality";
import type { PlanReport } from "../plan/report";

const URN = "urn:pulumi:dev::consumer-infra::aicluster:index:Campus::consumer";
const HALL = "urn:pulumi:dev::consumer-infra::aicluster:index:Hall::consumer-hall-a";

const finding = (over: Partial<EnforcedFinding>): EnforcedFinding => ({
  policy: "water-permit", status: "violation", enforcementLevel: "mandatory", resourceUrn: URN, resourceName: "consumer",
  budget: "annual water", message: "consumer: annual water 900 m³/yr exceeds the water permit of 500 m³/yr", remediation: "recycle blowdown", ...over,
});

const report = (findings: EnforcedFinding[]): PlanReport => ({
  project: "consumer-infra", stack: "dev", config: {}, resourceCount: 3, resourcesByType: [], tree: [], outputs: {}, budgets: [], years: [], monthly: [],
  findings, verdict: "fail", wallSeconds: 1,
  locations: { stackConfig: { file: "infra/Pulumi.dev.yaml" }, resources: { [URN]: { file: "infra/index.ts", line: 7 } } },
});

/** The fingerprint as ciFormats documents it, recomputed here: sha256 of policy, URN and budget joined by NUL, 32 hex digits. */
const sha = (...parts: string[]) => createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 32);

/** GitLab's documented required fields of a Code Quality issue, as a JSON schema. */
const GITLAB_ISSUE_SCHEMA = {
  type: "array",
  items: {
    type: "object",
    required: ["description", "check_name", "fingerprint", "severity", "location"],
    properties: {
      description: { type: "string", minLength: 1 },
      check_name: { type: "string", minLength: 1 },
      fingerprint: { type: "string", minLength: 1 },
      severity: { enum: ["info", "minor", "major", "critical", "blocker"] },
      location: {
        type: "object",
        required: ["path", "lines"],
        properties: { path: { type: "string", minLength: 1, not: { pattern: "^/" } }, lines: { type: "object", required: ["begin"], properties: { begin: { type: "integer", minimum: 1 } } } },
      },
    },
  },
};
const validate = new Ajv({ allErrors: true, strict: true }).compile(GITLAB_ISSUE_SCHEMA);

const mixed = [
  finding({}),
  finding({ policy: "carbon", enforcementLevel: "advisory", resourceUrn: HALL, resourceName: "consumer-hall-a", budget: "annual carbon", message: "hall-a: carbon 12 t over 10 t", remediation: "" }),
  finding({ policy: "pue-max", status: "not-applicable", budget: "PUE", message: "consumer: PUE unknown during preview", remediation: "run with known inputs" }),
  finding({ policy: "firm-power", status: "pass", budget: "firm power", message: "consumer: firm power holds" }),
  finding({ policy: "water-permit", budget: "peak water", message: "consumer: peak water over", exemption: { pattern: "consumer", reason: "second well permitted", expires: "2027-06-30" } }),
  finding({ policy: "energy-adequacy", enforcementLevel: "remediate", budget: "energy", message: "consumer: energy short", remediation: "add a contract",
    expiredExemption: { pattern: "consumer*", reason: "old waiver", expires: "2026-01-31" } }),
];

describe("codeQualityIssues", () => {
  it("gives one issue per blocking, advisory or not-applicable finding, exempted violations and passes left out, each exact", () => {
    expect(codeQualityIssues(report(mixed))).toEqual([
      {
        description: "consumer: annual water 900 m³/yr exceeds the water permit of 500 m³/yr Fix: recycle blowdown",
        check_name: "water-permit", fingerprint: "68f28a0452a723406a5a63558d5205af", severity: "blocker",
        location: { path: "infra/index.ts", lines: { begin: 7 } },
      },
      {
        // Advisory, no fix given; its resource has no recorded program line: the stack config file, line 1.
        description: "hall-a: carbon 12 t over 10 t",
        check_name: "carbon", fingerprint: sha("carbon", HALL, "annual carbon"), severity: "major",
        location: { path: "infra/Pulumi.dev.yaml", lines: { begin: 1 } },
      },
      {
        description: "consumer: PUE unknown during preview Fix: run with known inputs",
        check_name: "pue-max", fingerprint: sha("pue-max", URN, "PUE"), severity: "info",
        location: { path: "infra/index.ts", lines: { begin: 7 } },
      },
      {
        description: "consumer: energy short Fix: add a contract (exemption expired 2026-01-31: old waiver)",
        check_name: "energy-adequacy", fingerprint: sha("energy-adequacy", URN, "energy"), severity: "blocker",
        location: { path: "infra/index.ts", lines: { begin: 7 } },
      },
    ]);
  });

  it("uses the fingerprint ciFormats documents (sha256 of policy, URN, budget), the same as SARIF's aiclusterFinding/v2", () => {
    expect(sha("water-permit", URN, "annual water")).toBe("68f28a0452a723406a5a63558d5205af");
    const r = report(mixed);
    const sarif = sarifLog(r, undefined, { version: "0.0.0" }) as { runs: { results: { ruleId: string; partialFingerprints: Record<string, string>; suppressions?: unknown }[] }[] };
    const sarifPrints = sarif.runs[0].results.filter((x) => x.suppressions === undefined).map((x) => x.partialFingerprints[FINGERPRINT_KEY]);
    expect(codeQualityIssues(r).map((i) => i.fingerprint)).toEqual(sarifPrints);
  });

  it("maps severities: blocking violations blocker, advisory major, not-applicable info; passes, exempted and disabled-pass none", () => {
    expect(codeQualitySeverity({ status: "violation", enforcementLevel: "mandatory" })).toBe("blocker");
    expect(codeQualitySeverity({ status: "violation", enforcementLevel: "remediate" })).toBe("blocker");
    expect(codeQualitySeverity({ status: "violation", enforcementLevel: "advisory" })).toBe("major");
    expect(codeQualitySeverity({ status: "not-applicable", enforcementLevel: "mandatory" })).toBe("info");
    expect(codeQualitySeverity({ status: "pass", enforcementLevel: "mandatory" })).toBeUndefined();
    expect(codeQualitySeverity({ status: "violation", enforcementLevel: "advisory", exemption: { pattern: "*", reason: "r" } })).toBeUndefined();
  });

  it("without recorded locations points at this repository's stack config file, line 1", () => {
    const r = { ...report([finding({})]), locations: undefined };
    expect(codeQualityIssues(r)[0].location).toEqual({ path: "stacks/Pulumi.dev.yaml", lines: { begin: 1 } });
  });

  it("passes GitLab's required fields, with unique fingerprints", () => {
    const issues = codeQualityIssues(report(mixed));
    expect(validate(issues), JSON.stringify(validate.errors)).toBe(true);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    // The schema does reject what GitLab would: a missing line, an unknown severity.
    expect(validate([{ ...issues[0], location: { path: "infra/index.ts" } }])).toBe(false);
    expect(validate([{ ...issues[0], severity: "error" }])).toBe(false);
  });
});

describe("renderCodeQuality", () => {
  it("writes an empty array for a report without issues", () => {
    expect(renderCodeQuality(report([finding({ status: "pass" })]))).toBe("[]");
    expect(CODE_QUALITY_EXTENSION).toBe("codequality.json");
  });

  it("keeps a hostile message as data: JSON escapes for controls and line separators, the parsed text unchanged", () => {
    const message = "x\n::error::forged <!-- aicluster-plan:a/b --> \u2028\u001b[31m ##[error]legacy \"q\"";
    const text = renderCodeQuality(report([finding({ message, remediation: "" })]));
    expect(text).toBe([
      "[",
      "  {",
      `    "description": "x\\n::error::forged <!-- aicluster-plan:a/b --> \\u2028\\u001b[31m ##\\u005berror]legacy \\"q\\"",`,
      '    "check_name": "water-permit",',
      '    "fingerprint": "68f28a0452a723406a5a63558d5205af",',
      '    "severity": "blocker",',
      '    "location": {',
      '      "path": "infra/index.ts",',
      '      "lines": {',
      '        "begin": 7',
      "      }",
      "    }",
      "  }",
      "]",
    ].join("\n"));
    expect(text.split("\n").every((line) => !line.trimStart().startsWith("::"))).toBe(true);
    expect(JSON.parse(text)[0].description).toBe(message);
  });
});
