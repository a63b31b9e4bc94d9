/**
 * Bad catalog entries: `register(entry)` fails with a CatalogError whose problems name the field; the planner exits 2
 * (a program that extends the catalog with a bad entry is bad input). Complements test/catalogStrict.test.ts, which
 * covers one unknown field per section and the cross-field and reference checks it lists; these are the rest.
 */
import { Catalog, CatalogError } from "../../../components/catalog";
import type { BadInputCase } from "../helpers";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const CE = { errorClass: CatalogError, exit: 2 } as const;
const SOURCE = { title: "test data", checked: "2026-11-25" };

/** A catalog of the built-ins, fresh per case so rows never see each other's entries. */
const fresh = () => Catalog.withBuiltins();
const accelerator = (c: Catalog, extra: Record<string, unknown>): Any => ({ ...c.accelerators.get("h100-sxm"), id: "x-acc", ...extra });
const node = (c: Catalog, extra: Record<string, unknown>): Any => ({ ...c.nodeDesigns.get("hgx-h100-8gpu"), id: "x-node", ...extra });
const rack = (c: Catalog, extra: Record<string, unknown>): Any => ({ ...c.rackDesigns.get("gb200-nvl72"), id: "x-rack", ...extra });
const tech = (c: Catalog, extra: Record<string, unknown>): Any => ({ ...c.coolingTechnologies.get("evaporative-tower"), id: "x-tech", ...extra });
const source = (c: Catalog, extra: Record<string, unknown>): Any => ({ ...c.generationSources.get("nuclear"), id: "x-source", ...extra });
const climate = (extra: Record<string, unknown>): Any => ({ id: "x-site", description: "test site", designDryBulbC: 30, designWetBulbC: 22, source: SOURCE, ...extra });
const market = (extra: Record<string, unknown>): Any => ({ id: "x-market", description: "test market", accreditation: { nuclear: 0.9 }, source: SOURCE, ...extra });
const aws = (c: Catalog, extra: Record<string, unknown>): Any => ({ ...c.awsInstanceTypes.get("p5.48xlarge"), id: "x9.48xlarge", defaultForAccelerator: false, ...extra });

const ID = "lower-case letters, digits, '.' and '-'";
const DATE = "an ISO date YYYY-MM-DD";

export const CATALOG_CASES: BadInputCase[] = [
  // accelerators
  { name: "accelerator: id in upper case", run: () => { const c = fresh(); c.accelerators.register(accelerator(c, { id: "H100-X" })); }, ...CE, field: "id", value: "H100-X", allowed: ID },
  { name: "accelerator: boardPowerW 0", run: () => { const c = fresh(); c.accelerators.register(accelerator(c, { boardPowerW: 0 })); }, ...CE, field: "boardPowerW", value: 0 },
  { name: "accelerator: boardPowerW 5001", run: () => { const c = fresh(); c.accelerators.register(accelerator(c, { boardPowerW: 5001 })); }, ...CE, field: "boardPowerW", value: 5001 },
  { name: "accelerator: memoryGb NaN", run: () => { const c = fresh(); c.accelerators.register(accelerator(c, { memoryGb: Number.NaN })); }, ...CE, field: "memoryGb", value: Number.NaN },
  { name: "accelerator: cooling 'water'", run: () => { const c = fresh(); c.accelerators.register(accelerator(c, { cooling: "water" })); }, ...CE, field: "cooling", value: "water" },
  { name: "accelerator: source.checked missing", run: () => { const c = fresh(); c.accelerators.register(accelerator(c, { source: { title: "test data" } })); }, ...CE, field: "source.checked", value: undefined },
  { name: "accelerator: source.checked not an ISO date", run: () => { const c = fresh(); c.accelerators.register(accelerator(c, { source: { ...SOURCE, checked: "25/11/2026" } })); }, ...CE, field: "source.checked", value: "25/11/2026", allowed: DATE },
  { name: "accelerator: source.url not a URL", run: () => { const c = fresh(); c.accelerators.register(accelerator(c, { source: { ...SOURCE, url: "datasheet" } })); }, ...CE, field: "source.url", value: "datasheet" },
  { name: "accelerator: source missing", run: () => { const c = fresh(); c.accelerators.register(accelerator(c, { source: undefined })); }, ...CE, field: "source", value: undefined },
  { name: "accelerator: duplicate id", run: () => { const c = fresh(); c.accelerators.register(accelerator(c, { id: "b200" })); }, ...CE, field: "id", value: "b200", messageNames: 'accelerator "b200" is already in the catalog', allowed: "an id not yet in the catalog" },
  { name: "accelerator: entry null", run: () => fresh().accelerators.register(null as Any), ...CE, field: "(args)", value: null },
  // node designs
  { name: "node design: gpusPerNode 0", run: () => { const c = fresh(); c.nodeDesigns.register(node(c, { gpusPerNode: 0 })); }, ...CE, field: "gpusPerNode", value: 0 },
  { name: "node design: gpusPerNode fractional", run: () => { const c = fresh(); c.nodeDesigns.register(node(c, { gpusPerNode: 2.5 })); }, ...CE, field: "gpusPerNode", value: 2.5 },
  { name: "node design: acceleratorId with an underscore (bad id pattern)", run: () => { const c = fresh(); c.nodeDesigns.register(node(c, { acceleratorId: "h100_sxm" })); }, ...CE, field: "acceleratorId", value: "h100_sxm", allowed: ID },
  { name: "node design: cooling 'air-or-liquid' (accelerators only)", run: () => { const c = fresh(); c.nodeDesigns.register(node(c, { cooling: "air-or-liquid" })); }, ...CE, field: "cooling", value: "air-or-liquid" },
  { name: "node design: hostOverheadW -1", run: () => { const c = fresh(); c.nodeDesigns.register(node(c, { hostOverheadW: -1 })); }, ...CE, field: "hostOverheadW", value: -1 },
  { name: "node design: maxPowerW Infinity", run: () => { const c = fresh(); c.nodeDesigns.register(node(c, { maxPowerW: Infinity })); }, ...CE, field: "maxPowerW", value: Infinity },
  { name: "node design: duplicate id", run: () => { const c = fresh(); c.nodeDesigns.register(node(c, { id: "hgx-h200-8gpu" })); }, ...CE, field: "id", value: "hgx-h200-8gpu", messageNames: 'node design "hgx-h200-8gpu" is already in the catalog' },
  // rack designs
  { name: "rack design: id with a space", run: () => { const c = fresh(); c.rackDesigns.register(rack(c, { id: "gb200 nvl72" })); }, ...CE, field: "id", value: "gb200 nvl72", allowed: ID },
  { name: "rack design: nodesPerRack 129", run: () => { const c = fresh(); c.rackDesigns.register(rack(c, { nodesPerRack: 129 })); }, ...CE, field: "nodesPerRack", value: 129 },
  { name: "rack design: powerConversionEfficiency 0.49", run: () => { const c = fresh(); c.rackDesigns.register(rack(c, { powerConversionEfficiency: 0.49 })); }, ...CE, field: "powerConversionEfficiency", value: 0.49 },
  { name: "rack design: ratedKw 0", run: () => { const c = fresh(); c.rackDesigns.register(rack(c, { ratedKw: 0 })); }, ...CE, field: "ratedKw", value: 0 },
  { name: "rack design: default fill above its rating", run: () => { const c = fresh(); c.rackDesigns.register(rack(c, { ratedKw: 100 })); }, ...CE, field: "ratedKw", value: 100, allowed: "at least the 121.0 kW its default fill draws" },
  { name: "rack design: liquid-cooled with no liquid capture", run: () => { const c = fresh(); c.rackDesigns.register(rack(c, { liquidCaptureFraction: 0 })); }, ...CE, field: "liquidCaptureFraction", value: 0, allowed: "above 0 for a liquid-cooled rack" },
  { name: "rack design: maxSupplyTempC 71", run: () => { const c = fresh(); c.rackDesigns.register(rack(c, { maxSupplyTempC: 71 })); }, ...CE, field: "maxSupplyTempC", value: 71 },
  { name: "rack design: supply range unordered by a tenth", run: () => { const c = fresh(); c.rackDesigns.register(rack(c, { minSupplyTempC: 30.1, maxSupplyTempC: 30 })); }, ...CE, field: "minSupplyTempC", value: 30.1, allowed: "at most maxSupplyTempC (30 °C)" },
  { name: "rack design: unknown nodeDesignId in a fresh catalog", run: () => new Catalog().rackDesigns.register(rack(fresh(), {})), ...CE, field: "nodeDesignId", value: "gb200-nvl72-tray", allowed: "a node design in the catalog: " },
  { name: "rack design: liquid-cooled without a cdu", run: () => { const c = fresh(); c.rackDesigns.register(rack(c, { cdu: undefined })); }, ...CE, field: "cdu", value: undefined, allowed: "a CDU { approachK, source } for a liquid-cooled rack" },
  { name: "rack design: air-cooled with a cdu", run: () => { const c = fresh(); c.rackDesigns.register({ ...c.rackDesigns.get("hgx-h100-air-rack"), id: "x-air", cdu: { approachK: 3, source: SOURCE } } as Any); }, ...CE, field: "cdu", allowed: "unset for an air-cooled rack" },
  { name: "rack design: cdu.approachK 16", run: () => { const c = fresh(); c.rackDesigns.register(rack(c, { cdu: { approachK: 16, source: SOURCE } })); }, ...CE, field: "cdu.approachK", value: 16 },
  { name: "rack design: cdu.approachK -1", run: () => { const c = fresh(); c.rackDesigns.register(rack(c, { cdu: { approachK: -1, source: SOURCE } })); }, ...CE, field: "cdu.approachK", value: -1 },
  { name: "rack design: cdu without a source", run: () => { const c = fresh(); c.rackDesigns.register(rack(c, { cdu: { approachK: 3 } })); }, ...CE, field: "cdu.source", value: undefined },
  { name: "rack design: cdu with an unknown field approach (typo)", run: () => { const c = fresh(); c.rackDesigns.register(rack(c, { cdu: { approach: 3, approachK: 3, source: SOURCE } })); }, ...CE, field: "cdu.approach", value: 3 },
  { name: "rack design: source.checked with a time", run: () => { const c = fresh(); c.rackDesigns.register(rack(c, { source: { ...SOURCE, checked: "2026-11-25T10:00" } })); }, ...CE, field: "source.checked", value: "2026-11-25T10:00", allowed: DATE },
  // cooling technologies
  { name: "cooling technology: cyclesOfConcentration 1.4", run: () => { const c = fresh(); c.coolingTechnologies.register(tech(c, { cyclesOfConcentration: 1.4 })); }, ...CE, field: "cyclesOfConcentration", value: 1.4 },
  { name: "cooling technology: approachK 31", run: () => { const c = fresh(); c.coolingTechnologies.register(tech(c, { approachK: 31 })); }, ...CE, field: "approachK", value: 31 },
  { name: "cooling technology: ambientBasis 'dry'", run: () => { const c = fresh(); c.coolingTechnologies.register(tech(c, { ambientBasis: "dry" })); }, ...CE, field: "ambientBasis", value: "dry" },
  { name: "cooling technology: defaultUnitCapacityKw 0", run: () => { const c = fresh(); c.coolingTechnologies.register(tech(c, { defaultUnitCapacityKw: 0 })); }, ...CE, field: "defaultUnitCapacityKw", value: 0 },
  { name: "cooling technology: power range of one number", run: () => { const c = fresh(); c.coolingTechnologies.register(tech(c, { powerKwPerKwHeatRange: [0.02] })); }, ...CE, field: "powerKwPerKwHeatRange", value: [0.02] },
  { name: "cooling technology: duplicate id", run: () => { const c = fresh(); c.coolingTechnologies.register(tech(c, { id: "chiller" })); }, ...CE, field: "id", value: "chiller", messageNames: 'cooling technology "chiller" is already in the catalog' },
  // costs
  { name: "rack hardware cost: for an unknown rack design", run: () => { const c = fresh(); c.rackHardwareCosts.register({ ...c.rackHardwareCosts.get("gb200-nvl72"), id: "x-rack" } as Any); }, ...CE, field: "id", value: "x-rack", allowed: "a rack design in the catalog" },
  { name: "rack hardware cost: base below low", run: () => { const c = fresh(); c.rackHardwareCosts.register({ ...c.rackHardwareCosts.get("gb200-nvl72"), usdPerRack: { low: 3, base: 2, high: 4 } }, { replace: true }); }, ...CE, field: "usdPerRack.base", value: 2, allowed: "a range is low ≤ base ≤ high" },
  { name: "rack hardware cost: a negative high", run: () => { const c = fresh(); c.rackHardwareCosts.register({ ...c.rackHardwareCosts.get("gb200-nvl72"), usdPerRack: { low: 0, base: 0, high: -1 } }, { replace: true }); }, ...CE, field: "usdPerRack.high", value: -1 },
  { name: "cooling plant cost: life of 0 years", run: () => { const c = fresh(); c.coolingPlantCosts.register({ ...c.coolingPlantCosts.get("adiabatic"), usefulLifeYears: 0 }, { replace: true }); }, ...CE, field: "usefulLifeYears", value: 0 },
  { name: "facility cost: maintenance of 60 % a year", run: () => { const c = fresh(); c.facilityCosts.register({ ...c.facilityCosts.get("hyperscale-liquid-ai"), id: "x-hall", maintenanceShareOfCapex: 0.6 }); }, ...CE, field: "maintenanceShareOfCapex", value: 0.6 },
  { name: "generation cost: variable cost low above base", run: () => { const c = fresh(); c.generationCosts.register({ ...c.generationCosts.get("gas-turbine"), variableUsdPerMwh: { low: 50, base: 40, high: 60 } }, { replace: true }); }, ...CE, field: "variableUsdPerMwh.base", value: 40, allowed: "a range is low ≤ base ≤ high" },
  // Issue 35: the money figures.
  { name: "energy price: an escalation without its priceYear", run: () => { const c = fresh(); c.energyPrices.register({ ...c.energyPrices.get("nuclear"), escalationPerYear: 0.02 }); }, ...CE, field: "priceYear", value: undefined, allowed: "an escalation needs a year to start from" },
  { name: "energy price: escalationPerYear 0.3", run: () => { const c = fresh(); c.energyPrices.register({ ...c.energyPrices.get("nuclear"), escalationPerYear: 0.3, priceYear: 2025 }); }, ...CE, field: "escalationPerYear", value: 0.3 },
  { name: "energy price: a minimum demand without a demand charge", run: () => { const c = fresh(); c.energyPrices.register({ ...c.energyPrices.get("nuclear"), minimumDemandShare: 0.85 }); }, ...CE, field: "minimumDemandShare", value: 0.85, allowed: "unset without demandUsdPerKwMonth" },
  { name: "energy price: a capacity price with high below base", run: () => { const c = fresh(); c.energyPrices.register({ ...c.energyPrices.get("nuclear"), capacityUsdPerMwDay: { low: 100, base: 300, high: 200 } }); }, ...CE, field: "capacityUsdPerMwDay.high", value: 200, allowed: "at least base (300)" },
  { name: "cost of capital: a rate of 0.6", run: () => { const c = fresh(); c.costsOfCapital.register({ ...c.costsOfCapital.get("hyperscaler"), id: "x-wacc", rate: { low: 0.07, base: 0.08, high: 0.6 } }); }, ...CE, field: "rate.high", value: 0.6 },
  { name: "cost of capital: low above base", run: () => { const c = fresh(); c.costsOfCapital.register({ ...c.costsOfCapital.get("hyperscaler"), id: "x-wacc", rate: { low: 0.09, base: 0.08, high: 0.1 } }); }, ...CE, field: "rate.base", value: 0.08, allowed: "at least low (0.09)" },
  { name: "GPU rental price: an unknown accelerator", run: () => { const c = fresh(); c.gpuRentalPrices.register({ ...c.gpuRentalPrices.get("b200-reserved"), id: "x-band", acceleratorId: "b900" }); }, ...CE, field: "acceleratorId", value: "b900", allowed: "an accelerator in the catalog" },
  { name: "market: a hub price without its source", run: () => { const c = fresh(); c.markets.register(market({ hubPrice: { hub: "x", usdPerMwh: { low: 30, base: 40, high: 50 } } })); }, ...CE, field: "hubPrice.source", value: undefined },
  { name: "energy price: for an unknown source", run: () => { const c = fresh(); c.energyPrices.register({ ...c.energyPrices.get("nuclear"), id: "fusion" }); }, ...CE, field: "id", value: "fusion", allowed: "a generation source in the catalog" },
  { name: "water price: a range without high", run: () => { const c = fresh(); c.waterPrices.register({ id: "central-ohio", usdPerM3: { low: 1, base: 2 }, source: SOURCE } as Any, { replace: true }); }, ...CE, field: "usdPerM3.high", value: undefined },
  // markets
  { name: "market: a large-load curtailment backup share above 1", run: () => { const c = fresh(); c.markets.register(market({ largeLoadCurtailment: { minLoadMw: 75, backupShareOfLoad: 1.5, source: SOURCE } })); }, ...CE, field: "largeLoadCurtailment.backupShareOfLoad", value: 1.5 },
  { name: "market: a large-load curtailment without its threshold", run: () => { const c = fresh(); c.markets.register(market({ largeLoadCurtailment: { backupShareOfLoad: 0.5, source: SOURCE } })); }, ...CE, field: "largeLoadCurtailment.minLoadMw", value: undefined },
  { name: "water scarcity: eleven monthly factors", run: () => { const c = fresh(); c.waterScarcity.register({ ...c.waterScarcity.get("abilene-tx"), monthlyM3WorldEqPerM3: Array(11).fill(13.5) }, { replace: true }); }, ...CE, field: "monthlyM3WorldEqPerM3", allowed: "exactly 12 numbers, January to December" },
  { name: "water scarcity: an annual factor below AWARE's 0.1", run: () => { const c = fresh(); c.waterScarcity.register({ ...c.waterScarcity.get("abilene-tx"), annualM3WorldEqPerM3: 0.05 }, { replace: true }); }, ...CE, field: "annualM3WorldEqPerM3", value: 0.05 },
  { name: "water scarcity: a stress category Aqueduct does not have", run: () => { const c = fresh(); c.waterScarcity.register({ ...c.waterScarcity.get("phoenix-az"), baselineWaterStress: { category: "severe", scope: "state", aqueductVersion: "4.0" } } as Any, { replace: true }); }, ...CE, field: "baselineWaterStress.category", value: "severe" },
  { name: "market: accreditation of an unknown source", run: () => { const c = fresh(); c.markets.register(market({ accreditation: { fusion: 0.9 } })); }, ...CE, field: "accreditation.fusion", value: "fusion", allowed: "a generation source in the catalog" },
  { name: "market: accreditation above 1", run: () => { const c = fresh(); c.markets.register(market({ accreditation: { nuclear: 1.2 } })); }, ...CE, field: "accreditation.nuclear", value: 1.2 },
  { name: "market: accreditation of a firm utility service", run: () => { const c = fresh(); c.markets.register(market({ accreditation: { "grid-pjm-ohio": 0.9 } })); }, ...CE, field: "accreditation.grid-pjm-ohio", value: 0.9, allowed: "a firm utility service" },
  { name: "market: no accreditation and no note saying why", run: () => { const c = fresh(); c.markets.register(market({ accreditation: {} })); }, ...CE, field: "accreditation", allowed: "at least one source, or a source note" },
  { name: "generation source: grid service that is not dispatchable", run: () => { const c = fresh(); c.generationSources.register(source(c, { gridService: true })); }, ...CE, field: "gridService", value: true, allowed: 'false or unset for hourlyProfile "flat"' },
  // generation sources
  { name: "generation source: hourlyProfile 'tidal'", run: () => { const c = fresh(); c.generationSources.register(source(c, { hourlyProfile: "tidal" })); }, ...CE, field: "hourlyProfile", value: "tidal" },
  { name: "generation source: storage without storageHours", run: () => { const c = fresh(); c.generationSources.register({ ...c.generationSources.get("battery-4h"), id: "x-battery", storageHours: undefined } as Any); }, ...CE, field: "storageHours", allowed: "hours of discharge" },
  { name: "generation source: storageHours on solar", run: () => { const c = fresh(); c.generationSources.register({ ...c.generationSources.get("solar-utility"), id: "x-solar", storageHours: 4 } as Any); }, ...CE, field: "storageHours", value: 4, allowed: "unset for hourlyProfile \"solar\"" },
  { name: "generation source: storage that generates", run: () => { const c = fresh(); c.generationSources.register({ ...c.generationSources.get("battery-4h"), id: "x-battery2", capacityFactor: 0.2 } as Any); }, ...CE, field: "capacityFactor", value: 0.2 },
  { name: "generation source: dispatchable flat (nuclear marked dispatchable)", run: () => { const c = fresh(); c.generationSources.register(source(c, { dispatchable: true })); }, ...CE, field: "dispatchable", value: true, allowed: "false for hourlyProfile \"flat\"" },
  { name: "cooling technology: dryApproachK on a tower's dry-bulb twin", run: () => { const c = fresh(); c.coolingTechnologies.register({ ...c.coolingTechnologies.get("dry-cooler"), id: "x-dry", dryApproachK: 4 } as Any); }, ...CE, field: "dryApproachK", value: 4 },
  { name: "cooling technology: dryApproachK 31", run: () => { const c = fresh(); c.coolingTechnologies.register(tech(c, { dryApproachK: 31 })); }, ...CE, field: "dryApproachK", value: 31 },
  { name: "generation source: capacityFactor 1.1", run: () => { const c = fresh(); c.generationSources.register(source(c, { capacityFactor: 1.1 })); }, ...CE, field: "capacityFactor", value: 1.1 },
  { name: "generation source: firmFraction -0.1", run: () => { const c = fresh(); c.generationSources.register(source(c, { firmFraction: -0.1 })); }, ...CE, field: "firmFraction", value: -0.1 },
  { name: "generation source: lifecycleGPerKwh 2001", run: () => { const c = fresh(); c.generationSources.register(source(c, { lifecycleGPerKwh: 2001 })); }, ...CE, field: "lifecycleGPerKwh", value: 2001 },
  { name: "generation source: combustionGPerKwh -1", run: () => { const c = fresh(); c.generationSources.register(source(c, { combustionGPerKwh: -1 })); }, ...CE, field: "combustionGPerKwh", value: -1 },
  { name: "generation source: lifecycle below combustion", run: () => { const c = fresh(); c.generationSources.register(source(c, { combustionGPerKwh: 400, lifecycleGPerKwh: 300 })); }, ...CE, field: "lifecycleGPerKwh", value: 300, allowed: "at least combustionGPerKwh (400 gCO2e/kWh)" },
  { name: "generation source: carbonIntensityGPerKwh (the retired single figure)", run: () => { const c = fresh(); c.generationSources.register(source(c, { carbonIntensityGPerKwh: 400 })); }, ...CE, field: "carbonIntensityGPerKwh", value: 400 },
  { name: "generation source: dispatchable 'yes'", run: () => { const c = fresh(); c.generationSources.register(source(c, { dispatchable: "yes" })); }, ...CE, field: "dispatchable", value: "yes" },
  { name: "generation source: source.checked missing", run: () => { const c = fresh(); c.generationSources.register(source(c, { source: { title: "test data" } })); }, ...CE, field: "source.checked", value: undefined },
  { name: "generation source: duplicate id", run: () => { const c = fresh(); c.generationSources.register(source(c, { id: "wind-onshore" })); }, ...CE, field: "id", value: "wind-onshore", messageNames: 'generation source "wind-onshore" is already in the catalog' },
  // climates
  { name: "climate: designDryBulbC 61", run: () => fresh().climates.register(climate({ designDryBulbC: 61 })), ...CE, field: "designDryBulbC", value: 61 },
  { name: "climate: designWetBulbC 41", run: () => fresh().climates.register(climate({ designDryBulbC: 50, designWetBulbC: 41 })), ...CE, field: "designWetBulbC", value: 41 },
  { name: "climate: wet bulb a tenth above the dry bulb", run: () => fresh().climates.register(climate({ designWetBulbC: 30.1 })), ...CE, field: "designWetBulbC", value: 30.1, allowed: "at most designDryBulbC (30 °C)" },
  { name: "climate: empty id", run: () => fresh().climates.register(climate({ id: "" })), ...CE, field: "id", value: "" },
  { name: "climate: source.checked without zero padding", run: () => fresh().climates.register(climate({ source: { ...SOURCE, checked: "2026-1-5" } })), ...CE, field: "source.checked", value: "2026-1-5", allowed: DATE },
  { name: "climate: source.title too short", run: () => fresh().climates.register(climate({ source: { ...SOURCE, title: "x" } })), ...CE, field: "source.title", value: "x" },
  { name: "climate: duplicate id", run: () => fresh().climates.register(climate({ id: "north-louisiana" })), ...CE, field: "id", value: "north-louisiana", messageNames: 'climate "north-louisiana" is already in the catalog', allowed: "an id not yet in the catalog" },
  // AWS instance types
  { name: "AWS instance type: id in upper case", run: () => { const c = fresh(); c.awsInstanceTypes.register(aws(c, { id: "P9.48xlarge" })); }, ...CE, field: "id", value: "P9.48xlarge", allowed: ID },
  { name: "AWS instance type: repeated network card index", run: () => { const c = fresh(); c.awsInstanceTypes.register(aws(c, { efaNetworkCardIndexes: [0, 0] })); }, ...CE, field: "efaNetworkCardIndexes", allowed: "network card indexes must be distinct" },
  { name: "AWS instance type: architecture 'arm'", run: () => { const c = fresh(); c.awsInstanceTypes.register(aws(c, { architecture: "arm" })); }, ...CE, field: "architecture", value: "arm" },
  { name: "AWS instance type: purchase 'spot'", run: () => { const c = fresh(); c.awsInstanceTypes.register(aws(c, { purchase: "spot" })); }, ...CE, field: "purchase", value: "spot" },
  { name: "AWS instance type: gpusPerInstance 0", run: () => { const c = fresh(); c.awsInstanceTypes.register(aws(c, { gpusPerInstance: 0 })); }, ...CE, field: "gpusPerInstance", value: 0 },
  // lookups
  { name: "lookup: unknown accelerator id", run: () => fresh().accelerators.get("h300"), ...CE, field: "accelerator", value: "h300", allowed: "one of b200, gb200" },
  { name: "lookup: unknown climate id", run: () => fresh().climates.get("mars"), ...CE, field: "climate", value: "mars", allowed: "one of abilene-tx, central-ohio" },
];
