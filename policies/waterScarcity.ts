/** What water-permit and wue-max share about limits on scarcity-weighted water. */
import { type Finding, verdict } from "./finding";
import { stringProp, type ResourceView } from "./view";

/** How to bring scarcity-weighted water down. */
export const SCARCITY_REMEDIATION = "evaporate less in the scarce months (dry or adiabatic cooling, higher supply temperatures), use reclaimed water, or build where water is less scarce";

/**
 * A limit on scarcity-weighted water set for a campus whose site has no water-scarcity entry: a violation, not a pass
 * (the limit was asked for and cannot be checked). `what` names the figure, `limitText` the limit with its unit.
 */
export function scarcityNotKnown(policy: string, campus: ResourceView, what: string, limitText: string): Finding {
  return verdict(policy, campus, "", {
    message: `${campus.name}: ${what} cannot be checked against ${limitText}: the catalog has no water-scarcity entry for climate "${stringProp(campus, "climate") ?? "unknown"}" and the campus names none (waterScarcity)`,
    remediation: "register a waterScarcity entry (AWARE factors by month) for the site's climate, or set the campus's waterScarcity to one",
  });
}
