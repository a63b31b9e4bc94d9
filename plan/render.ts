/** The plan report as text for a terminal or as Markdown for CI annotations (JSON is the report itself). */
import { blocks, broadNote, describeExemption, type ExemptionSummary } from "../policies/exemptions";
import { isUsdRange, type UsdRange } from "../components/costs/range";
import { annuityUsdPerYear } from "../components/finance/discount";
import type { BudgetRow, CampusCosts, CampusMonths, CampusYears, PlanReport, TreeNode } from "./report";
import { fixed, quantity, show, usd } from "../components/format/numbers";
import { markdownTable, textTable } from "../components/format/table";
import { commandSafeLines, htmlSafe, markdownCode, markdownLinkTarget, markdownSafe, textSafe } from "./neutralise";
import { printableConfig } from "./stackConfig";
import { WORST_TIMES_SHOWN, type CampusWorstTimes } from "./worstTimes";
import { gpuPowerLine } from "./gpuPower";
import { whatItTakes } from "../policies/finding";
import { provenanceLine, scaleWarning } from "./provenance";
import { financeFlowsMarkdown, financeFlowsText, financeSummaryMarkdown, financeSummaryText, moneyCostColumns } from "./renderFinance";
import { CONFIDENCE_HEADER, confidenceCells, confidenceScope, TORNADO_HEADER, tornadoCells, unmovedBudgets } from "./confidence/render";
import { finite, NOT_KNOWN, weightedWaterOf } from "../report/data";

function value(v: unknown): string {
  if (Array.isArray(v)) return v.map(value).join(", ");
  return typeof v === "number" ? show(v) : v === undefined ? "-" : String(v);
}

/** Output rows, nested objects (e.g. `awsPilot`) flattened to `awsPilot.instanceType`. */
function outputRows(outputs: Record<string, unknown>, prefix = ""): [string, string][] {
  return Object.entries(outputs).flatMap(([k, v]): [string, string][] =>
    v !== null && typeof v === "object" && !Array.isArray(v) ? outputRows(v as Record<string, unknown>, `${prefix}${k}.`) : [[`${prefix}${k}`, value(v)]],
  );
}

function headroom(b: BudgetRow): string {
  // A share of a limit of 0 says nothing: show the headroom alone.
  const pct = b.headroomShare !== undefined && Number.isFinite(b.headroomShare) && b.limit !== 0 ? ` (${show(b.headroomShare * 100)} %)` : "";
  return `${quantity(b.headroom, b.unit)}${pct}`;
}

function status(b: BudgetRow): string {
  if (b.violations === 0) return "ok";
  return `${b.violations} over (${b.enforcementLevel}${b.exempted ? `, ${b.exempted} exempted` : ""})`;
}

const BUDGET_HEADER = ["policy", "budget", "checked", "used", "when", "limit", "headroom", "status"];

/** One budget row's cells, the same in every format. */
function budgetCells(b: BudgetRow): string[] {
  return [b.policy, b.budget, String(b.checked), quantity(b.used, b.unit), b.at ?? "-", `${b.bound === "min" ? "≥" : "≤"} ${quantity(b.limit, b.unit)}`, headroom(b), status(b)];
}

const MONTHLY_HEADER = ["month", "IT MWh", "facility MWh", "PUE", "water m³", "consumed m³", "unserved MWh", "carbon-free"];

/** A campus's months and the year's total, the same cells in every format. */
const WORST_TIMES_HEADER = ["budget", "limit", ...Array.from({ length: WORST_TIMES_SHOWN }, (_, i) => (i === 0 ? "worst" : `#${i + 1}`))];

function worstTimesContext(c: CampusWorstTimes): string {
  return `${c.year === undefined ? "" : `${c.year}; `}one per day, worst first, local standard time`;
}

/** A row per budget: its limit and each worst time as `value unit at when`. */
function worstTimesCells(c: CampusWorstTimes): string[][] {
  return c.budgets.map((b) => [
    `${b.policy}: ${b.budget}`,
    b.limit === undefined ? "-" : `${b.bound === "min" ? ">=" : "<="} ${show(b.limit)} ${b.unit}`,
    ...Array.from({ length: WORST_TIMES_SHOWN }, (_, i) => (b.times[i] ? `${show(b.times[i].value)} ${b.unit} at ${b.times[i].at}` : "")),
  ]);
}

/** What a monthly table is of: its year (the full build), its weather, and the clock its hours are in. */
function monthlyContext(c: CampusMonths): string {
  return `${c.year === undefined ? "" : `${c.year}, the first year at full build; `}weather: ${c.weather}; hours in local standard time`;
}

function monthlyCells(c: CampusMonths): string[][] {
  const sum = (f: (r: CampusMonths["rows"][number]) => number) => c.rows.reduce((s, r) => s + f(r), 0);
  const it = sum((r) => r.itEnergyMwh);
  const facility = sum((r) => r.facilityEnergyMwh);
  // The year's carbon-free share weights each month by its demand (facility energy).
  const carbonFree = facility > 0 ? sum((r) => r.carbonFreeShare * r.facilityEnergyMwh) / facility : 0;
  // Consumed water: `-` in a report from before it was published (a month without it leaves the year's sum unknown too).
  const consumedKnown = c.rows.every((r) => finite(r.waterConsumedM3));
  const row = (month: string, itMwh: number, facilityMwh: number, waterM3: number, consumedM3: number | undefined, unservedMwh: number, share: number) => [
    month, show(itMwh), show(facilityMwh), itMwh > 0 ? pue(facilityMwh / itMwh) : "-", show(waterM3), num(consumedM3), show(unservedMwh), `${show(share * 100)} %`,
  ];
  return [
    ...c.rows.map((r) => row(r.month, r.itEnergyMwh, r.facilityEnergyMwh, r.waterM3, r.waterConsumedM3, r.unservedEnergyMwh, r.carbonFreeShare)),
    row("year", it, facility, sum((r) => r.waterM3), consumedKnown ? sum((r) => r.waterConsumedM3) : undefined, sum((r) => r.unservedEnergyMwh), carbonFree),
  ];
}

/** Whether some row of the campus has scarcity-weighted water (then the year table has a column for it). */
function hasWeightedWater(c: CampusYears): boolean {
  return c.rows.some((r) => finite(r.scarcityWeightedWaterM3));
}

/** The year table's header: consumed water beside make-up water, and scarcity-weighted water (m³ world-eq) only when some row has it. */
function yearlyHeader(c: CampusYears): string[] {
  return [
    "year", "halls", "GPUs", "IT MW", "peak MW", "firm MW", "headroom MW", "energy GWh", "PUE", "water m³", "consumed m³",
    ...(hasWeightedWater(c) ? ["world-eq m³"] : []), "peak-day m³",
    "gCO2e/kWh loc", "gCO2e/kWh mkt", "CFE", "unserved h", "contracts",
  ];
}

/**
 * The campus's water in its full-build year (the undated campus's one row): make-up, consumed (evaporated), and the
 * consumed water weighted by scarcity, in m³ world-eq, with the AWARE region, annual factor and baseline water stress
 * when known (`not known` otherwise). The region and stress are catalog text: each format escapes the line.
 */
export function waterNote(c: CampusYears): string | undefined {
  const r = c.rows.find((x) => x.year !== undefined && x.year === c.fullBuildYear) ?? c.rows[c.rows.length - 1];
  if (!r) return undefined;
  const when = r.year === undefined ? "Water" : `Water in ${r.year}${r.year === c.fullBuildYear ? " (full build)" : ""}`;
  const consumed = finite(r.waterConsumedM3) ? `, ${show(r.waterConsumedM3)} m³ consumed (evaporated; blowdown returns to the basin)` : "";
  const head = `${when}: ${num(r.waterM3)} m³ make-up${consumed}`;
  const s = c.waterScarcity;
  const weighted = weightedWaterOf(r, s);
  if (weighted === undefined) return `${head}; scarcity-weighted water: ${NOT_KNOWN} (no AWARE factor for the site).`;
  if (!s) return `${head}; scarcity-weighted ${show(weighted)} m³ world-eq (monthly AWARE factors applied).`;
  // The reader (campusWaterScarcity) keeps only a finite WUE and a non-empty stress.
  const wue = s.scarcityWeightedWueLPerKwh === undefined ? "" : `, ${show(s.scarcityWeightedWueLPerKwh)} L world-eq/kWh of IT energy`;
  const stress = s.baselineWaterStress === undefined ? "" : `; baseline water stress ${s.baselineWaterStress}`;
  return `${head}; scarcity-weighted ${show(weighted)} m³ world-eq at AWARE ${s.awareRegion} (annual factor ${show(s.awareAnnualM3WorldEqPerM3)} m³ world-eq/m³; monthly factors applied)${wue}${stress}.`;
}

/** Names after a sign (`+a,b`), or their count past three (`+4 halls`); "" for none. */
function named(sign: string, names: readonly string[] | undefined, noun: string): string {
  if (!names || names.length === 0) return "";
  return names.length > 3 ? `${sign}${names.length} ${noun}` : `${sign}${names.join(",")}`;
}

/** A number as `show` prints it, or `-` when the row does not have it. */
function num(n: number | undefined): string {
  return typeof n === "number" && Number.isFinite(n) ? show(n) : "-";
}

/** A campus's years (or its one undated row), the same cells in every format; a firm shortfall is marked `!`. */
function yearlyCells(c: CampusYears): string[][] {
  const weighted = hasWeightedWater(c);
  return c.rows.map((r) => {
    const halls = named("+", r.hallsStarting, "halls");
    const contracts = [named("+", r.contractsStarting, "contracts"), named("−", r.contractsEnding, "contracts")].filter((s) => s).join(" ");
    return [
      r.year === undefined ? "-" : String(r.year),
      `${r.hallsOnline}${halls ? ` ${halls}` : ""}`,
      num(r.gpusOnline), num(r.itLoadMw), num(r.peakFacilityPowerMw), num(r.firmMw),
      `${num(r.firmHeadroomMw)}${r.firmHeadroomMw < 0 ? " !" : ""}`,
      num(r.facilityEnergyMwh === undefined ? undefined : r.facilityEnergyMwh / 1000),
      r.pue === undefined ? "-" : pue(r.pue),
      num(r.waterM3), num(r.waterConsumedM3),
      ...(weighted ? [finite(r.scarcityWeightedWaterM3) ? show(r.scarcityWeightedWaterM3) : NOT_KNOWN] : []),
      num(r.peakDailyWaterM3), num(r.carbonIntensityGPerKwh), num(r.marketCarbonIntensityGPerKwh),
      r.carbonFreeShare === undefined ? "-" : `${show(r.carbonFreeShare * 100)} %`,
      num(r.unservedHours),
      contracts || "-",
    ];
  });
}

/**
 * Notes under the year table: contracts that start during a year (delivering only from their date), and proposed
 * contracts (on the record only as proposed), reported apart from the supply with whether the campus counted them.
 */
export function supplyNotes(c: CampusYears): string[] {
  const notes: string[] = [];
  const late = c.rows.flatMap((r) => (r.year === undefined ? [] : (r.contractsStartingLate ?? []).map((x) => `${x}`)));
  if (late.length) notes.push(`Starting during the year (no delivery, firm MW or energy before the date): ${late.join(", ")}.`);
  const proposed = new Map<string, number[]>();
  const mw: number[] = [];
  for (const r of c.rows) {
    if (!r.proposedContracts?.length) continue;
    for (const name of r.proposedContracts) proposed.set(name, [...(proposed.get(name) ?? []), ...(r.year === undefined ? [] : [r.year])]);
    if (r.proposedMw !== undefined) mw.push(r.proposedMw);
  }
  if (proposed.size) {
    const counted = c.proposedContracts === "count";
    const which = [...proposed].map(([name, years]) => `${name}${years.length ? ` (${years[0]}-${years[years.length - 1]})` : ""}`).join(", ");
    const size = mw.length ? `, up to ${show(Math.max(...mw))} MW` : "";
    notes.push(counted
      ? `Proposed contracts counted as if contracted (proposedContracts "count"): ${which}${size}; the firm MW above rest on them in those years.`
      : `Proposed contracts, not counted (proposedContracts "exclude", the default; "count" plans with them): ${which}${size}.`);
  }
  return notes;
}

/** `horizon 2026-2035, full build 2027`, or `undated`. */
function yearlyScope(c: CampusYears): string {
  const parts = [
    ...(c.horizonStartYear !== undefined && c.horizonEndYear !== undefined ? [`horizon ${c.horizonStartYear}-${c.horizonEndYear}`] : []),
    ...(c.fullBuildYear !== undefined ? [`full build ${c.fullBuildYear}`] : []),
    ...(c.carbonBasis !== undefined ? [`carbon in gCO2e/kWh (${c.carbonBasis} basis)`] : []),
  ];
  return parts.length > 0 ? parts.join(", ") : "undated";
}

/** The base of a range, or `-` when the row does not have it. */
function baseUsd(r: UsdRange | undefined): string {
  return isUsdRange(r) ? usd(r.base) : "-";
}

/** `low-high` of a range (one figure when they are equal), or `-`. */
function spanUsd(r: UsdRange | undefined): string {
  if (!isUsdRange(r)) return "-";
  return usd(r.low) === usd(r.high) ? usd(r.low) : `${usd(r.low)}-${usd(r.high)}`;
}

/** `low / base / high` of a range, or `-`. */
function threeUsd(r: UsdRange | undefined): string {
  return isUsdRange(r) ? `${usd(r.low)} / ${usd(r.base)} / ${usd(r.high)}` : "-";
}

/** One figure, or `min-max` of several (a category whose lines differ); `-` for none. */
function spread(values: readonly number[], f: (n: number) => string): string {
  const finite = values.filter((n) => typeof n === "number" && Number.isFinite(n));
  if (finite.length === 0) return "-";
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  return lo === hi ? f(lo) : `${f(lo)}-${f(hi)}`;
}

/** `3 %`, `3-4 %`; `-` stays `-`. */
function percent(s: string): string {
  return s === "-" ? s : `${s} %`;
}

const CAPEX_HEADER = ["category", "low", "base", "high", "life years", "maintenance %/yr"];

/** One row per category (its lines merged, in the order published) and the published total, the same cells in every format. */
function capexCells(c: CampusCosts): string[][] {
  const categories = new Map<string, CampusCosts["capex"]>();
  for (const line of c.capex) categories.set(line.category, [...(categories.get(line.category) ?? []), line]);
  const rows = [...categories].map(([category, lines]) => {
    const sum = (k: keyof UsdRange) => lines.reduce((s, l) => s + l.capexUsd[k], 0);
    return [
      category, usd(sum("low")), usd(sum("base")), usd(sum("high")),
      spread(lines.map((l) => l.usefulLifeYears), show), percent(spread(lines.map((l) => l.maintenanceShareOfCapex * 100), show)),
    ];
  });
  const t = c.capexUsd;
  return [...rows, ["total", isUsdRange(t) ? usd(t.low) : "-", baseUsd(t), isUsdRange(t) ? usd(t.high) : "-", "-", "-"]];
}

/** Capex per MW of IT and per GPU, cost per GPU-hour and energy cost per MWh in the full-build year: low / base / high. */
function unitCosts(c: CampusCosts): string {
  const year = c.fullBuildYear === undefined ? "" : ` (${c.fullBuildYear}, full build)`;
  return [
    `capex per MW of IT ${threeUsd(c.capexUsdPerMwIt)}`,
    `capex per GPU ${threeUsd(c.capexUsdPerGpu)}`,
    `cost per GPU-hour${year} ${threeUsd(c.costUsdPerGpuHour)}`,
    `energy cost per MWh${year} ${threeUsd(c.energyCostUsdPerMwh)}`,
  ].join("; ");
}

/**
 * The cost ledger's columns; the money columns (refresh capex, capacity & demand charges, PPA settlement, capital
 * charge) only where some row has them non-zero, owner, partner and lease only for a campus with financing, and the
 * cost per GPU-hour with the capital charge next to the book cost (depreciation + opex) when the rows carry it.
 */
function costYearHeader(c: CampusCosts): string[] {
  const money = moneyCostColumns(c.rows);
  return [
    "year", "capex", "capex low-high", "opex", "opex low-high", "energy", "water", "maintenance", "depreciation",
    ...money.middle.map((col) => col.header),
    ...(c.financing ? ["owner capex", "partner capex", ...(soldAssets(c) ? ["owner on balance sheet"] : []), "lease payments"] : []), "book cost/GPU-h",
    ...money.last.map((col) => col.header),
  ];
}

/** Whether some year's capex on the owner's books differs from its capex (assets sold and leased back). */
function soldAssets(c: CampusCosts): boolean {
  return c.rows.some((r) => r.ownerOnBalanceSheetCapexUsd !== undefined && Math.abs(r.ownerOnBalanceSheetCapexUsd.base - r.ownerCapexUsd.base) > 0.5);
}

/** A campus's cost years (or its one undated row), base figures with low-high for capex and opex, the same cells in every format. */
function costYearCells(c: CampusCosts): string[][] {
  const money = moneyCostColumns(c.rows);
  return c.rows.map((r) => [
    typeof r.year === "number" ? String(r.year) : "-",
    baseUsd(r.capexUsd), spanUsd(r.capexUsd), baseUsd(r.opexUsd), spanUsd(r.opexUsd),
    baseUsd(r.energyCostUsd), baseUsd(r.waterCostUsd), baseUsd(r.maintenanceUsd), baseUsd(r.depreciationUsd),
    ...money.middle.map((col) => col.cell(r)),
    ...(c.financing ? [baseUsd(r.ownerCapexUsd), baseUsd(r.partnerCapexUsd), ...(soldAssets(c) ? [baseUsd(r.ownerOnBalanceSheetCapexUsd)] : []), baseUsd(r.leasePaymentsUsd)] : []),
    // No GPU-hours (no hall online yet): a cost per GPU-hour means nothing.
    typeof r.gpuHours === "number" && r.gpuHours > 0 ? baseUsd(r.costUsdPerGpuHour) : "-",
    ...money.last.map((col) => col.cell(r)),
  ]);
}

/** `cost incomplete: no price for a, b (…)`, or undefined when the campus priced everything. */
function costWarning(c: CampusCosts): string | undefined {
  if (c.costMissing.length === 0) return undefined;
  return `cost incomplete: no price for ${c.costMissing.join(", ")} (the cost figures leave them out)`;
}

/**
 * `Financing: x funds 40 % of the facility; lease 8 % a year of its capex to date.`, or with a stated debt `...; lease
 * services its debt: $27.3M at 6.58 %, issued 2025, due 2049 ($2.29M a year, level annuity).`; undefined without one.
 */
export function financingLine(c: Pick<CampusCosts, "financing">): string | undefined {
  const f = c.financing;
  if (!f) return undefined;
  const loan = f.constructionLoan
    ? `construction loan: ${show(f.constructionLoan.shareOfCapex * 100)} % of the operator's capex at ${show(f.constructionLoan.rate * 100)} %, repaid after ${f.constructionLoan.termYears} years`
    : undefined;
  const withLoan = (head: string) => (loan ? `${head}; ${loan}.` : `${head}.`);
  const structure = f.structure ?? "joint-venture";
  if (structure === "own-balance-sheet") return withLoan("Financing: the operator's own balance sheet");
  if (structure === "sale-leaseback" && typeof f.partner === "string" && f.saleYear !== undefined && f.leaseRate !== undefined && f.leaseTermYears !== undefined) {
    const price = f.salePriceUsd === undefined ? "at book value" : `for ${usd(f.salePriceUsd)}`;
    return withLoan(`Financing: the facility sold to ${f.partner} in ${f.saleYear} ${price} and leased back over ${f.leaseTermYears} years at ${show(f.leaseRate * 100)} % (level annuity)`);
  }
  // A joint venture's partner and share.
  if (typeof f.partner !== "string" || typeof f.partnerShareOfFacility !== "number") return undefined;
  const head = `Financing: ${f.partner} funds ${show(f.partnerShareOfFacility * 100)} % of the facility`;
  if (f.debtUsd !== undefined && f.couponRate !== undefined && f.debtIssueYear !== undefined && f.maturityYear !== undefined) {
    const payment = annuityUsdPerYear(f.debtUsd, f.couponRate, f.maturityYear - f.debtIssueYear);
    const equity = `, plus its equity beyond the debt recovered at ${f.partnerEquityReturn === undefined ? "the catalog's infrastructure-equity return" : `${show(f.partnerEquityReturn * 100)} %`}`;
    const base = `${head}; lease services its debt: ${usd(f.debtUsd)} at ${show(f.couponRate * 100)} %, issued ${f.debtIssueYear}, due ${f.maturityYear} (${usd(payment)} a year, level annuity)${equity}`;
    return withLoan(base);
  }
  if (f.partnerDebtShare !== undefined && f.couponRate !== undefined && f.leaseTermYears !== undefined) {
    const equity = f.partnerEquityReturn === undefined ? "its required return" : `${show(f.partnerEquityReturn * 100)} %`;
    return withLoan(`${head}; ${show(f.partnerDebtShare * 100)} % of it borrowed at ${show(f.couponRate * 100)} %, the rest equity at ${equity}, leased back over ${f.leaseTermYears} years`);
  }
  return withLoan(`${head}; lease ${show((f.leaseRatePerYear ?? 0) * 100)} % a year of its capex to date`);
}

/** A finding's message, with its year when the message does not already name it. */
function findingMessage(f: PlanReport["findings"][number]): string {
  return f.year !== undefined && !f.message.includes(String(f.year)) ? `${f.message} (${f.year})` : f.message;
}

// PUE differs in the third decimal between months; `show` would round it to three significant figures or fewer.
const pue = (ratio: number) => fixed(ratio, 3);

function levelOf(f: PlanReport["findings"][number]): string {
  return f.status === "not-applicable" ? "not applicable" : f.enforcementLevel;
}

/** `EXEMPTED (reason, until 2026-12-31)` for an exempted violation, `exemption EXPIRED 2026-10-01 (reason)` for a lapsed one, else "". */
function exemptionMark(f: PlanReport["findings"][number]): string {
  if (f.status !== "violation") return "";
  if (f.exemption) return `EXEMPTED (${describeExemption(f.exemption)})`;
  if (f.expiredExemption) return `exemption EXPIRED ${f.expiredExemption.expires} (${f.expiredExemption.reason})`;
  return "";
}

/** Exempted violations of blocking rules: what would fail the plan without its exemptions. */
function exemptedBlocking(r: PlanReport): number {
  return r.findings.filter((f) => f.exemption && blocks({ ...f, exemption: undefined })).length;
}

const EXEMPTION_HEADER = ["state", "policy", "level", "resource", "violations", "reason", "expires", "ticket"];

/** Exemptions of blocking rules first (they change the verdict), then by state: applied, expired, unused. */
function sortedExemptions(r: PlanReport): ExemptionSummary[] {
  const order = { applied: 0, expired: 1, unused: 2 };
  const blocking = (e: ExemptionSummary) => (e.enforcementLevel === "mandatory" || e.enforcementLevel === "remediate" ? 0 : 1);
  return [...(r.exemptions ?? [])].sort((a, b) => order[a.state] - order[b.state] || blocking(a) - blocking(b));
}

/** One exemption's cells, the same in every format. */
function exemptionCells(e: ExemptionSummary): string[] {
  const violations = e.state === "unused"
    ? (e.matchedResources === 0 ? "0 (matches no resource)" : `0 (matches ${e.matchedResources}, none violating)`)
    : `${e.violations}${e.violatingResources.length > 0 ? ` (${e.violatingResources.slice(0, 3).join(", ")}${e.violatingResources.length > 3 ? `, +${e.violatingResources.length - 3}` : ""})` : ""}`;
  return [e.state, e.policy, e.enforcementLevel, e.resource, violations, e.reason, e.expires ?? "never", e.ticket ?? "-"];
}

/** Warnings for exemptions whose pattern covers every resource of a type (they switch the rule off for it). */
function broadNotes(exemptions: readonly ExemptionSummary[]): string[] {
  return exemptions.flatMap((e) => broadNote(e) ?? []);
}

/** The verdict's note on exemptions: `, 2 mandatory violations exempted`, or "". */
function exemptedNote(r: PlanReport): string {
  const n = exemptedBlocking(r);
  return n > 0 ? ` (${n} mandatory violation${n === 1 ? "" : "s"} exempted, see Exemptions)` : "";
}

/** The component tree as text lines, names and types through textSafe (the tree is text in every format). */
function treeLines(nodes: readonly TreeNode[], prefix = ""): string[] {
  return nodes.flatMap((node, i) => {
    const last = i === nodes.length - 1;
    const more = node.hidden > 0 ? `  (+${node.hidden} more below)` : "";
    const line = `${prefix}${last ? "└─ " : "├─ "}${textSafe(node.name)}  [${textSafe(node.type)}]${more}`;
    return [line, ...treeLines(node.children, `${prefix}${last ? "   " : "│  "}`)];
  });
}

/** Table cells for a terminal: every cell through textSafe (names, values and the report's own figures alike). */
function textCells(rows: readonly (readonly string[])[]): string[][] {
  return rows.map((row) => row.map(textSafe));
}

/**
 * Table cells for Markdown: every cell through markdownSafe (pipes, dollar signs and HTML included), so the table
 * takes them as they are.
 */
function markdownCells(rows: readonly (readonly string[])[]): string[][] {
  return rows.map((row) => row.map(markdownSafe));
}

const asEscaped = (s: string) => s;

// Tables under a heading line are indented by two spaces in the text format.
const INDENTED = { indent: "  " } as const;

/**
 * `key=value, …`. The report's config is printableConfig's already (buildReport); applied again (it is idempotent)
 * so that a report from elsewhere cannot print another namespace's values.
 */
function configLine(r: PlanReport): string {
  const entries = Object.entries(printableConfig(r.config, r.project)).map(([k, v]) => `${k}=${v}`);
  return entries.length > 0 ? entries.join(", ") : "(none)";
}

/**
 * The report for a terminal or a CI log. Every user-supplied string goes through textSafe (controls and line breaks
 * shown as escapes, workflow commands broken), and the whole through commandSafeLines.
 */
export function renderText(r: PlanReport): string {
  const t = textSafe;
  const table = (rows: readonly (readonly string[])[]) => textTable(textCells(rows), INDENTED);
  const out: string[] = [];
  out.push(`Plan of stack "${t(r.stack)}" (project ${t(r.project)}) ${r.engine ? "previewed by the real engine: pulumi preview with the aicluster policy pack" : "under the mock runtime: no CLI, no cloud account"}`);
  out.push(`Config: ${t(configLine(r))}`);
  if (r.provenance) out.push(t(provenanceLine(r.provenance)));
  const scaled = scaleWarning(r.provenance);
  if (scaled) out.push(`Warning: ${t(scaled)}`);
  out.push("", `Resources: ${r.resourceCount}`);
  out.push(...table(r.resourcesByType.map((x) => [String(x.count), x.type])));
  out.push("", "Component tree:", ...treeLines(r.tree).map((l) => `  ${l}`));
  out.push("", "Outputs:", ...table(outputRows(r.outputs)));
  for (const c of r.gpuPower ?? []) out.push("", `GPU power, campus ${t(c.campus)}: ${t(gpuPowerLine(c))}`);
  for (const c of r.years) {
    out.push("", `Year by year, campus ${t(c.campus)} (${yearlyScope(c)}):`);
    out.push(...table([yearlyHeader(c), ...yearlyCells(c)]));
    // After a blank line: the table ends at the first blank line for readers that parse it.
    const water = waterNote(c);
    const notes = [...supplyNotes(c), ...(water ? [water] : [])];
    if (notes.length) out.push("", ...notes.map((note) => `  ${t(note)}`));
  }
  for (const c of r.costs ?? []) {
    const warning = costWarning(c);
    if (warning) out.push("", `Warning, campus ${t(c.campus)}: ${t(warning)}`);
    out.push("", `Capex by category, campus ${t(c.campus)} (USD, low / base / high):`);
    out.push(...table([CAPEX_HEADER, ...capexCells(c)]));
    out.push("", `Unit costs, campus ${t(c.campus)} (USD, low / base / high): ${unitCosts(c)}`);
    const financing = financingLine(c);
    if (financing) out.push(t(financing));
    out.push(...financeSummaryText(c));
    out.push("", `Cost by year, campus ${t(c.campus)} (USD, base; low-high for capex and opex):`);
    out.push(...table([costYearHeader(c), ...costYearCells(c)]));
    out.push(...financeFlowsText(c));
  }
  for (const c of r.monthly) {
    out.push("", `Year by month, campus ${t(c.campus)} (${t(monthlyContext(c))}):`);
    out.push(...table([MONTHLY_HEADER, ...monthlyCells(c)]));
  }
  out.push("", "Budgets (the tightest resource of each; when: the worst hour or day it comes from, local standard time):");
  out.push(...table([BUDGET_HEADER, ...r.budgets.map(budgetCells)]));
  if (r.confidence) {
    const c = r.confidence;
    out.push("", `Confidence: ${t(confidenceScope(c))}:`);
    out.push(...table([CONFIDENCE_HEADER, ...confidenceCells(c)]));
    out.push("", "What decides it (tornado: each figure at its low and high, the others at the catalog's; the weather: the spread over the years):");
    out.push(...table([TORNADO_HEADER, ...tornadoCells(c)]));
    const unmoved = unmovedBudgets(c);
    if (unmoved.length) out.push(`  Moved by no drawn figure: ${t(unmoved.join("; "))}`);
  }
  for (const c of r.worstTimes ?? []) {
    out.push("", `Worst hours, campus ${t(c.campus)} (${worstTimesContext(c)}):`);
    out.push(...table([WORST_TIMES_HEADER, ...worstTimesCells(c)]));
  }
  out.push("", r.findings.length === 0 ? "Findings: none" : "Findings:");
  for (const f of r.findings) {
    out.push(`  [${t(levelOf(f))}] ${t(f.policy)}: ${t(findingMessage(f))}`);
    const mark = exemptionMark(f);
    if (mark) out.push(`      ${t(mark)}${f.exemption ? ": reported, does not block" : ": it counts again"}`);
    if (f.status === "violation") out.push(`      fix: ${t(f.remediation)}`);
    if (f.fixes?.length) out.push(`      what it takes: ${t(whatItTakes(f.fixes))}`);
  }
  const exemptions = sortedExemptions(r);
  if (exemptions.length > 0) {
    out.push("", "Exemptions (from the policy config; unused ones exempt nothing and can be removed):");
    out.push(...table([EXEMPTION_HEADER, ...exemptions.map(exemptionCells)]));
    for (const note of broadNotes(exemptions)) out.push(`warning: ${t(note)}`);
  }
  const verdict = r.verdict === "pass" ? `PASS, no mandatory policy violated${exemptedNote(r)}` : `FAIL, a mandatory policy is violated${exemptedNote(r)}`;
  out.push("", `Verdict: ${verdict} (${show(r.wallSeconds)} s)`);
  return commandSafeLines(out.join("\n"));
}

/** What Markdown adds when the plan's data is at hand: Mermaid pictures, and a link to the HTML report. */
export interface MarkdownExtras {
  /** Mermaid blocks (component tree, energy pies) to show under the header. */
  pictures?: string[];
  /** Where the HTML report was written (linked as given). */
  htmlReport?: string;
}

/**
 * The report in GitHub-flavoured Markdown (a PR comment, a job summary). User-supplied strings are markdownSafe in
 * text and tables, markdownCode where shown as code, and HTML-escaped in the component tree (a `<pre>` block: a
 * fenced block would show a name's `<` raw in the comment's source, where `<!--` must never appear).
 */
export function renderMarkdown(r: PlanReport, extras: MarkdownExtras = {}): string {
  const m = markdownSafe;
  const code = markdownCode;
  const table = (header: readonly string[], rows: readonly (readonly string[])[]) => markdownTable(header, markdownCells(rows), asEscaped);
  const out: string[] = [];
  out.push(`### aicluster plan: ${code(r.stack)} ${r.verdict === "pass" ? "passes" : "FAILS"}${exemptedNote(r)}`, "");
  if (extras.htmlReport) out.push(`Full report with charts: [${m(extras.htmlReport)}](${markdownLinkTarget(extras.htmlReport)})`, "");
  if (extras.pictures?.length) out.push("<details><summary>Pictures (Mermaid)</summary>", "", ...extras.pictures.flatMap((p) => [p, ""]), "</details>", "");
  const scaled = scaleWarning(r.provenance);
  if (scaled) out.push(`> **Warning**: ${m(scaled)}`, "");
  out.push(`Config: ${code(configLine(r))}; ${r.resourceCount} resources; ${r.engine ? "pulumi preview" : "mock runtime"}, ${show(r.wallSeconds)} s.${r.provenance ? ` ${m(provenanceLine(r.provenance))}.` : ""}`, "");
  out.push(...markdownTable(["resources", "type"], r.resourcesByType.map((x) => [String(x.count), code(x.type)]), asEscaped), "");
  out.push("<details><summary>Component tree</summary>", "", "<pre>", ...treeLines(r.tree).map(htmlSafe), "</pre>", "", "</details>", "");
  out.push(...table(["output", "value"], outputRows(r.outputs)), "");
  for (const c of r.gpuPower ?? []) out.push(`GPU power, campus ${code(c.campus)}: ${m(gpuPowerLine(c))}`, "");
  for (const c of r.years) {
    out.push(`Year by year, campus ${code(c.campus)} (${yearlyScope(c)}):`, "", ...table(yearlyHeader(c), yearlyCells(c)), "");
    const water = waterNote(c);
    for (const note of [...supplyNotes(c), ...(water ? [water] : [])]) out.push(m(note), "");
  }
  for (const c of r.costs ?? []) {
    const warning = costWarning(c);
    if (warning) out.push(`> **Warning**, campus ${code(c.campus)}: ${m(warning)}`, "");
    out.push(`Capex by category, campus ${code(c.campus)} (USD, low / base / high):`, "", ...table(CAPEX_HEADER, capexCells(c)), "");
    out.push(`Unit costs, campus ${code(c.campus)} (USD, low / base / high): ${m(unitCosts(c))}`, "");
    const financing = financingLine(c);
    if (financing) out.push(m(financing), "");
    out.push(...financeSummaryMarkdown(c));
    out.push(`Cost by year, campus ${code(c.campus)} (USD, base; low-high for capex and opex):`, "", ...table(costYearHeader(c), costYearCells(c)), "");
    out.push(...financeFlowsMarkdown(c));
  }
  for (const c of r.monthly) {
    out.push(`Year by month, campus ${code(c.campus)} (${m(monthlyContext(c))}):`, "", ...table(MONTHLY_HEADER, monthlyCells(c)), "");
  }
  out.push(...table(BUDGET_HEADER, r.budgets.map(budgetCells)), "");
  if (r.confidence) {
    const c = r.confidence;
    out.push(`Confidence: ${m(confidenceScope(c))}:`, "", ...table(CONFIDENCE_HEADER, confidenceCells(c)), "");
    out.push("What decides it (tornado: each figure at its low and high, the others at the catalog's):", "", ...table(TORNADO_HEADER, tornadoCells(c)), "");
  }
  for (const c of r.worstTimes ?? []) {
    out.push(`Worst hours, campus ${code(c.campus)} (${worstTimesContext(c)}):`, "", ...table(WORST_TIMES_HEADER, worstTimesCells(c)), "");
  }
  if (r.findings.length === 0) out.push("No findings.");
  for (const f of r.findings) {
    const mark = exemptionMark(f);
    out.push(`- **${m(levelOf(f))}**${mark ? ` **${m(mark)}**` : ""} ${code(f.policy)}: ${m(findingMessage(f))}${f.status === "violation" ? `. Fix: ${m(f.remediation)}` : ""}${f.fixes?.length ? `. What it takes: ${m(whatItTakes(f.fixes))}` : ""}`);
  }
  const exemptions = sortedExemptions(r);
  if (exemptions.length > 0) {
    out.push("", "#### Exemptions", "", ...table(EXEMPTION_HEADER, exemptions.map(exemptionCells)));
    const broad = broadNotes(exemptions);
    if (broad.length > 0) out.push("", ...broad.map((note) => `- **warning**: ${m(note)}`));
  }
  return commandSafeLines(out.join("\n"));
}
