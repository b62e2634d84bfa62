import { FitCache, hashInputs } from "../../../src/functions/models/fit-cache";

const f64 = (...v: number[]) => Float64Array.from(v);

describe("the cache of fits", () => {
  it("fits once for the same inputs and options", () => {
    const cache = new FitCache<number>();
    let fits = 0;
    const fit = () => ++fits;
    for (let i = 0; i < 10_000; i++) cache.getOrFit([f64(1, 2, 3), f64(4, 5, 6)], "bgnbd|0", fit);
    expect(fits).toBe(1);
    expect(cache.stats()).toEqual({ hits: 9_999, misses: 1, size: 1 });
  });

  it("fits again when an input or an option changes", () => {
    const cache = new FitCache<string>();
    const fit = (tag: string) => () => tag;
    expect(cache.getOrFit([f64(1, 2, 3)], "a", fit("first"))).toBe("first");
    expect(cache.getOrFit([f64(1, 2, 4)], "a", fit("second"))).toBe("second");
    expect(cache.getOrFit([f64(1, 2, 3)], "b", fit("third"))).toBe("third");
    expect(cache.getOrFit([f64(1, 2, 3)], "a", fit("never"))).toBe("first");
  });

  it("does not mistake inputs that differ only in how they are split", () => {
    expect(hashInputs([f64(1, 2), f64(3)], "")).not.toBe(hashInputs([f64(1), f64(2, 3)], ""));
  });

  it("never shares a fit between different inputs, even if their hashes were equal", () => {
    const cache = new FitCache<string>(32, () => "same hash for everything");
    cache.getOrFit([f64(1)], "o", () => "one");
    expect(cache.getOrFit([f64(2)], "o", () => "two")).toBe("two");
    expect(cache.getOrFit([f64(1)], "o", () => "wrong")).toBe("one");
    expect(cache.getOrFit([f64(2)], "o", () => "wrong")).toBe("two");
    expect(cache.stats()).toMatchObject({ misses: 2, size: 2 });
  });

  it("caches a failure and throws it again without refitting", () => {
    const cache = new FitCache<number>();
    let fits = 0;
    const failing = () => {
      fits++;
      throw new Error("no convergence");
    };
    expect(() => cache.getOrFit([f64(1)], "", failing)).toThrow("no convergence");
    expect(() => cache.getOrFit([f64(1)], "", failing)).toThrow("no convergence");
    expect(fits).toBe(1);
  });

  it("keeps a stored copy, so later changes to the caller's arrays do not alter a hit", () => {
    const cache = new FitCache<string>();
    const x = f64(1, 2);
    cache.getOrFit([x], "", () => "fit of 1,2");
    x[0] = 9;
    expect(cache.getOrFit([f64(1, 2)], "", () => "refit")).toBe("fit of 1,2");
  });

  it("forgets the least recently used fit first", () => {
    const cache = new FitCache<number>(2);
    cache.getOrFit([f64(1)], "", () => 1);
    cache.getOrFit([f64(2)], "", () => 2);
    cache.getOrFit([f64(1)], "", () => -1); // a hit: 1 is now the most recent
    cache.getOrFit([f64(3)], "", () => 3); // evicts 2
    expect(cache.getOrFit([f64(1)], "", () => -1)).toBe(1);
    expect(cache.getOrFit([f64(2)], "", () => 22)).toBe(22);
    expect(cache.stats().size).toBe(2);
  });
});
