/**
 * The money rules on a campus's finance (issue 35): capex-budget's total cost of ownership and present value of
 * cost, unit-cost's levelised cost per GPU-hour, and the financing rule's caps on the capex the operator carries on
 * its balance sheet (each year's `ownerOnBalanceSheetCapexUsd`, and their sum over the horizon). Each is off by
 * default; a budget equal to the figure passes and a dollar (or a cent) less fails, at the estimate chosen; a campus
 * that published no finance (or no balance-sheet column: one from before issue 35) is not applicable, never a pass.
 * The campuses are hand-made views (what the pack sees of a campus's registered outputs), not the model, so the
 * figures are exact.
 */
import { describe, expect, it } from "vitest";
import { evaluateRules, hasMandatoryViolation, PolicyConfigError, resolvePackConfig } from "../policies/evaluate";
import { capexBudget, financing, RULES, unitCost } from "../policies/rules";
import type { Rule } from "../policies/rule";
import { TYPES, type ResourceView } from "../policies/view";

const range = (low: number, base: number, high: number) => ({ low, base, high });

/** A cost-ledger row with only what the rules read (and a capex the balance-sheet column is part of). */
const row = (year: number | undefined, onBooks: { low: number; base: number; high: number }) => ({
  ...(year === undefined ? {} : { year }),
  capexUsd: range(onBooks.low * 2, onBooks.base * 2, onBooks.high * 2),
  ownerOnBalanceSheetCapexUsd: onBooks,
});

/** The money a campus publishes (components/finance/types.ts), the fields the rules read. */
const FINANCE = {
  structure: "sale-leaseback",
  costOfCapital: "hyperscaler-wacc",
  discountRate: { low: 0.06, base: 0.08, high: 0.1 },
  presentValueYear: 2027,
  tcoUsd: range(900e6, 1.2e9, 1.5e9),
  presentValueCostUsd: range(700e6, 950e6, 1.2e9),
  levelisedCostUsdPerGpuHour: range(1.5, 2.1, 2.75),
};

/** Campus `c`, 2027-2029: on its books $100M, $300M and $50M (base), $450M over the horizon. */
function campus(props: Record<string, unknown> = {}, name = "c"): ResourceView {
  return {
    type: TYPES.campus,
    urn: `urn:pulumi:dev::p::aicluster:index:Campus::${name}`,
    name,
    props: {
      costMissing: [],
      capexUsd: range(400e6, 900e6, 1.4e9),
      costYears: [row(2027, range(80e6, 100e6, 120e6)), row(2028, range(250e6, 300e6, 350e6)), row(2029, range(40e6, 50e6, 60e6))],
      finance: FINANCE,
      ...props,
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const run = (rule: Rule<any>, config: Record<string, unknown>, views: ResourceView[] = [campus()]) =>
  evaluateRules(views, { [rule.name]: config } as never, [rule]);
const brief = (findings: ReturnType<typeof run>) => findings.map((f) => [f.status, f.message]);

/** The message of a config error for one rule's settings, as a program giving them sees it. */
function configError(config: Record<string, unknown>): string {
  try {
    resolvePackConfig(config, RULES);
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyConfigError);
    return (e as Error).message;
  }
  throw new Error("expected a PolicyConfigError");
}

describe("capex-budget: total cost of ownership", () => {
  it("is off by default, and with both finance budgets \"off\"", () => {
    expect(run(capexBudget, {})).toEqual([]);
    expect(run(capexBudget, { maxTcoUsd: "off", maxPresentValueCostUsd: "off" })).toEqual([]);
  });

  it("passes at a budget equal to the TCO; a dollar less fails, at mandatory, naming the TCO, the budget and the excess", () => {
    expect(run(capexBudget, { maxTcoUsd: 1.2e9 }).map((f) => [f.status, f.enforcementLevel, f.budget, f.measured, f.limit, f.unit, f.message])).toEqual([
      ["pass", "mandatory", "total cost of ownership over the horizon (base)", 1.2e9, 1.2e9, "USD",
        "c: total cost of ownership over the horizon (base) 1,200,000,000 USD within the maximum of 1,200,000,000 USD"],
    ]);
    const tight = run(capexBudget, { maxTcoUsd: 1.2e9 - 1 });
    expect(tight.map((f) => [f.status, f.enforcementLevel, f.measured, f.limit, f.bound])).toEqual([["violation", "mandatory", 1.2e9, 1.2e9 - 1, "max"]]);
    expect(tight[0].message).toBe("c: total cost of ownership over the horizon $1.20B (base) exceeds the budget of $1.20B by $1.00");
    expect(tight[0].remediation).toBe("build fewer or cheaper racks, buy cheaper energy, refresh hardware less often, or raise the budget");
    expect(hasMandatoryViolation(tight)).toBe(true);
  });

  it("checks the estimate chosen: $1.3B passes at low ($900M), fails at base ($1.2B) only by the base figure, and at high ($1.5B)", () => {
    expect(brief(run(capexBudget, { maxTcoUsd: 1e9, estimate: "low" }))).toEqual([["pass", "c: total cost of ownership over the horizon (low) 900,000,000 USD within the maximum of 1,000,000,000 USD"]]);
    expect(brief(run(capexBudget, { maxTcoUsd: 1e9 }))).toEqual([["violation", "c: total cost of ownership over the horizon $1.20B (base) exceeds the budget of $1.00B by $200M"]]);
    expect(brief(run(capexBudget, { maxTcoUsd: 1.3e9, estimate: "high" }))).toEqual([["violation", "c: total cost of ownership over the horizon $1.50B (high) exceeds the budget of $1.30B by $200M"]]);
  });

  it("treats 0 as a real budget", () => {
    expect(run(capexBudget, { maxTcoUsd: 0 }).map((f) => [f.status, f.message])).toEqual([
      ["violation", "c: total cost of ownership over the horizon $1.20B (base) exceeds the budget of $0 by $1.20B"],
    ]);
  });
});

describe("capex-budget: present value of cost", () => {
  it("passes at a budget equal to the present value; a dollar less fails, naming the base discount rate it is at", () => {
    expect(brief(run(capexBudget, { maxPresentValueCostUsd: 950e6 }))).toEqual([["pass", "c: present value of cost (base) 950,000,000 USD within the maximum of 950,000,000 USD"]]);
    const tight = run(capexBudget, { maxPresentValueCostUsd: 950e6 - 1 });
    expect(brief(tight)).toEqual([[
      "violation",
      'c: present value of the horizon\'s cost $950M (base, at the base discount rate of 8 % a year (cost of capital "hyperscaler-wacc")) exceeds the budget of $950M by $1.00',
    ]]);
    expect(tight[0]).toMatchObject({ budget: "present value of cost (base)", measured: 950e6, limit: 950e6 - 1, unit: "USD" });
  });

  it("reads the estimate's end of the present value, still at the base discount rate (present values are at the base rate)", () => {
    expect(brief(run(capexBudget, { maxPresentValueCostUsd: 1e9, estimate: "high" }))).toEqual([[
      "violation",
      'c: present value of the horizon\'s cost $1.20B (high, at the base discount rate of 8 % a year (cost of capital "hyperscaler-wacc")) exceeds the budget of $1.00B by $200M',
    ]]);
    expect(run(capexBudget, { maxPresentValueCostUsd: 1e9, estimate: "low" }).map((f) => [f.status, f.measured])).toEqual([["pass", 700e6]]);
  });

  it("says a stated rate is the campus's own, and leaves the rate out when none is published", () => {
    const stated = campus({ finance: { ...FINANCE, costOfCapital: "stated" } });
    expect(run(capexBudget, { maxPresentValueCostUsd: 1 }, [stated])[0].message).toBe(
      "c: present value of the horizon's cost $950M (base, at the base discount rate of 8 % a year (stated by the campus)) exceeds the budget of $1.00 by $950M",
    );
    const { discountRate: _r, ...noRate } = FINANCE;
    expect(run(capexBudget, { maxPresentValueCostUsd: 1 }, [campus({ finance: noRate })])[0].message).toBe(
      "c: present value of the horizon's cost $950M (base) exceeds the budget of $1.00 by $950M",
    );
  });
});

describe("capex-budget: with the other budgets, and campuses without finance", () => {
  it("reports each budget set, capex first, in the order of its settings", () => {
    const findings = run(capexBudget, { maxCapexUsd: 1e9, maxCapexUsdPerYear: 1e9, maxTcoUsd: 1e9, maxPresentValueCostUsd: 1e9 });
    expect(findings.map((f) => [f.status, f.budget])).toEqual([
      ["pass", "capex over the horizon (base)"],
      ["pass", "capex in a year (base)"],
      ["violation", "total cost of ownership over the horizon (base)"],
      ["pass", "present value of cost (base)"],
    ]);
  });

  it("is not applicable, never a pass, for a campus that published no finance (older campuses), or not that figure", () => {
    const { finance: _f, ...older } = campus().props;
    const view = { ...campus(), props: older };
    expect(brief(run(capexBudget, { maxTcoUsd: 1e13, maxPresentValueCostUsd: 1e13 }, [view]))).toEqual([
      ["not-applicable", "c: not applicable, finance (tcoUsd) not known (yet)"],
      ["not-applicable", "c: not applicable, finance (presentValueCostUsd) not known (yet)"],
    ]);
    // The capex budgets still run on such a campus.
    expect(run(capexBudget, { maxCapexUsd: 1e13, maxTcoUsd: 1e13 }, [view]).map((f) => f.status)).toEqual(["pass", "not-applicable"]);
    // Unknown during preview (the engine's unknown), or a range that is not three numbers.
    const partial = campus({ finance: { ...FINANCE, tcoUsd: { low: 1, base: "2" } } });
    expect(run(capexBudget, { maxTcoUsd: 1e13 }, [partial]).map((f) => f.status)).toEqual(["not-applicable"]);
    expect(run(capexBudget, { maxTcoUsd: 1e13 }, [campus({ finance: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" })]).map((f) => f.status)).toEqual(["not-applicable"]);
  });

  it("fails an incomplete cost whichever budget is set, the finance ones included", () => {
    const unpriced = campus({ costMissing: ['rack design "x-rack" (rackHardwareCosts)'] });
    for (const config of [{ maxTcoUsd: 1e13 }, { maxPresentValueCostUsd: 1e13 }]) {
      expect(brief(run(capexBudget, config, [unpriced]))).toEqual([
        ["violation", 'c: capex cannot be checked against its budget: the cost catalog has no price for rack design "x-rack" (rackHardwareCosts)'],
      ]);
    }
  });
});

describe("unit-cost: levelised cost per GPU-hour", () => {
  it("is off by default", () => {
    expect(run(unitCost, {})).toEqual([]);
    expect(run(unitCost, { maxLevelisedUsdPerGpuHour: "off" })).toEqual([]);
  });

  it("passes at a cap equal to the levelised cost; a cent less fails, at advisory, naming the cost, the cap and the discount rate", () => {
    expect(run(unitCost, { maxLevelisedUsdPerGpuHour: 2.1 }).map((f) => [f.status, f.enforcementLevel, f.budget, f.measured, f.limit, f.message])).toEqual([
      ["pass", "advisory", "levelised cost per GPU-hour (base)", 2.1, 2.1, "c: levelised cost per GPU-hour (base) 2.1 USD within the maximum of 2.1 USD"],
    ]);
    const tight = run(unitCost, { maxLevelisedUsdPerGpuHour: 2.09 });
    expect(tight.map((f) => [f.status, f.enforcementLevel, f.measured, f.limit])).toEqual([["violation", "advisory", 2.1, 2.09]]);
    expect(tight[0].message).toBe('c: levelised cost per GPU-hour over the horizon $2.10 (base, at the base discount rate of 8 % a year (cost of capital "hyperscaler-wacc")) exceeds the cap of $2.09');
    expect(tight[0].remediation).toBe("raise utilisation, choose cheaper hardware or energy, or finance at a lower cost of capital");
    expect(hasMandatoryViolation(tight)).toBe(false);
  });

  it("pairs the estimate with the discount rate's same end: high prices at the high rate", () => {
    expect(brief(run(unitCost, { maxLevelisedUsdPerGpuHour: 2.5, estimate: "high" }))).toEqual([[
      "violation",
      'c: levelised cost per GPU-hour over the horizon $2.75 (high, at the high discount rate of 10 % a year (cost of capital "hyperscaler-wacc")) exceeds the cap of $2.50',
    ]]);
    expect(run(unitCost, { maxLevelisedUsdPerGpuHour: 2, estimate: "low" }).map((f) => [f.status, f.measured])).toEqual([["pass", 1.5]]);
  });

  it("runs beside the other caps, and is not applicable for a campus without finance", () => {
    const findings = run(unitCost, { maxUsdPerGpuHour: 5, maxLevelisedUsdPerGpuHour: 5 }, [campus({ costUsdPerGpuHour: range(1, 1.8, 2.5) })]);
    expect(findings.map((f) => [f.status, f.budget])).toEqual([["pass", "cost per GPU-hour (base)"], ["pass", "levelised cost per GPU-hour (base)"]]);
    const { finance: _f, ...older } = campus().props;
    expect(brief(run(unitCost, { maxLevelisedUsdPerGpuHour: 5 }, [{ ...campus(), props: older }]))).toEqual([
      ["not-applicable", "c: not applicable, finance (levelisedCostUsdPerGpuHour) not known (yet)"],
    ]);
  });
});

describe("financing: capex on the operator's balance sheet", () => {
  it("is off by default, mandatory and of high severity when on", () => {
    expect(run(financing, {})).toEqual([]);
    expect(run(financing, { maxOwnerOnBalanceSheetCapexUsdPerYear: "off", maxOwnerOnBalanceSheetCapexUsd: "off" })).toEqual([]);
    expect([financing.enforcementLevel, financing.severity]).toEqual(["mandatory", "high"]);
    expect(financing.remediationSteps).toBe("Bring in a joint-venture partner to fund part of the facility, sell facility assets and lease them back, phase the halls over more years, or raise the cap.");
    expect(evaluateRules([campus()]).filter((f) => f.policy === "financing")).toEqual([]); // the whole pack at defaults
  });

  it("yearly cap: equal to the largest year passes on that (tightest) year; a dollar less fails, naming the year", () => {
    expect(run(financing, { maxOwnerOnBalanceSheetCapexUsdPerYear: 300e6 }).map((f) => [f.status, f.year, f.budget, f.measured, f.limit, f.message])).toEqual([
      ["pass", 2028, "capex on the operator's balance sheet in a year (base)", 300e6, 300e6,
        "c: capex on the operator's balance sheet in a year (base) 300,000,000 USD (2028) within the maximum of 300,000,000 USD"],
    ]);
    const tight = run(financing, { maxOwnerOnBalanceSheetCapexUsdPerYear: 300e6 - 1 });
    expect(tight.map((f) => [f.status, f.enforcementLevel, f.year, f.at, f.measured, f.limit])).toEqual([["violation", "mandatory", 2028, "2028", 300e6, 300e6 - 1]]);
    expect(tight[0].message).toBe("c in 2028: capex on the operator's balance sheet $300M (base) exceeds the yearly cap of $300M by $1.00 (financed: sale-leaseback)");
    expect(tight[0].remediation).toBe("phase the halls over more years, bring in a joint-venture partner for the facility, sell and lease back facility assets, or raise the yearly cap");
    expect(hasMandatoryViolation(tight)).toBe(true);
  });

  it("yearly cap: names the first failing year and every failing year, at the estimate chosen", () => {
    expect(brief(run(financing, { maxOwnerOnBalanceSheetCapexUsdPerYear: 70e6 }))).toEqual([[
      "violation", "c in 2027: capex on the operator's balance sheet $100M (base) exceeds the yearly cap of $70.0M by $30.0M (failing in 2027-2028) (financed: sale-leaseback)",
    ]]);
    expect(brief(run(financing, { maxOwnerOnBalanceSheetCapexUsdPerYear: 55e6, estimate: "high" }))).toEqual([[
      "violation", "c in 2027: capex on the operator's balance sheet $120M (high) exceeds the yearly cap of $55.0M by $65.0M (failing in 2027-2029) (financed: sale-leaseback)",
    ]]);
    expect(run(financing, { maxOwnerOnBalanceSheetCapexUsdPerYear: 250e6, estimate: "low" }).map((f) => [f.status, f.year, f.measured])).toEqual([["pass", 2028, 250e6]]);
  });

  it("horizon cap: the sum of the years; equal passes, a dollar less fails; the estimate chosen", () => {
    expect(brief(run(financing, { maxOwnerOnBalanceSheetCapexUsd: 450e6 }))).toEqual([
      ["pass", "c: capex on the operator's balance sheet over the horizon (base) 450,000,000 USD within the maximum of 450,000,000 USD"],
    ]);
    const tight = run(financing, { maxOwnerOnBalanceSheetCapexUsd: 450e6 - 1 });
    expect(tight.map((f) => [f.status, f.year, f.measured, f.limit])).toEqual([["violation", undefined, 450e6, 450e6 - 1]]);
    expect(tight[0].message).toBe("c: capex on the operator's balance sheet over the horizon $450M (base) exceeds the cap of $450M by $1.00 (financed: sale-leaseback)");
    expect(tight[0].remediation).toBe("bring in a joint-venture partner for the facility, sell and lease back facility assets, build less, or raise the cap");
    expect(run(financing, { maxOwnerOnBalanceSheetCapexUsd: 400e6, estimate: "low" }).map((f) => [f.status, f.measured])).toEqual([["pass", 370e6]]);
    expect(run(financing, { maxOwnerOnBalanceSheetCapexUsd: 500e6, estimate: "high" }).map((f) => [f.status, f.measured])).toEqual([["violation", 530e6]]);
  });

  it("both caps: the yearly finding first; 0 is a real cap", () => {
    expect(run(financing, { maxOwnerOnBalanceSheetCapexUsdPerYear: 0, maxOwnerOnBalanceSheetCapexUsd: 0 }).map((f) => [f.status, f.budget])).toEqual([
      ["violation", "capex on the operator's balance sheet in a year (base)"],
      ["violation", "capex on the operator's balance sheet over the horizon (base)"],
    ]);
  });

  it("an undated campus: its one row, no year named", () => {
    const undated = campus({ costYears: [row(undefined, range(10e6, 20e6, 30e6))], finance: undefined });
    expect(run(financing, { maxOwnerOnBalanceSheetCapexUsdPerYear: 15e6, maxOwnerOnBalanceSheetCapexUsd: 15e6 }, [undated]).map((f) => [f.status, f.year, f.message])).toEqual([
      ["violation", undefined, "c: capex on the operator's balance sheet $20.0M (base) exceeds the yearly cap of $15.0M by $5.00M"],
      ["violation", undefined, "c: capex on the operator's balance sheet over the horizon $20.0M (base) exceeds the cap of $15.0M by $5.00M"],
    ]);
  });

  it("is not applicable, never a pass, for a ledger without the balance-sheet column (older campuses) or without a ledger", () => {
    const older = campus({ costYears: [{ year: 2027, capexUsd: range(1, 2, 3) }, { year: 2028, capexUsd: range(1, 2, 3) }] });
    const both = { maxOwnerOnBalanceSheetCapexUsdPerYear: 1e13, maxOwnerOnBalanceSheetCapexUsd: 1e13 };
    expect(brief(run(financing, both, [older]))).toEqual([
      ["not-applicable", "c: not applicable, costYears (ownerOnBalanceSheetCapexUsd) not known (yet)"],
      ["not-applicable", "c: not applicable, costYears (ownerOnBalanceSheetCapexUsd) not known (yet)"],
    ]);
    // One year without it: the sum is unknown (not the other years' sum), the yearly cap checks the years that have it.
    const gap = campus({ costYears: [row(2027, range(1, 2, 3)), { year: 2028, capexUsd: range(1, 2, 3) }] });
    expect(run(financing, both, [gap]).map((f) => f.status)).toEqual(["pass", "not-applicable"]);
    const { costYears: _y, ...noLedger } = campus().props;
    expect(run(financing, both, [{ ...campus(), props: noLedger }]).map((f) => f.status)).toEqual(["not-applicable", "not-applicable"]);
    const { costMissing: _m, ...noCost } = campus().props;
    expect(brief(run(financing, both, [{ ...campus(), props: noCost }]))).toEqual([["not-applicable", "c: not applicable, costMissing not known (yet)"]]);
  });

  it("fails an incomplete cost when a cap is set", () => {
    const unpriced = campus({ costMissing: ['rack design "x-rack" (rackHardwareCosts)', "energy of contract grid"] });
    expect(brief(run(financing, { maxOwnerOnBalanceSheetCapexUsd: 1e13 }, [unpriced]))).toEqual([[
      "violation",
      'c: capex on the operator\'s balance sheet cannot be checked against its cap: the cost catalog has no price for rack design "x-rack" (rackHardwareCosts); energy of contract grid',
    ]]);
  });

  it("checks every campus, and only campuses", () => {
    const hall = { type: TYPES.dataHall, urn: "urn:h", name: "h", props: {} };
    const findings = run(financing, { maxOwnerOnBalanceSheetCapexUsd: 400e6 }, [campus(), hall, campus({ costYears: [row(2027, range(1, 2, 3))] }, "d")]);
    expect(findings.map((f) => [f.resourceName, f.status])).toEqual([["c", "violation"], ["d", "pass"]]);
  });
});

describe("bad settings are refused, naming the rule, the key, the value and what is allowed", () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ "capex-budget": { maxTcoUsd: -1 } }, 'policy config: capex-budget.maxTcoUsd = -1; allowed: "off" (not checked) or a number from 0 to 10,000,000,000,000 USD'],
    [{ "capex-budget": { maxTcoUsd: "of" } }, 'policy config: capex-budget.maxTcoUsd = "of"; allowed: "off" (not checked) or a number from 0 to 10,000,000,000,000 USD'],
    [{ "capex-budget": { maxPresentValueCostUsd: 2e13 } }, 'policy config: capex-budget.maxPresentValueCostUsd = 20000000000000; allowed: "off" (not checked) or a number from 0 to 10,000,000,000,000 USD'],
    [{ "unit-cost": { maxLevelisedUsdPerGpuHour: 0 } }, 'policy config: unit-cost.maxLevelisedUsdPerGpuHour = 0; allowed: "off" (not checked) or a number above 0 and up to 1,000 USD'],
    [{ "unit-cost": { maxLevelisedUsdPerGpuHour: "2" } }, 'policy config: unit-cost.maxLevelisedUsdPerGpuHour = "2"; allowed: "off" (not checked) or a number above 0 and up to 1,000 USD'],
    [{ financing: { maxOwnerOnBalanceSheetCapexUsdPerYear: -5 } }, 'policy config: financing.maxOwnerOnBalanceSheetCapexUsdPerYear = -5; allowed: "off" (not checked) or a number from 0 to 10,000,000,000,000 USD'],
    [{ financing: { maxOwnerOnBalanceSheetCapexUsd: Infinity } }, 'policy config: financing.maxOwnerOnBalanceSheetCapexUsd = Infinity; allowed: "off" (not checked) or a number from 0 to 10,000,000,000,000 USD'],
    [{ financing: { estimate: "median" } }, 'policy config: financing.estimate = "median"; allowed: "low", "base" or "high"'],
  ];
  for (const [config, message] of cases) {
    it(message.replace("policy config: ", ""), () => {
      expect(configError(config)).toBe(message);
    });
  }

  it("a misspelt key is named with the nearest setting; one not close to any, with the settings there are", () => {
    const takes = "financing takes enforcementLevel, maxOwnerOnBalanceSheetCapexUsdPerYear, maxOwnerOnBalanceSheetCapexUsd, estimate, exemptions";
    expect(configError({ financing: { maxOwnerOnBalanceSheetCapex: 1 } })).toBe(
      `policy config: financing.maxOwnerOnBalanceSheetCapex = 1; allowed: no such setting (did you mean "maxOwnerOnBalanceSheetCapexUsd"?); ${takes}`,
    );
    expect(configError({ financing: { maxOwnerCapexUsd: 1 } })).toBe(`policy config: financing.maxOwnerCapexUsd = 1; allowed: no such setting; ${takes}`);
  });

  it("the defaults parse, and list every new key at \"off\"", () => {
    expect(financing.defaults).toEqual({ maxOwnerOnBalanceSheetCapexUsdPerYear: "off", maxOwnerOnBalanceSheetCapexUsd: "off", estimate: "base" });
    expect(capexBudget.defaults).toMatchObject({ maxTcoUsd: "off", maxPresentValueCostUsd: "off" });
    expect(unitCost.defaults).toMatchObject({ maxLevelisedUsdPerGpuHour: "off" });
    expect(() => resolvePackConfig({ financing: financing.defaults, "capex-budget": capexBudget.defaults, "unit-cost": unitCost.defaults }, RULES)).not.toThrow();
  });
});
