/**
 * A campus's money, from its halls, contracts and ledger: capex with refresh, opex with escalation, grid charges and
 * PPA settlement, the cost ledger, and the finance (cost of capital, present values, levelised cost, cash flows by
 * party). The args it reads (cost of capital, refresh, financing) are validated here, each problem naming its field.
 */
import { z } from "zod";
import { combined, generationCapex } from "../costs/capex";
import type { CapexLine } from "../costs/capex";
import { campusCost, Financing, gpuHoursOf, YearCharges } from "../costs/campusCost";
import { scaled, total, UsdRange } from "../costs/range";
import { billedDemandMw, capacityChargeUsd, daysInYear, demandChargeUsd, escalationFactor, ppaSettlementRange } from "../finance/energyMoney";
import { campusFinance } from "../finance/campusFinance";
import type { FinancingTerms } from "../finance/parties";
import { coalesced, LedgerAsset, REFRESH_POLICIES, RefreshableAsset, RefreshPolicy, RefreshRackGroup, withRefreshes } from "../finance/refresh";
import { FINANCING_STRUCTURES } from "../finance/types";
import type { RateRange, RentalBand } from "../finance/types";
import { DEFAULT_COST_OF_CAPITAL, DEFAULT_PARTNER_EQUITY_RETURN } from "../catalog/finance";
import { defaultFillItPowerKw } from "../catalog/registry";
import type { EnergyPriceSpec } from "../catalog/costSchema";
import type { CampusYears } from "../years/ledger";
import type { DataHallFootprint } from "./dataHall";
import type { PowerContractFootprint } from "./powerContract";
import { numberIn, wholeNumberIn } from "./ranges";
import { catalogOf, lookup, reject, Subject } from "./validate";

/** A later rack design the racks of one design are replaced with at their refresh (next generation). */
export interface RefreshDesignArgs {
  /** Rack design id the campus's racks use today. */
  from: string;
  /** Rack design id they are replaced with: priced in the cost catalog, cooled the same way (liquid or air). */
  to: string;
}

/** The args of a campus this file reads. */
export interface CampusMoneyArgs {
  costOfCapital?: string;
  discountRate?: number;
  presentValueYear?: number;
  hardwareRefresh?: string;
  refreshDesigns?: RefreshDesignArgs[];
  financing?: Financing;
}


/** @internal */
export const financingSchema = z.strictObject({
  structure: z.enum(FINANCING_STRUCTURES, { error: `"joint-venture" (a partner funds part of the facility and leases it back), "sale-leaseback" or "own-balance-sheet"` }).optional(),
  partner: z.string({ error: "the partner's name" }).min(1, { error: "the partner's name" }).optional(),
  partnerShareOfFacility: numberIn(0, 1).optional(),
  leaseRatePerYear: numberIn(0, 0.5, "(share of the partner's capex per year)").optional(),
  debtUsd: numberIn(0, 1e13, "USD", true).optional(),
  couponRate: numberIn(0, 0.3, "(share per year)").optional(),
  debtIssueYear: wholeNumberIn(2000, 2100).optional(),
  maturityYear: wholeNumberIn(2000, 2100).optional(),
  partnerDebtShare: numberIn(0, 1).optional(),
  partnerEquityReturn: numberIn(0, 0.5, "(share per year)").optional(),
  leaseTermYears: wholeNumberIn(1, 60).optional(),
  saleYear: wholeNumberIn(2000, 2100).optional(),
  salePriceUsd: numberIn(0, 1e13, "USD", true).optional(),
  leaseRate: numberIn(0, 0.3, "(share per year)").optional(),
  constructionLoan: z.strictObject({
    shareOfCapex: numberIn(0, 1, "", true),
    rate: numberIn(0, 0.3, "(share per year)"),
    termYears: wholeNumberIn(1, 10),
  }, { error: "{ shareOfCapex, rate, termYears }" }).optional(),
}, { error: `an object: { partner, partnerShareOfFacility, and the lease } for a joint venture, { structure: "sale-leaseback", partner, saleYear, leaseRate, leaseTermYears }, or { structure: "own-balance-sheet", constructionLoan }` });

/** The campus args of this file, as a schema fragment the campus schema spreads in. @internal */
export const moneyArgsShape = {
  costOfCapital: z.string({ error: "a cost of capital id (string)" }).optional(),
  discountRate: numberIn(0, 0.5, "(share per year)").optional(),
  presentValueYear: wholeNumberIn(2000, 2100).optional(),
  hardwareRefresh: z.enum(REFRESH_POLICIES, { error: `"like-for-like" (hardware replaced at the end of its life, at its catalog price) or "none"` }).optional(),
  refreshDesigns: z.array(z.strictObject({ from: z.string({ error: "a rack design id" }), to: z.string({ error: "a rack design id" }) }, { error: "{ from, to }: rack design ids" }), { error: "a list of { from, to } rack design ids" }).optional(),
  financing: financingSchema.optional(),
};

/** The financing as parsed: the schema's shape is the Financing interface (no zod type in a public declaration). */
type ParsedFinancing = Financing;
type Field = keyof ParsedFinancing;

/** The fields each structure takes (besides structure and constructionLoan). */
const FIELDS_OF: Record<(typeof FINANCING_STRUCTURES)[number], readonly Field[]> = {
  "joint-venture": ["partner", "partnerShareOfFacility", "leaseRatePerYear", "debtUsd", "couponRate", "debtIssueYear", "maturityYear", "partnerDebtShare", "partnerEquityReturn", "leaseTermYears"],
  "sale-leaseback": ["partner", "saleYear", "salePriceUsd", "leaseRate", "leaseTermYears"],
  "own-balance-sheet": [],
};
const DEBT_FIELDS = ["debtUsd", "couponRate", "debtIssueYear", "maturityYear"] as const;
const SIZED_FIELDS = ["partnerDebtShare", "couponRate", "leaseTermYears"] as const;

/** The financing's terms, each structure's fields checked (one message per problem, naming the field). */
export function financingTerms(f: ParsedFinancing | undefined, subject: Subject, horizon: { startYear: number; endYear: number } | undefined): FinancingTerms | undefined {
  if (f === undefined) return undefined;
  const structure = (f.structure ?? "joint-venture") as (typeof FINANCING_STRUCTURES)[number];
  const field = (k: string) => `financing.${k}`;
  for (const k of Object.keys(f) as Field[]) {
    if (k === "structure" || k === "constructionLoan" || f[k] === undefined) continue;
    if (!FIELDS_OF[structure].includes(k)) reject(subject, { field: field(k), value: f[k], allowed: `unset with structure "${structure}" (it takes ${FIELDS_OF[structure].join(", ") || "only constructionLoan"})` });
  }
  const need = (k: Field, allowed: string) => {
    if (f[k] === undefined) reject(subject, { field: field(k), value: undefined, allowed });
  };
  if (f.constructionLoan && horizon === undefined) reject(subject, { field: field("constructionLoan"), value: f.constructionLoan, allowed: "unset on an undated campus: a loan is drawn and repaid in years (give the campus an onlineYear)" });
  const constructionLoan = f.constructionLoan ? { constructionLoan: { ...f.constructionLoan } } : {};
  if (structure === "own-balance-sheet") return { structure, partnerShareOfFacility: 0, partnerEquityReturn: 0, ...constructionLoan };
  need("partner", `the ${structure === "joint-venture" ? "partner's" : "buyer's"} name`);
  if (structure === "sale-leaseback") {
    need("saleYear", "the year the facility assets are sold (within the horizon)");
    need("leaseRate", "the lease's rate, share per year (0 to 0.3)");
    need("leaseTermYears", "the lease's term, a whole number of years from 1 to 60");
    if (horizon === undefined) reject(subject, { field: field("saleYear"), value: f.saleYear, allowed: "unset on an undated campus: a sale happens in a year (give the campus an onlineYear)" });
    if (f.saleYear! < horizon.startYear || f.saleYear! > horizon.endYear) reject(subject, { field: field("saleYear"), value: f.saleYear, allowed: `a year within the horizon (${horizon.startYear} to ${horizon.endYear})` });
    return {
      structure, partnerShareOfFacility: 0, partnerEquityReturn: 0,
      sale: { saleYear: f.saleYear!, ...(f.salePriceUsd === undefined ? {} : { salePriceUsd: f.salePriceUsd }), leaseRate: f.leaseRate!, leaseTermYears: f.leaseTermYears! },
      ...constructionLoan,
    };
  }
  need("partnerShareOfFacility", "the share of the facility capex the partner funds (0 to 1)");
  const ways = [
    f.leaseRatePerYear !== undefined ? "rate" : undefined,
    DEBT_FIELDS.some((k) => f[k] !== undefined) && f.partnerDebtShare === undefined && f.leaseTermYears === undefined ? "debt" : undefined,
    f.partnerDebtShare !== undefined || f.leaseTermYears !== undefined ? "sized" : undefined,
  ].filter((w) => w !== undefined);
  const waysText = "leaseRatePerYear; or the reported debt: debtUsd, couponRate, debtIssueYear and maturityYear; or debt sized from the capex: partnerDebtShare, couponRate and leaseTermYears";
  if (ways.length === 0) reject(subject, { field: field("leaseRatePerYear"), value: undefined, allowed: `the lease, stated one way: ${waysText}` });
  if (ways.length > 1 || (ways[0] === "rate" && [...DEBT_FIELDS, ...SIZED_FIELDS, "partnerEquityReturn" as const].some((k) => f[k] !== undefined))) {
    const extra = [...DEBT_FIELDS, ...SIZED_FIELDS, "partnerEquityReturn" as const].find((k) => f[k] !== undefined)!;
    reject(subject, { field: field(extra), value: f[extra], allowed: `unset: the lease is stated once, as ${waysText}` });
  }
  const partnerEquityReturn = f.partnerEquityReturn ?? catalogOf(subject).costsOfCapital.get(DEFAULT_PARTNER_EQUITY_RETURN).rate.base;
  const base = { structure, partnerShareOfFacility: f.partnerShareOfFacility!, partnerEquityReturn, ...constructionLoan } as const;
  if (ways[0] === "rate") return { ...base, leaseRatePerYear: f.leaseRatePerYear! };
  if (ways[0] === "debt") {
    const missing = DEBT_FIELDS.find((k) => f[k] === undefined);
    if (missing) reject(subject, { field: field(missing), value: undefined, allowed: `set with ${DEBT_FIELDS.filter((k) => f[k] !== undefined).join(", ")}: a level annuity needs the principal (debtUsd), the rate (couponRate), the issue year (debtIssueYear) and the maturity (maturityYear)` });
    if (f.maturityYear! <= f.debtIssueYear! || f.maturityYear! - f.debtIssueYear! > 60) {
      reject(subject, { field: field("maturityYear"), value: f.maturityYear, allowed: `a year after debtIssueYear (${f.debtIssueYear}), at most 60 years after it (${f.debtIssueYear! + 1} to ${f.debtIssueYear! + 60})` });
    }
    return { ...base, debt: { debtUsd: f.debtUsd!, couponRate: f.couponRate!, debtIssueYear: f.debtIssueYear!, maturityYear: f.maturityYear! } };
  }
  const missing = SIZED_FIELDS.find((k) => f[k] === undefined);
  if (missing) reject(subject, { field: field(missing), value: undefined, allowed: `set with ${SIZED_FIELDS.filter((k) => f[k] !== undefined).join(", ")}: debt sized from the capex needs the share borrowed (partnerDebtShare), its rate (couponRate) and the lease's term (leaseTermYears)` });
  return { ...base, sizedDebt: { partnerDebtShare: f.partnerDebtShare!, couponRate: f.couponRate!, leaseTermYears: f.leaseTermYears! } };
}

/** The discount rate: stated, else the named (or default) cost of capital's range. */
function discountRateOf(args: { costOfCapital?: string; discountRate?: number }, subject: Subject): { costOfCapital: string; discountRate: RateRange } {
  if (args.discountRate !== undefined && args.costOfCapital !== undefined) {
    reject(subject, { field: "discountRate", value: args.discountRate, allowed: `unset with costOfCapital ("${args.costOfCapital}"): the rate is stated once, as a figure or as a catalog cost of capital` });
  }
  if (args.discountRate !== undefined) return { costOfCapital: "stated", discountRate: { low: args.discountRate, base: args.discountRate, high: args.discountRate } };
  const entry = lookup(catalogOf(subject).costsOfCapital, args.costOfCapital ?? DEFAULT_COST_OF_CAPITAL, "costOfCapital", subject);
  return { costOfCapital: entry.id, discountRate: { ...entry.rate } };
}

/** A rack of `design` at its default fill and nameplate power: its IT kW, GPUs, price and life (for a refresh to it). */
function rackOf(design: string, subject: Subject, field: string): { itKw: number; gpus: number; usdPerRack: UsdRange; usefulLifeYears: number; maintenanceShareOfCapex: number; cooling: string } {
  const c = catalogOf(subject);
  const r = lookup(c.rackDesigns, design, field, subject);
  const node = c.nodeDesigns.get(r.nodeDesignId);
  const accelerator = c.accelerators.get(node.acceleratorId);
  if (!c.rackHardwareCosts.has(design)) reject(subject, { field, value: design, allowed: `a rack design the cost catalog prices (rackHardwareCosts): ${c.rackHardwareCosts.ids().join(", ")}` });
  const price = c.rackHardwareCosts.get(design);
  return { itKw: defaultFillItPowerKw(r, node, accelerator), gpus: r.nodesPerRack * node.gpusPerNode, usdPerRack: price.usdPerRack, usefulLifeYears: price.usefulLifeYears, maintenanceShareOfCapex: price.maintenanceShareOfCapex, cooling: r.cooling };
}

type MoneyHall = { footprint: DataHallFootprint & { name: string }; onlineYear?: number };
type MoneyContract = PowerContractFootprint & { name: string };

/** The refresh designs checked: each `from` used on the campus, each `to` priced, cooled alike, and not `from`. */
function refreshDesignsOf(list: readonly RefreshDesignArgs[] | undefined, halls: readonly MoneyHall[], subject: Subject): Map<string, RefreshDesignArgs> {
  const out = new Map<string, RefreshDesignArgs>();
  const used = new Set(halls.flatMap((h) => h.footprint.rackGroups.map((g) => g.design)));
  (list ?? []).forEach((d, i) => {
    const f = `refreshDesigns[${i}]`;
    if (!used.has(d.from)) reject(subject, { field: `${f}.from`, value: d.from, allowed: `a rack design the campus's racks use: ${[...used].join(", ")}` });
    if (out.has(d.from)) reject(subject, { field: `${f}.from`, value: d.from, allowed: `a design not listed before (refreshDesigns[${[...out.keys()].indexOf(d.from)}] names it): one later design per design` });
    if (d.to === d.from) reject(subject, { field: `${f}.to`, value: d.to, allowed: `a design other than "${d.from}" (like for like is the default)` });
    const from = catalogOf(subject).rackDesigns.get(d.from);
    const to = rackOf(d.to, subject, `${f}.to`);
    if (to.cooling !== from.cooling) reject(subject, { field: `${f}.to`, value: d.to, allowed: `a ${from.cooling}-cooled rack design, as "${d.from}" is (a hall's cooling is its building's)` });
    out.set(d.from, d);
  });
  return out;
}

/** What each hall and owned plant brings to the refresh. */
function refreshableAssets(halls: readonly MoneyHall[], generation: readonly { name: string; year?: number; untilYear?: number; lines: readonly CapexLine[] }[], designs: Map<string, RefreshDesignArgs>, subject: Subject): RefreshableAsset[] {
  const c = catalogOf(subject);
  const hallAssets = halls.map((h): RefreshableAsset => {
    const groups = h.footprint.rackGroups.flatMap((g): RefreshRackGroup[] => {
      if (!g.capexUsd || !c.rackHardwareCosts.has(g.design)) return [];
      const price = c.rackHardwareCosts.get(g.design);
      const to = designs.get(g.design)?.to;
      const next = to === undefined ? undefined : rackOf(to, subject, "refreshDesigns");
      // The building's IT power carries as many of the later racks as fit: floor(group IT kW / later rack kW).
      const nextRacks = next ? Math.floor(g.itLoadKw / next.itKw + 1e-9) : 0;
      return [{
        design: g.design, capexUsd: g.capexUsd, usefulLifeYears: price.usefulLifeYears, maintenanceShareOfCapex: price.maintenanceShareOfCapex, gpuCount: g.gpuCount,
        ...(next && to ? { next: { design: to, rackCount: nextRacks, gpuCount: nextRacks * next.gpus, capexUsd: scaled(next.usdPerRack, nextRacks), usefulLifeYears: next.usefulLifeYears, maintenanceShareOfCapex: next.maintenanceShareOfCapex } } : {}),
      }];
    });
    // The hall's it-hardware line is its groups' hardware (each refreshed on its own): the other lines as they are.
    const lines = h.footprint.capex.filter((l) => l.category !== "it-hardware" || groups.length === 0);
    return { name: h.footprint.name, ...(h.onlineYear === undefined ? {} : { year: h.onlineYear }), lines, rackGroups: groups };
  });
  return [...hallAssets, ...generation.map((g) => ({ name: g.name, ...(g.year === undefined ? {} : { year: g.year }), ...(g.untilYear === undefined ? {} : { untilYear: g.untilYear }), lines: g.lines, rackGroups: [] }))];
}

/**
 * The catalog's energy price entry a bought contract is billed by (its escalation, capacity and demand charges):
 * none for a stated price, which is all-in, or for owned generation, which pays fuel and O&M.
 */
function tariffOf(k: MoneyContract, c: ReturnType<typeof catalogOf>): EnergyPriceSpec | undefined {
  return k.priceUsdPerMwh === undefined && !k.owned && c.energyPrices.has(k.source) ? c.energyPrices.get(k.source) : undefined;
}

/** Grid charges and PPA settlement per ledger year (see components/finance/energyMoney.ts), and what cannot be priced. */
function yearCharges(contracts: readonly MoneyContract[], ledger: CampusYears, subject: Subject): { charges: YearCharges[]; missing: string[] } {
  const c = catalogOf(subject);
  const missing: string[] = [];
  const charges = ledger.rows.map((row, i): YearCharges => {
    const capacity: UsdRange[] = [];
    const demand: UsdRange[] = [];
    const settlement: UsdRange[] = [];
    for (const k of contracts) {
      const inRow = row.contracts.find((rc) => rc.name === k.name);
      if (!inRow) continue;
      const tariff = tariffOf(k, c);
      if (k.delivery === "physical" && tariff) {
        const peak = ledger.peakSuppliedMw[i][k.name] ?? 0;
        const factor = escalationFactor(tariff.escalationPerYear, tariff.priceYear, row.year);
        if (tariff.capacityUsdPerMwDay) capacity.push(scaled(tariff.capacityUsdPerMwDay, capacityChargeUsd(1, daysInYear(row.year), peak) * factor));
        if (tariff.demandUsdPerKwMonth) demand.push(scaled(tariff.demandUsdPerKwMonth, demandChargeUsd(1, billedDemandMw(peak, inRow.mw, tariff.minimumDemandShare ?? 0)) * factor));
      }
      if (k.delivery === "virtual") {
        const market = k.market === undefined ? undefined : c.markets.has(k.market) ? c.markets.get(k.market) : undefined;
        const strike = k.energyUsdPerMwh;
        if (!market?.hubPrice || !strike) {
          missing.push(`settlement of virtual PPA "${k.name}" (${!strike ? "its strike: energyPrices or priceUsdPerMwh" : `market "${k.market ?? "none"}" hubPrice`})`);
          continue;
        }
        settlement.push(ppaSettlementRange(strike, market.hubPrice.usdPerMwh, inRow.energyMwh));
      }
    }
    // A settlement may be negative (the hub pays more than the strike): total adds it as it is.
    return { capacityUsd: total(capacity), demandUsd: total(demand), ppaSettlementUsd: total(settlement) };
  });
  return { charges, missing: [...new Set(missing)] };
}

/** The rental bands of the catalog, the campus's accelerators marked. */
function rentalBandsOf(halls: readonly MoneyHall[], subject: Subject): RentalBand[] {
  const own = new Set(halls.flatMap((h) => h.footprint.rackGroups.map((g) => g.nodes.accelerator)));
  return catalogOf(subject).gpuRentalPrices.list().map((b) => ({
    id: b.id, accelerator: b.acceleratorId, term: b.term, usdPerGpuHour: { ...b.usdPerGpuHour }, ofCampus: own.has(b.acceleratorId), source: b.source.title, checked: b.source.checked,
  }));
}

/** The campus's cost outputs: capex, the cost ledger with refresh and energy money, and its finance. */
export function campusMoney(
  subject: Subject,
  args: CampusMoneyArgs & { climate: string; financing?: ParsedFinancing },
  horizon: { startYear: number; endYear: number } | undefined,
  halls: readonly MoneyHall[],
  contracts: readonly MoneyContract[],
  ledger: CampusYears,
) {
  const c = catalogOf(subject);
  const terms = financingTerms(args.financing, subject, horizon);
  const rate = discountRateOf(args, subject);
  if (args.presentValueYear !== undefined && horizon === undefined) reject(subject, { field: "presentValueYear", value: args.presentValueYear, allowed: "unset on an undated campus (its one year is the present)" });
  const designs = refreshDesignsOf(args.refreshDesigns, halls, subject);
  const policy: RefreshPolicy = (args.hardwareRefresh as RefreshPolicy | undefined) ?? "like-for-like";
  // Owned generation starting after the horizon is not the horizon's capex.
  const lastYear = ledger.rows[ledger.rows.length - 1].year;
  const generation = contracts
    .filter((k) => k.owned && (lastYear === undefined || k.startYear === undefined || k.startYear <= lastYear))
    .map((k) => ({ name: k.name, year: k.startYear, untilYear: k.endYear, capex: generationCapex(c, k.source, k.contractedMw) }));
  const capex = combined([...halls.map((h) => ({ lines: h.footprint.capex, missing: h.footprint.costMissing })), ...generation.map((g) => g.capex)]);
  const water = c.waterPrices.has(args.climate) ? c.waterPrices.get(args.climate).usdPerM3 : undefined;
  const { assets, events } = withRefreshes(
    refreshableAssets(halls, generation.map((g) => ({ name: g.name, year: g.year, untilYear: g.untilYear, lines: g.capex.lines })), designs, subject),
    horizon?.endYear,
    policy,
  );
  const { charges, missing: chargesMissing } = yearCharges(contracts, ledger, subject);
  const costMissing = [
    ...capex.missing,
    ...contracts.filter((k) => k.delivery === "physical").flatMap((k) => k.costMissing),
    ...chargesMissing,
    ...(water === undefined ? [`water at climate "${args.climate}" (waterPrices)`] : []),
  ];
  const rows = ledger.rows;
  // GPU-hours: each hall's GPUs running that year (refreshes change them) × its hours at full load (IT energy / IT power).
  const racksOf = new Map<string, LedgerAsset[]>();
  for (const a of assets) {
    if (a.gpuCount === 0) continue;
    const list = racksOf.get(a.name);
    if (list) list.push(a);
    else racksOf.set(a.name, [a]);
  }
  const gpuHours = rows.map((r) => halls.reduce((s, h) => {
    const fp = h.footprint;
    const racks = racksOf.get(fp.name);
    // A hall whose racks are not priced has no rack assets: its own GPU count.
    const gpus = racks === undefined ? fp.gpuCount : racks
      .filter((a) => a.year === undefined || r.year === undefined || (a.year <= r.year && (a.retiredYear === undefined || r.year < a.retiredYear)))
      .reduce((g, a) => g + a.gpuCount, 0);
    const running = h.onlineYear === undefined || r.year === undefined || h.onlineYear <= r.year;
    return s + (running ? gpuHoursOf(gpus, fp.annualItEnergyMwh, fp.itLoadKw) : 0);
  }, 0));
  // The ledger takes the assets merged by year (exact: every figure it takes is linear in capex).
  const merged = coalesced(assets);
  const costRows = campusCost({
    years: rows.map((r) => r.year),
    assets: merged.map((a) => ({ ...(a.year === undefined ? {} : { year: a.year }), ...(a.retiredYear === undefined ? {} : { retiredYear: a.retiredYear }), refresh: a.refresh, lines: a.lines })),
    contracts: contracts.filter((k) => k.delivery === "physical").map((k) => {
      const tariff = tariffOf(k, c);
      return {
        name: k.name,
        ...(k.energyUsdPerMwh ? { energyUsdPerMwh: k.energyUsdPerMwh } : {}),
        ...(tariff?.escalationPerYear === undefined ? {} : { escalationPerYear: tariff.escalationPerYear, ...(tariff.priceYear === undefined ? {} : { priceYear: tariff.priceYear }) }),
      };
    }),
    suppliedMwh: ledger.suppliedMwh,
    waterM3: rows.map((r) => r.waterM3),
    consumedMwh: rows.map((r) => r.facilityEnergyMwh - r.unservedEnergyMwh),
    gpuHours,
    charges,
    discountRate: rate.discountRate,
    ...(water === undefined ? {} : { waterUsdPerM3: water }),
    ...(terms ? { financing: { structure: terms.structure, partnerShareOfFacility: terms.partnerShareOfFacility } } : {}),
  });
  const { rows: costYears, finance } = campusFinance({
    rows: costRows,
    assets: merged,
    ...(terms ? { terms } : {}),
    ...(args.financing?.partner === undefined ? {} : { partnerName: args.financing.partner }),
    discountRate: rate.discountRate,
    costOfCapital: rate.costOfCapital,
    ...(args.presentValueYear === undefined ? {} : { presentValueYear: args.presentValueYear }),
    refreshes: events,
    rentalBands: rentalBandsOf(halls, subject),
  });
  return { capex, costYears, finance, costMissing: [...new Set(costMissing)] };
}

