/**
 * What a report is: which tool made it and when, from which project, stack and config, at what scale, on which weather.
 * A plan at 1/1000 scale shows every MW, m³, tonne and dollar at 1/1000: the reports say so where the figures are.
 */
import { show } from "../components/format/numbers";
import { ofType, prop, TYPES, type ResourceView } from "../policies/view";
import { toolPackage } from "./ciFormats";

export interface ReportProvenance {
  /** The package that made the report, `pulumi-aicluster <version>`. */
  tool: string;
  /** The day it was made (UTC), or the `--today` it was made as of. */
  madeOn: string;
  /** The stack's scale when it has one (this repository's stacks, or a program exporting `scale`): its figures are the campus's × this. */
  scale?: number;
  /** Where each campus's weather hours come from. */
  weather: { campus: string; source: string }[];
}

/** The scale a stack states: an exported `scale` output, else a `<project>:scale` config value. */
function statedScale(outputs: Record<string, unknown>, config: Record<string, string>, project: string): number | undefined {
  const fromOutput = outputs.scale;
  if (typeof fromOutput === "number" && Number.isFinite(fromOutput) && fromOutput > 0) return fromOutput;
  const fromConfig = Number(config[`${project}:scale`]);
  return Number.isFinite(fromConfig) && fromConfig > 0 ? fromConfig : undefined;
}

export function reportProvenance(views: readonly ResourceView[], outputs: Record<string, unknown>, config: Record<string, string>, project: string, madeOn: string): ReportProvenance {
  const scale = statedScale(outputs, config, project);
  return {
    tool: `pulumi-aicluster ${toolPackage().version}`,
    madeOn,
    ...(scale === undefined ? {} : { scale }),
    weather: ofType(views, TYPES.campus).map((v) => ({ campus: v.name, source: String(prop(v, "weather") ?? "-") })),
  };
}

/** The warning a scaled plan carries wherever its figures are shown; none at scale 1. */
export function scaleWarning(p: ReportProvenance | undefined): string | undefined {
  if (p?.scale === undefined || p.scale === 1) return undefined;
  const oneIn = 1 / p.scale;
  const fraction = Number.isInteger(Math.round(oneIn * 1e6) / 1e6) ? `1/${show(Math.round(oneIn))}` : `${show(p.scale)}×`;
  return `this plan is at ${fraction} scale (scale ${show(p.scale)}): every MW, m³, tCO2e and USD figure is the scaled campus's, not the full campus's`;
}

/** One line: who made the report, when, and on which weather. */
export function provenanceLine(p: ReportProvenance): string {
  const weather = p.weather.length ? `; weather: ${p.weather.map((w) => `${w.campus}: ${w.source}`).join("; ")}` : "";
  return `Made by ${p.tool} on ${p.madeOn}${weather}`;
}
