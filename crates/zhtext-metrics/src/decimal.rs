//! [`Decimal`]: an exact decimal number (mantissa and scale), so `16.4亿` is 1640000000 and
//! never 1639999999.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, ErrorKind};

/// Largest scale kept; longer fractions (from non-terminating divisions such as `三分之一`)
/// are rounded to this many places.
const MAX_SCALE: u32 = 18;

/// An exact decimal: `mantissa / 10^scale`.
///
/// Values are kept normalized (no trailing zeros in the fraction), so `==` compares values:
/// `"82225.00"` equals `"82225"`. The mantissa has up to 38 digits; arithmetic that would
/// overflow returns `None` instead.
///
/// # Example
///
/// ```
/// use zhtext_metrics::Decimal;
///
/// let d: Decimal = "16.4".parse()?;
/// let yi = Decimal::from_int(100_000_000);
/// assert_eq!(d.checked_mul(yi).map(|v| v.to_string()).as_deref(), Some("1640000000"));
/// # Ok::<(), zhtext_metrics::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Decimal {
    mantissa: i128,
    scale: u32,
}

impl Decimal {
    /// Zero.
    pub const ZERO: Decimal = Decimal { mantissa: 0, scale: 0 };

    /// `mantissa / 10^scale`, normalized. `None` when `scale` is larger than 38.
    #[must_use]
    pub fn new(mantissa: i128, scale: u32) -> Option<Decimal> {
        if scale > 38 {
            return None;
        }
        Some(Decimal { mantissa, scale }.normalized())
    }

    /// An integer.
    #[must_use]
    pub const fn from_int(value: i128) -> Decimal {
        Decimal { mantissa: value, scale: 0 }
    }

    /// The mantissa of the normalized value.
    #[must_use]
    pub const fn mantissa(&self) -> i128 {
        self.mantissa
    }

    /// Digits after the decimal point of the normalized value.
    #[must_use]
    pub const fn scale(&self) -> u32 {
        self.scale
    }

    /// Whether the value is an integer.
    #[must_use]
    pub const fn is_integer(&self) -> bool {
        self.scale == 0
    }

    /// Whether the value is below zero.
    #[must_use]
    pub const fn is_negative(&self) -> bool {
        self.mantissa < 0
    }

    /// The nearest `f64`.
    #[must_use]
    pub fn to_f64(&self) -> f64 {
        // Going through the decimal text gives the correctly rounded double.
        self.to_string().parse().unwrap_or(f64::NAN)
    }

    /// `-self`.
    #[must_use]
    pub fn checked_neg(self) -> Option<Decimal> {
        Some(Decimal { mantissa: self.mantissa.checked_neg()?, scale: self.scale })
    }

    /// `self + other`, or `None` on overflow.
    #[must_use]
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        let a = self.mantissa.checked_mul(pow10(scale - self.scale)?)?;
        let b = other.mantissa.checked_mul(pow10(scale - other.scale)?)?;
        Decimal::new(a.checked_add(b)?, scale)
    }

    /// `self * other`, or `None` on overflow.
    #[must_use]
    pub fn checked_mul(self, other: Decimal) -> Option<Decimal> {
        let mantissa = self.mantissa.checked_mul(other.mantissa)?;
        let mut d = Decimal { mantissa, scale: self.scale + other.scale }.normalized();
        while d.scale > MAX_SCALE {
            d = Decimal { mantissa: d.mantissa / 10, scale: d.scale - 1 };
        }
        Some(d.normalized())
    }

    /// `self / other`, exact when the quotient terminates within 18 decimal places and
    /// rounded toward zero at 18 places otherwise; `None` on division by zero or overflow.
    #[must_use]
    pub fn checked_div(self, other: Decimal) -> Option<Decimal> {
        if other.mantissa == 0 {
            return None;
        }
        // (a / 10^sa) / (b / 10^sb) = a * 10^(sb + k - sa) / b / 10^k
        let k = MAX_SCALE;
        let shift = other.scale + k;
        let (num, den) = if shift >= self.scale {
            (self.mantissa.checked_mul(pow10(shift - self.scale)?)?, other.mantissa)
        } else {
            (self.mantissa, other.mantissa.checked_mul(pow10(self.scale - shift)?)?)
        };
        Decimal::new(num / den, k)
    }

    /// `10^exp` as a decimal.
    #[must_use]
    pub fn pow10(exp: u32) -> Option<Decimal> {
        Some(Decimal::from_int(pow10(exp)?))
    }

    fn normalized(mut self) -> Decimal {
        if self.mantissa == 0 {
            self.scale = 0;
            return self;
        }
        while self.scale > 0 && self.mantissa % 10 == 0 {
            self.mantissa /= 10;
            self.scale -= 1;
        }
        self
    }
}

pub(crate) fn pow10(exp: u32) -> Option<i128> {
    10i128.checked_pow(exp)
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Decimal) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Decimal) -> Ordering {
        let scale = self.scale.max(other.scale);
        let widen = |d: &Decimal| {
            pow10(scale - d.scale).and_then(|p| d.mantissa.checked_mul(p)).map(|m| (m, 0.0))
        };
        match (widen(self), widen(other)) {
            (Some((a, _)), Some((b, _))) => a.cmp(&b),
            _ => self.to_f64().total_cmp(&other.to_f64()),
        }
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.mantissa.unsigned_abs().to_string();
        if self.mantissa < 0 {
            f.write_str("-")?;
        }
        let scale = self.scale as usize;
        if scale == 0 {
            return f.write_str(&digits);
        }
        if digits.len() > scale {
            let (int, frac) = digits.split_at(digits.len() - scale);
            write!(f, "{int}.{frac}")
        } else {
            f.write_str("0.")?;
            for _ in digits.len()..scale {
                f.write_str("0")?;
            }
            f.write_str(&digits)
        }
    }
}

impl fmt::Debug for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Decimal({self})")
    }
}

impl FromStr for Decimal {
    type Err = Error;

    /// Parses plain decimal notation (`-3.5`, `15800000000`, `.6`), with an optional
    /// exponent (`1e-15`). Chinese numerals are parsed by
    /// [`parse_number`](crate::parse_number).
    fn from_str(s: &str) -> Result<Decimal, Error> {
        let invalid = || Error::new(ErrorKind::InvalidNumber);
        let s = s.trim();
        if s.is_empty() {
            return Err(Error::new(ErrorKind::Empty));
        }
        let (body, exp) = match s.find(['e', 'E']) {
            Some(i) => (&s[..i], s[i + 1..].parse::<i32>().map_err(|_| invalid())?),
            None => (s, 0),
        };
        let (negative, body) = match body.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, body.strip_prefix('+').unwrap_or(body)),
        };
        let (int, frac) = body.split_once('.').unwrap_or((body, ""));
        if int.is_empty() && frac.is_empty() {
            return Err(invalid());
        }
        let mut mantissa: i128 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            if !b.is_ascii_digit() {
                return Err(invalid());
            }
            mantissa = mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(i128::from(b - b'0')))
                .ok_or_else(invalid)?;
        }
        let mut scale = i64::try_from(frac.len()).map_err(|_| invalid())? - i64::from(exp);
        while scale < 0 {
            mantissa = mantissa.checked_mul(10).ok_or_else(invalid)?;
            scale += 1;
        }
        let scale = u32::try_from(scale).map_err(|_| invalid())?;
        let d = Decimal::new(if negative { -mantissa } else { mantissa }, scale);
        d.ok_or_else(invalid)
    }
}

impl Serialize for Decimal {
    /// A decimal serializes as its plain decimal text (`"15800000000"`, `"6.5"`), which
    /// keeps every digit in formats whose numbers are doubles.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Decimal {
    /// Accepts decimal text or a number.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        struct DecimalVisitor;

        impl Visitor<'_> for DecimalVisitor {
            type Value = Decimal;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a decimal number or its text")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
                v.parse().map_err(E::custom)
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
                Ok(Decimal::from_int(i128::from(v)))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
                Ok(Decimal::from_int(i128::from(v)))
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
                v.to_string().parse().map_err(E::custom)
            }
        }

        deserializer.deserialize_any(DecimalVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn display_and_parse() {
        for s in ["0", "6.5", "-3.5", "15800000000", "0.0001", "-0.1"] {
            assert_eq!(d(s).to_string(), s);
        }
        assert_eq!(d("82225.00"), d("82225"));
        assert_eq!(d("1e-15").to_string(), "0.000000000000001");
        assert_eq!(d(".6").to_string(), "0.6");
        assert!("1..2".parse::<Decimal>().is_err());
        assert!("".parse::<Decimal>().is_err());
    }

    #[test]
    fn arithmetic() {
        let yi = Decimal::pow10(8).unwrap();
        assert_eq!(d("16.4").checked_mul(yi).unwrap().to_string(), "1640000000");
        assert_eq!(d("1").checked_div(d("3")).unwrap().to_string(), "0.333333333333333333");
        assert_eq!(d("55.579").checked_div(d("100")).unwrap().to_string(), "0.55579");
        assert_eq!(d("0.5").checked_add(d("10")).unwrap(), d("10.5"));
        assert!(d("2.5") < d("10"));
    }
}
