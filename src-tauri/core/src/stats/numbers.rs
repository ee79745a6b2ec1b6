//! Small numeric helpers of the statistics: means, ratios and the rounding that keeps JSON stable.

pub(crate) fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0u32), |(s, n), v| (s + v, n + 1));
    if n == 0 {
        0.0
    } else {
        sum / f64::from(n)
    }
}

pub(crate) fn ratio(part: u32, total: u32) -> f64 {
    if total == 0 {
        0.0
    } else {
        round(f64::from(part) / f64::from(total))
    }
}

/// Four decimals: enough for percentages with one decimal, stable in JSON.
pub(crate) fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}
