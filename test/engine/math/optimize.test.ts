import { minimizeBfgs } from "../../../src/engine/math/optimize";
import { hessianFromGradient, invertSpd } from "../../../src/engine/math/hessian";

describe("minimizeBfgs", () => {
  it("finds the minimum of the Rosenbrock function and says it converged on the gradient", () => {
    const rosen = (x: Float64Array, g: Float64Array) => {
      const [a, b] = x;
      g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
      g[1] = 200 * (b - a * a);
      return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
    };
    const res = minimizeBfgs(rosen, [-1.2, 1], { gradientTolerance: 1e-10 });
    expect(res.converged).toBe(true);
    expect(res.reason).toBe("gradient");
    expect(res.x[0]).toBeCloseTo(1, 8);
    expect(res.x[1]).toBeCloseTo(1, 8);
    expect(res.iterations).toBeGreaterThan(5);
    expect(res.iterations).toBeLessThan(100);
  });

  it("reports a variable running off to infinity instead of claiming convergence", () => {
    // f = e^-x + y² has no minimiser in x.
    const f = (x: Float64Array, g: Float64Array) => {
      g[0] = -Math.exp(-x[0]);
      g[1] = 2 * x[1];
      return Math.exp(-x[0]) + x[1] ** 2;
    };
    const res = minimizeBfgs(f, [0, 1], { variableBound: 30, gradientTolerance: 1e-20 });
    expect(res.converged).toBe(false);
    expect(res.reason).toBe("diverged");
    expect(res.divergedIndex).toBe(0);
  });

  it("refuses a start where the objective is not finite", () => {
    const res = minimizeBfgs(() => NaN, [0]);
    expect(res.converged).toBe(false);
    expect(res.reason).toBe("not-finite");
  });

  it("steps back from points outside the domain (non-finite values) during the line search", () => {
    // -ln x + x: minimum at 1, undefined for x ≤ 0; a long first step lands outside.
    const f = (x: Float64Array, g: Float64Array) => {
      g[0] = -1 / x[0] + 1;
      return x[0] > 0 ? -Math.log(x[0]) + x[0] : NaN;
    };
    const res = minimizeBfgs(f, [0.01]);
    expect(res.converged).toBe(true);
    expect(res.x[0]).toBeCloseTo(1, 8);
  });
});

describe("numerical Hessian and its inverse", () => {
  it("recovers the matrix of a quadratic and inverts it", () => {
    // f = ½ xᵀ A x with A = [[4, 1], [1, 3]]
    const f = (x: Float64Array, g: Float64Array) => {
      g[0] = 4 * x[0] + x[1];
      g[1] = x[0] + 3 * x[1];
      return 0.5 * (4 * x[0] * x[0] + 2 * x[0] * x[1] + 3 * x[1] * x[1]);
    };
    const H = hessianFromGradient(f, [0.3, -0.7]);
    expect(Array.from(H).map((v) => Number(v.toFixed(8)))).toEqual([4, 1, 1, 3]);
    const inv = invertSpd(H, 2)!;
    // A⁻¹ = 1/11 [[3, -1], [-1, 4]]
    expect(inv[0]).toBeCloseTo(3 / 11, 8);
    expect(inv[1]).toBeCloseTo(-1 / 11, 8);
    expect(inv[3]).toBeCloseTo(4 / 11, 8);
  });

  it("returns null for a matrix that is not positive definite", () => {
    expect(invertSpd(Float64Array.from([1, 2, 2, 1]), 2)).toBeNull();
  });
});
