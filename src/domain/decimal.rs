//! `{:.N}` formatting of floats without the standard library's float formatter: its digit
//! generation (Grisu and Dragon with their power tables) is about 6 KB brotli of the download,
//! for a handful of percentages and file sizes. The output is the same as `format!("{:.N}")`:
//! the exact binary value rounded half to even, with the sign of negative values (also `-0.0`).

use std::fmt;

/// `value` with `decimals` digits after the point, as `format!("{value:.decimals$}")` writes it.
#[derive(Clone, Copy)]
pub struct Fixed(pub f64, pub u32);

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Fixed(value, decimals) = *self;
        if value.is_nan() {
            return f.write_str("NaN");
        }
        if value.is_sign_negative() {
            f.write_str("-")?;
        }
        if value.is_infinite() {
            return f.write_str("inf");
        }
        let digits = scaled_digits(value.abs(), decimals);
        let point = digits.len().saturating_sub(decimals as usize);
        let whole = if point == 0 { "0" } else { &digits[..point] };
        f.write_str(whole)?;
        if decimals > 0 {
            f.write_str(".")?;
            for _ in digits.len()..decimals as usize {
                f.write_str("0")?;
            }
            f.write_str(&digits[point..])?;
        }
        Ok(())
    }
}

/// The decimal digits of `value × 10^decimals` rounded half to even (no leading zeros, "" for 0).
fn scaled_digits(value: f64, decimals: u32) -> String {
    let bits = value.to_bits();
    let (exponent, fraction) = ((bits >> 52) as i32, bits & ((1 << 52) - 1));
    // value = mantissa × 2^power exactly.
    let (mantissa, power) =
        if exponent == 0 { (fraction, -1074) } else { (fraction | 1 << 52, exponent - 1075) };
    let scaled = u128::from(mantissa) * 10u128.pow(decimals);
    if power >= 0 {
        // A whole number, possibly far beyond u128: double a little-endian decimal digit list.
        let mut digits: Vec<u8> = scaled.to_string().bytes().rev().map(|b| b - b'0').collect();
        for _ in 0..power {
            let mut carry = 0;
            for digit in &mut digits {
                let doubled = *digit * 2 + carry;
                *digit = doubled % 10;
                carry = doubled / 10;
            }
            if carry > 0 {
                digits.push(carry);
            }
        }
        return digits.iter().rev().map(|d| char::from(b'0' + d)).collect();
    }
    let shift = power.unsigned_abs();
    // `scaled` < 2^117 for up to 19 decimals, so a shift of 128 or more leaves less than half.
    let rounded = if shift >= 128 {
        0
    } else {
        let (quotient, remainder, half) =
            (scaled >> shift, scaled & ((1 << shift) - 1), 1u128 << (shift - 1));
        quotient + u128::from(remainder > half || (remainder == half && quotient % 2 == 1))
    };
    if rounded == 0 {
        String::new()
    } else {
        rounded.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::Fixed;

    fn same(value: f64) {
        for decimals in 0..=3 {
            assert_eq!(
                Fixed(value, decimals).to_string(),
                format!("{value:.*}", decimals as usize),
                "{value:e}"
            );
        }
    }

    #[test]
    fn matches_the_standard_formatter() {
        // Ties (0.25, 2.5), values just below ties (0.35), signs, extremes and non-numbers.
        let edges = "0 -0 0.05 0.25 0.35 0.5 1.5 2.5 -0.04 -0.5 9.95 99.95 100 0.125 1e-300 5e-324 1e15 \
                     1e16 1.2345678901234567e30 3.4028234663852886e38 inf -inf NaN";
        for text in edges.split_whitespace() {
            same(text.parse().unwrap());
        }
        for value in [f64::MIN_POSITIVE, f64::MAX, -f64::MAX] {
            same(value);
        }
        // Thousandths, megabyte sizes as the import shows them, and f32 thresholds as percentages.
        for n in 0..=100_000 {
            same(f64::from(n) / 1000.0);
            same(f64::from(n) * 0.001);
            same(f64::from(n) * 37.0 / 1_048_576.0);
        }
        for n in 0..=20_000u32 {
            same(f64::from(f32::from_bits(0x3e00_0000 + n * 997)) * 100.0);
        }
    }
}
