/** Numerical Hessians and their inverses, for standard errors of maximum-likelihood estimates. */
import type { ObjectiveWithGradient } from "./optimize";

const { abs, max, sqrt } = Math;

/**
 * Hessian of f at x by central differences of its analytic gradient (error O(h²) on each entry),
 * symmetrised. Row-major n×n.
 */
export function hessianFromGradient(
  f: ObjectiveWithGradient,
  x: ArrayLike<number>,
  step = 1e-5,
): Float64Array {
  const n = x.length;
  const H = new Float64Array(n * n);
  const xp = Float64Array.from(x);
  const gPlus = new Float64Array(n);
  const gMinus = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const h = step * max(1, abs(x[j]));
    xp[j] = x[j] + h;
    f(xp, gPlus);
    xp[j] = x[j] - h;
    f(xp, gMinus);
    xp[j] = x[j];
    for (let i = 0; i < n; i++) H[i * n + j] = (gPlus[i] - gMinus[i]) / (2 * h);
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const mean = (H[i * n + j] + H[j * n + i]) / 2;
      H[i * n + j] = mean;
      H[j * n + i] = mean;
    }
  }
  return H;
}

/** Inverse of a symmetric positive-definite matrix by Cholesky; null when it is not positive definite. */
export function invertSpd(A: Float64Array, n: number): Float64Array | null {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = A[i * n + j];
      for (let k = 0; k < j; k++) sum -= L[i * n + k] * L[j * n + k];
      if (i === j) {
        if (!(sum > 0) || !Number.isFinite(sum)) return null;
        L[i * n + i] = sqrt(sum);
      } else {
        L[i * n + j] = sum / L[j * n + j];
      }
    }
  }
  // Invert L (lower triangular), then A⁻¹ = L⁻ᵀ L⁻¹.
  const Li = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    Li[i * n + i] = 1 / L[i * n + i];
    for (let j = 0; j < i; j++) {
      let sum = 0;
      for (let k = j; k < i; k++) sum -= L[i * n + k] * Li[k * n + j];
      Li[i * n + j] = sum / L[i * n + i];
    }
  }
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let k = max(i, j); k < n; k++) sum += Li[k * n + i] * Li[k * n + j];
      inv[i * n + j] = sum;
    }
  }
  return inv;
}

/**
 * Eigenvalues of a small symmetric matrix (row-major n×n) by cyclic Jacobi rotations, ascending. Used
 * for the condition number of a fit's Hessian (n ≤ 5), where the cost does not matter.
 */
export function symmetricEigenvalues(A: ArrayLike<number>, n: number): number[] {
  const a = Float64Array.from(A);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q] ** 2;
    if (off < 1e-30 * (1 + a.reduce((s, v) => s + v * v, 0))) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (abs(theta) + sqrt(theta * theta + 1));
        const c = 1 / sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
      }
    }
  }
  return Array.from({ length: n }, (_, i) => a[i * n + i]).sort((x, y) => x - y);
}
