/**
 * The distribution functions the tests need, written out because simple-statistics has no t or
 * chi-square distribution: log-gamma and log-beta, the regularised incomplete gamma and beta
 * functions, and from them the normal, t and chi-square CDFs and the normal and t quantiles.
 *
 * Methods (Numerical Recipes, 3rd ed., §6.1–6.4; R's nmath for the details that decide the last
 * digits): Lanczos log-gamma below 10 and Stirling's series with its correction term above;
 * log-beta with the Stirling corrections subtracted analytically when an argument is large (as
 * R's lbeta does), so that lgamma(a + b) − lgamma(a) − lgamma(b) does not cancel; the incomplete
 * gamma by its series below a + 1 and Legendre's continued fraction above; the incomplete beta by
 * its continued fraction (modified Lentz), on the side where it converges, with x and 1 − x both
 * passed in so that neither is formed by a subtraction that loses digits. Tails are computed
 * directly, never as 1 − (a number close to 1). Published coefficients are written as the nearest
 * double (its shortest form), so that no literal claims more digits than it holds. Checked against R's pt, pchisq, pnorm, qt and qnorm
 * to a relative error of 1e-10 on a grid (test/stats/distributions.test.ts).
 */

const EPS = 1e-16;
const TINY = 1e-300;
const MAX_ITER = 100_000;
const LN_SQRT_2PI = 0.9189385332046728; // log(sqrt(2π))

/** Stirling's series for lgamma(x) − ((x − ½)·log x − x + log √(2π)), x ≥ 10 (error < 1e-17). */
function lgammaCorrection(x: number): number {
  const x2 = 1 / (x * x);
  // Bernoulli-number coefficients B(2k) / (2k(2k − 1)).
  return (
    (1 / 12 +
      x2 *
        (-1 / 360 +
          x2 *
            (1 / 1260 +
              x2 *
                (-1 / 1680 +
                  x2 * (1 / 1188 + x2 * (-691 / 360360 + x2 * (1 / 156 + x2 * (-3617 / 122400)))))))) /
    x
  );
}

const LANCZOS = [
  57.15623566586292, -59.59796035547549, 14.136097974741746, -0.4919138160976202, 3.399464998481189e-5,
  4.652362892704858e-5, -9.837447530487956e-5, 0.0001580887032249125, -0.00021026444172410488,
  0.00021743961811521265, -0.0001643181065367639, 8.441822398385275e-5, -2.6190838401581408e-5,
  3.6899182659531625e-6,
];

/**
 * log Γ(x) for x > 0: Lanczos' approximation (Numerical Recipes' 14-term gammln) below 10, and
 * Stirling's series with its correction term from 10 on. NaN for x ≤ 0.
 *
 * @example logGamma(5) // 3.1780538303479453 (log 24 = 3.17805383034794562)
 */
export function logGamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x >= 10) return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + lgammaCorrection(x);
  let y = x;
  const tmp0 = x + 5.2421875;
  const tmp = (x + 0.5) * Math.log(tmp0) - tmp0;
  let ser = 0.9999999999999971;
  for (const c of LANCZOS) ser += c / ++y;
  return tmp + Math.log((2.5066282746310007 * ser) / x);
}

/**
 * log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b), for a, b > 0. When an argument is 10 or more,
 * the large log-gamma terms are cancelled analytically (R's lbeta), so the result keeps its
 * relative precision for the large a of a t distribution with many degrees of freedom.
 *
 * @example logBeta(2, 3) // -2.4849066497879995 (log(1/12) = -2.48490664978800031)
 */
export function logBeta(a: number, b: number): number {
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (!(p > 0)) return NaN;
  if (p >= 10) {
    const corr = lgammaCorrection(p) + lgammaCorrection(q) - lgammaCorrection(p + q);
    return (
      -0.5 * Math.log(q) +
      LN_SQRT_2PI +
      corr +
      (p - 0.5) * Math.log(p / (p + q)) +
      q * Math.log1p(-p / (p + q))
    );
  }
  if (q >= 10) {
    const corr = lgammaCorrection(q) - lgammaCorrection(p + q);
    return logGamma(p) + corr + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
  }
  return logGamma(p) + logGamma(q) - logGamma(p + q);
}

/** The lower and upper regularised tails, each computed without cancellation where it is small. */
export interface Tails {
  lower: number;
  upper: number;
}

/** Continued fraction of the incomplete beta (Numerical Recipes betacf), modified Lentz. */
function betaFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITER; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) <= EPS) return h;
  }
  throw new Error(`incomplete beta: no convergence for a=${a}, b=${b}, x=${x}`);
}

/**
 * The regularised incomplete beta function I_x(a, b) (the CDF of a Beta(a, b) variable at x) and
 * its complement 1 − I_x(a, b). Pass y = 1 − x when you have it more precisely than 1 − x
 * (e.g. t²/(ν + t²) next to ν/(ν + t²)).
 *
 * @example incompleteBeta(0.5, 2, 3) // { lower: 0.6875000000000002, upper: 0.31249999999999983 } (pbeta(0.5, 2, 3) = 0.6875)
 */
export function incompleteBeta(x: number, a: number, b: number, y = 1 - x): Tails {
  if (!(a > 0 && b > 0) || !(x >= 0 && x <= 1) || Number.isNaN(y)) return { lower: NaN, upper: NaN };
  if (x === 0) return { lower: 0, upper: 1 };
  if (y === 0) return { lower: 1, upper: 0 };
  const lx = x < 0.5 ? Math.log(x) : Math.log1p(-y);
  const ly = y < 0.5 ? Math.log(y) : Math.log1p(-x);
  const front = Math.exp(a * lx + b * ly - logBeta(a, b));
  if (x < (a + 1) / (a + b + 2)) {
    const lower = (front * betaFraction(a, b, x)) / a;
    return { lower, upper: 1 - lower };
  }
  const upper = (front * betaFraction(b, a, y)) / b;
  return { lower: 1 - upper, upper };
}

/**
 * The regularised incomplete gamma functions P(a, x) (lower) and Q(a, x) = 1 − P(a, x) (upper),
 * for a > 0, x ≥ 0: the series below x = a + 1, Legendre's continued fraction above, each giving
 * the small tail directly.
 *
 * @example incompleteGamma(1, 2) // { lower: 0.8646647167633873, upper: 0.1353352832366127 } (= pgamma(2, 1))
 */
export function incompleteGamma(a: number, x: number): Tails {
  if (!(a > 0) || !(x >= 0)) return { lower: NaN, upper: NaN };
  if (x === 0) return { lower: 0, upper: 1 };
  if (x === Infinity) return { lower: 1, upper: 0 };
  const front = Math.exp(-x + a * Math.log(x) - logGamma(a));
  if (x < a + 1) {
    let ap = a;
    let del = 1 / a;
    let sum = del;
    for (let n = 1; n <= MAX_ITER; n++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * EPS) {
        const lower = sum * front;
        return { lower, upper: 1 - lower };
      }
    }
    throw new Error(`incomplete gamma: no convergence for a=${a}, x=${x}`);
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) <= EPS) {
      const upper = front * h;
      return { lower: 1 - upper, upper };
    }
  }
  throw new Error(`incomplete gamma: no convergence for a=${a}, x=${x}`);
}

/**
 * The standard normal CDF, as R's pnorm(z, lower.tail = lowerTail): through the incomplete gamma
 * function (Φ(−|z|) = Q(½, z²/2) / 2), so far tails keep their relative precision.
 *
 * @example pnorm(1.9599639845400536) // 0.975
 */
export function pnorm(z: number, lowerTail = true): number {
  if (Number.isNaN(z)) return NaN;
  const tail = 0.5 * incompleteGamma(0.5, (z * z) / 2).upper; // P(Z > |z|)
  const below = z < 0 ? tail : 1 - tail;
  const above = z < 0 ? 1 - tail : tail;
  return lowerTail ? below : above;
}

/**
 * The standard normal quantile, as R's qnorm(p): Wichura's algorithm AS 241 (PPND16), accurate
 * to about 1e-16 relative. −Infinity at 0, Infinity at 1, NaN outside [0, 1].
 *
 * @example qnorm(0.975) // 1.9599639845400536
 */
export function qnorm(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301227 + 33430.57558358813) * r + 67265.7709270087) * r + 45921.95393154987) *
          r +
          13731.69376550946) *
          r +
          1971.5909503065513) *
          r +
          133.14166789178438) *
          r +
          3.3871328727963665)) /
      (((((((r * 5226.495278852546 + 28729.085735721943) * r + 39307.89580009271) * r + 21213.794301586597) *
        r +
        5394.196021424751) *
        r +
        687.1870074920579) *
        r +
        42.31333070160091) *
        r +
        1)
    );
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let val: number;
  if (r <= 5) {
    r -= 1.6;
    val =
      (((((((r * 0.0007745450142783414 + 0.022723844989269184) * r + 0.2417807251774506) * r +
        1.2704582524523684) *
        r +
        3.6478483247632045) *
        r +
        5.769497221460691) *
        r +
        4.630337846156546) *
        r +
        1.4234371107496835) /
      (((((((r * 1.0507500716444169e-9 + 0.0005475938084995345) * r + 0.015198666563616457) * r +
        0.14810397642748008) *
        r +
        0.6897673349851) *
        r +
        1.6763848301838038) *
        r +
        2.053191626637759) *
        r +
        1);
  } else {
    r -= 5;
    val =
      (((((((r * 2.0103343992922881e-7 + 2.7115555687434876e-5) * r + 0.0012426609473880784) * r +
        0.026532189526576124) *
        r +
        0.29656057182850487) *
        r +
        1.7848265399172913) *
        r +
        5.463784911164114) *
        r +
        6.657904643501103) /
      (((((((r * 2.0442631033899397e-15 + 1.421511758316446e-7) * r + 1.8463183175100548e-5) * r +
        0.0007868691311456133) *
        r +
        0.014875361290850615) *
        r +
        0.1369298809227358) *
        r +
        0.599832206555888) *
        r +
        1);
  }
  return q < 0 ? -val : val;
}

/**
 * The CDF of Student's t distribution with `df` > 0 degrees of freedom (not necessarily whole,
 * as Welch's test needs), as R's pt(t, df, lower.tail = lowerTail):
 * P(T > |t|) = ½ · I_{ν/(ν+t²)}(ν/2, ½).
 *
 * @example pt(2.0, 10) // 0.9633059826146299
 */
export function pt(t: number, df: number, lowerTail = true): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (t === Infinity) return lowerTail ? 1 : 0;
  if (t === -Infinity) return lowerTail ? 0 : 1;
  const t2 = t * t;
  const x = df / (df + t2);
  const y = t2 / (df + t2);
  const ib = incompleteBeta(x, df / 2, 0.5, y);
  const tail = 0.5 * ib.lower; // P(T > |t|)
  const tailComplement = 0.5 + 0.5 * ib.upper; // P(T ≤ |t|)
  if (t >= 0) return lowerTail ? tailComplement : tail;
  return lowerTail ? tail : tailComplement;
}

/** The density of Student's t distribution. */
function dt(t: number, df: number): number {
  return Math.exp(-((df + 1) / 2) * Math.log1p((t * t) / df) - 0.5 * Math.log(df) - logBeta(df / 2, 0.5));
}

/**
 * The quantile of Student's t distribution, as R's qt(p, df): a normal start refined by
 * safeguarded Newton steps on the tail probability (the tail that is small), to full precision.
 *
 * @example qt(0.975, 10) // 2.2281388519862735
 */
export function qt(p: number, df: number): number {
  if (!(p >= 0 && p <= 1) || !(df > 0)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (p < 0.5) return -qt(1 - p, df);
  // Solve P(T > t) = 1 − p for t > 0, working on the upper tail.
  const target = 1 - p;
  let lo = 0;
  let hi = Infinity;
  let t = Math.max(qnorm(p), 1e-3);
  // Bracket: the t quantile is above the normal one; widen until the tail is below the target.
  while (pt(t, df, false) < target) {
    hi = t;
    t /= 2;
  }
  lo = t;
  if (hi === Infinity) {
    hi = t * 2;
    while (pt(hi, df, false) > target) {
      lo = hi;
      hi *= 2;
      if (hi > 1e300) return Infinity;
    }
  }
  t = (lo + hi) / 2;
  for (let i = 0; i < 200; i++) {
    const f = pt(t, df, false) - target; // decreasing in t
    if (f === 0) return t;
    if (f > 0) lo = t;
    else hi = t;
    // Newton on the upper tail: d/dt P(T > t) = −dt(t).
    let next = t + f / dt(t, df);
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) <= 4 * Number.EPSILON * Math.abs(next)) return next;
    t = next;
  }
  return t;
}

/**
 * The CDF of the chi-square distribution with `df` degrees of freedom, as R's
 * pchisq(x, df, lower.tail = lowerTail) = P(df/2, x/2) (lower) or Q(df/2, x/2) (upper). The
 * p-value of a chi-square test is pchisq(statistic, df, false).
 *
 * @example pchisq(3.841458820694124, 1, false) // 0.050000000000000086 (R: 0.049999999999999975)
 */
export function pchisq(x: number, df: number, lowerTail = true): number {
  if (Number.isNaN(x) || !(df > 0)) return NaN;
  if (x <= 0) return lowerTail ? 0 : 1;
  const g = incompleteGamma(df / 2, x / 2);
  return lowerTail ? g.lower : g.upper;
}
