/**
 * A rule setting that is either a limit or a word saying it is not one: `"off"` (not checked) or `"campus"` (the
 * campus's own figure). Spelling "not checked" as a word keeps every number a real limit, so tightening a budget can
 * never turn FAIL into PASS (a 0 that meant "off" did).
 */
import { z } from "zod";
import { upTo } from "../components/format/numbers";

/** `word`, or a number from min to max (above min when `aboveMin`); the error names both. */
export function wordOrNumber<W extends string>(word: W, meaning: string, min: number, max: number, unit = "", aboveMin = false) {
  const u = unit ? ` ${unit}` : "";
  const range = aboveMin ? `a number above ${upTo(min, 6)} and up to ${upTo(max, 6)}${u}` : `a number from ${upTo(min, 6)} to ${upTo(max, 6)}${u}`;
  const allowed = `"${word}" (${meaning}) or ${range}`;
  const n = z.number({ error: allowed }).max(max, { error: allowed });
  return z.union([z.literal(word, { error: allowed }), aboveMin ? n.gt(min, { error: allowed }) : n.min(min, { error: allowed })], { error: allowed });
}

/** `"off"` (not checked) or a limit. */
export function offOr(min: number, max: number, unit = "", aboveMin = false) {
  return wordOrNumber("off", "not checked", min, max, unit, aboveMin);
}
