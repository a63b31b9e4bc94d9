/** NOAA publishes its normals in °F; the catalog holds °C to 0.1 K. */

/** °F to °C, rounded to 0.1 K: (°F − 32) × 5 / 9. */
export function celsiusFromF(f: number): number {
  return Math.round((((f - 32) * 5) / 9) * 10) / 10;
}

/** Each of twelve monthly °F values in °C, to 0.1 K. */
export function celsiusFromFList(values: readonly number[]): number[] {
  return values.map(celsiusFromF);
}
