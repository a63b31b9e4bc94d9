/**
 * The one number formatter of every output: rule messages, plan text and Markdown, the HTML report, the benchmark,
 * the examples and validation messages. Engine-free, so the model, the rules and every adapter may import it.
 *
 * Every `Intl.NumberFormat` is built once and cached: `toLocaleString` builds a new one per call, which cost 5 % of a
 * 5 GW plan when rule messages used it.
 */

const MAX_DIGITS = new Map<number, Intl.NumberFormat>();
const FIXED_DIGITS = new Map<number, Intl.NumberFormat>();

function cached(cache: Map<number, Intl.NumberFormat>, digits: number, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let format = cache.get(digits);
  if (!format) {
    format = new Intl.NumberFormat("en-US", options);
    cache.set(digits, format);
  }
  return format;
}

/** `1,234.5678` with at most `digits` decimals (trailing zeros dropped): `upTo(2.5, 3)` is `2.5`. */
export function upTo(n: number, digits: number): string {
  return cached(MAX_DIGITS, digits, { maximumFractionDigits: digits }).format(n);
}

/** `1,234.50` with exactly `digits` decimals, for columns that line up and ratios compared in their last digit (PUE). */
export function fixed(n: number, digits: number): string {
  return cached(FIXED_DIGITS, digits, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** A count with thousands separators: `12,345`. */
export function count(n: number): string {
  return upTo(n, 0);
}

/**
 * Rounds for messages and tables: readable, and never hides which side of a limit a value is on
 * (`12,346`, `123.5`, `1.234`, `0.1234`).
 */
export function show(n: number): string {
  const abs = Math.abs(n);
  // Fewer decimals as the value grows: about four significant figures, never fewer than the integer part.
  return upTo(n, abs >= 1000 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 3 : 4);
}

/** A value with its unit as budgets carry them: `12.5 MW`, `7.5 %` for the unit `share` (a fraction), `1.234` for none. */
export function quantity(n: number, unit: string): string {
  return unit === "share" ? `${show(n * 100)} %` : `${show(n)}${unit ? ` ${unit}` : ""}`;
}

const USD_SCALES: readonly [number, string][] = [[1e12, "T"], [1e9, "B"], [1e6, "M"], [1e3, "k"]];
const USD_DIGITS = new Intl.NumberFormat("en-US", { minimumSignificantDigits: 3, maximumSignificantDigits: 3 });

/**
 * US dollars, compact, to three significant digits: `$0`, `$999`, `$1.23k`, `$2.50M`, `$39.4B`, `$2.09`, `-$1.23k`;
 * `-` for a value that is not a finite number. Every money figure of every output (rule messages, plan, report) uses it.
 */
export function usd(n: number): string {
  if (typeof n !== "number" || !Number.isFinite(n)) return "-";
  // Round first, then pick the scale, so that 999,999 reads `$1.00M`, not `$1,000k`.
  const rounded = Number(Math.abs(n).toPrecision(3));
  const [scale, suffix] = USD_SCALES.find(([s]) => rounded >= s) ?? [1, ""];
  if (rounded === 0) return "$0";
  return `${n < 0 ? "-" : ""}$${USD_DIGITS.format(rounded / scale)}${suffix}`;
}

/** Bytes as whole mebibytes: `1,234 MB`. */
export function megabytes(bytes: number): string {
  return `${count(Math.round(bytes / (1024 * 1024)))} MB`;
}
