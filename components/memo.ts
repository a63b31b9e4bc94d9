/**
 * Memoisation, in one place. The model is a pure function of its args and the catalog, and a plan repeats itself (a
 * 5 GW campus has hundreds of identical halls), so a few expensive results are kept: generated weather years, EPW
 * files, plant and hall hours, IT profiles. Every such memo is keyed by the value it was computed from (the climate's
 * content, the file's bytes, the design's figures), never by a resource's name, so two plans in one process with
 * different figures never see each other's results; and every memo is bounded by MEMO_ENTRIES, dropping the least
 * recently used entry.
 *
 * What a memo hands out is shared between every caller that asks with the same key: treat the arrays as read-only.
 */

/** Most entries one memo keeps: enough for the distinct designs of the largest plan, small enough for a long-lived process. */
export const MEMO_ENTRIES = 512;

/** A bounded memo keyed by a value's canonical string (least recently used entry dropped first). */
export class ValueMemo<V> {
  private readonly entries = new Map<string, V>();

  /** @param limit most entries kept (MEMO_ENTRIES by default) */
  constructor(private readonly limit: number = MEMO_ENTRIES) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`a memo keeps at least 1 entry, got ${limit}`);
  }

  /** The value computed for `key`, computing and keeping it on a miss. */
  get(key: string, compute: () => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Refresh: a Map iterates in insertion order, so the first key is always the least recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = compute();
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, value);
    return value;
  }

  /** How many entries are kept. */
  get size(): number {
    return this.entries.size;
  }
}

/**
 * A memo per object, for results derived from a value that is itself memoised (a weather year, a plant's hours): the
 * object is the key's first part, weakly held, so its results go when it does; the rest of the key is a string.
 */
export class ObjectMemo<O extends object, V> {
  private readonly byObject = new WeakMap<O, ValueMemo<V>>();

  constructor(private readonly limit: number = MEMO_ENTRIES) {}

  get(object: O, key: string, compute: () => V): V {
    let memo = this.byObject.get(object);
    if (!memo) this.byObject.set(object, (memo = new ValueMemo<V>(this.limit)));
    return memo.get(key, compute);
  }
}
