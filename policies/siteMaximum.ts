/** Shared check for per-site ratios with a maximum (PUE, WUE): one finding per campus over its cap. */
import { check, notApplicable, Finding } from "./finding";
import type { CampusOutputs } from "../components/model/published";
import { KeysWith, numberProp, ofType, ResourceView, TYPES } from "./view";
import { show } from "../components/format/numbers";

export function siteMaximum(
  policy: string,
  resources: readonly ResourceView[],
  spec: { prop: KeysWith<CampusOutputs, number>; label: string; unit: string; max: number; remediation: string },
): Finding[] {
  return ofType(resources, TYPES.campus).flatMap((campus) => {
    const value = numberProp(campus, spec.prop);
    if (value === undefined) return [notApplicable(policy, campus, [spec.prop])];
    return [
      check(policy, campus, { budget: spec.label, measured: value, limit: spec.max, unit: spec.unit }, () => ({
        message: `${campus.name}: ${spec.label} ${show(value)}${spec.unit ? ` ${spec.unit}` : ""} exceeds the maximum of ${show(spec.max)}`,
        remediation: spec.remediation,
      })),
    ];
  });
}
