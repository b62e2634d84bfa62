/**
 * Fitted models kept in the shared runtime, keyed on the exact inputs: a sheet of 10,000 cells that
 * each call LOYALTY.BGNBD on the same ranges (or a recalculation of the whole workbook) fits once.
 *
 * The key is a hash of the input numbers plus the options; a hit is confirmed by comparing the stored
 * copy of the inputs element by element, so two inputs that happen to share a hash can never share a
 * fit. The outcome is cached whether it is a model or an error (a fit that does not converge fails
 * the same way every time, and at once). Least recently used entries go first.
 */

export interface CacheStats {
  hits: number;
  misses: number;
  size: number;
}

interface Entry<T> {
  hash: string;
  options: string;
  inputs: Float64Array[];
  outcome: { ok: true; value: T } | { ok: false; error: unknown };
}

/** Two 32-bit FNV-1a style hashes over the bits of the numbers, as one 16-hex-digit string. */
export function hashInputs(inputs: readonly Float64Array[], options: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ inputs.length;
  for (let c = 0; c < options.length; c++) {
    h1 = Math.imul(h1 ^ options.charCodeAt(c), 0x01000193);
    h2 = Math.imul(h2 ^ options.charCodeAt(c), 0x5bd1e995);
  }
  for (const arr of inputs) {
    const words = new Uint32Array(arr.buffer, arr.byteOffset, arr.length * 2);
    h1 = Math.imul(h1 ^ arr.length, 0x01000193);
    h2 = Math.imul(h2 ^ arr.length, 0x5bd1e995);
    for (let i = 0; i < words.length; i++) {
      h1 = Math.imul(h1 ^ words[i], 0x01000193);
      h2 = Math.imul(h2 ^ words[i], 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
  }
  return (h1 >>> 0).toString(16).padStart(8, "0") + (h2 >>> 0).toString(16).padStart(8, "0");
}

function sameInputs(a: readonly Float64Array[], b: readonly Float64Array[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    const y = b[k];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return false;
  }
  return true;
}

export class FitCache<T> {
  private readonly entries = new Map<string, Entry<T>[]>();
  private count = 0;
  private hits = 0;
  private misses = 0;

  /** `hash` is replaceable so that tests can force two inputs into one bucket. */
  constructor(
    private readonly capacity = 32,
    private readonly hash: (inputs: readonly Float64Array[], options: string) => string = hashInputs,
  ) {}

  /**
   * The cached outcome for these inputs and options, or the outcome of `fit` (stored for next time).
   * A cached error is thrown again, exactly as `fit` threw it.
   */
  getOrFit(inputs: readonly Float64Array[], options: string, fit: () => T): T {
    const hash = this.hash(inputs, options);
    const bucket = this.entries.get(hash);
    const found = bucket?.find((e) => e.options === options && sameInputs(e.inputs, inputs));
    if (found) {
      this.hits++;
      // Re-insert the bucket so that Map order stays least-recently-used first.
      this.entries.delete(hash);
      this.entries.set(hash, bucket!);
      if (found.outcome.ok) return found.outcome.value;
      throw found.outcome.error;
    }
    this.misses++;
    let outcome: Entry<T>["outcome"];
    try {
      outcome = { ok: true, value: fit() };
    } catch (error) {
      outcome = { ok: false, error };
    }
    this.store({ hash, options, inputs: inputs.map((a) => Float64Array.from(a)), outcome });
    if (outcome.ok) return outcome.value;
    throw outcome.error;
  }

  private store(entry: Entry<T>): void {
    const bucket = this.entries.get(entry.hash) ?? [];
    bucket.push(entry);
    this.entries.delete(entry.hash);
    this.entries.set(entry.hash, bucket);
    this.count++;
    while (this.count > this.capacity) {
      const [oldestHash, oldest] = this.entries.entries().next().value as [string, Entry<T>[]];
      oldest.shift();
      this.count--;
      if (oldest.length === 0) this.entries.delete(oldestHash);
    }
  }

  stats(): CacheStats {
    return { hits: this.hits, misses: this.misses, size: this.count };
  }

  clear(): void {
    this.entries.clear();
    this.count = 0;
    this.hits = 0;
    this.misses = 0;
  }
}
