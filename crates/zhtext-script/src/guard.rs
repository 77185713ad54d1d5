//! [`Guard`]: an opt-in defence against OpenCC's non-idempotent conversions.

/// Whether a [`Converter`](crate::Converter) leaves text alone that already looks converted.
///
/// OpenCC's dictionaries are written for text in the source script. Run on text that is
/// already (partly) in the target script they can damage it:
///
/// - `s2twp` turns `算法` into `演算法`, and converting that again gave `演演算法`
///   ([OpenCC #950](https://github.com/BYVoid/OpenCC/issues/950)); 1.4.2 still turns
///   `他汀類` into `史他汀類` and that into `史史他汀類`, `光標` into `游標` and that into
///   `遊標`.
/// - `t2s` maps some characters that are also ordinary Simplified characters to another
///   one; `坏` → `坯` was the reported case
///   ([OpenCC #1390](https://github.com/BYVoid/OpenCC/issues/1390)); in 1.4.2 `薴` → `苧`
///   → `苎` remains.
///
/// [`Guard::SkipConverted`] skips such matches. The default, [`Guard::Off`], stays
/// byte-exact with OpenCC.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Guard {
    /// Convert exactly as OpenCC does.
    #[default]
    Off,
    /// Leave a match alone when the text there is already converted:
    ///
    /// - a one-character key that is itself the replacement of another key of the same
    ///   dictionary group (`苧` stays under `t2s`, since `t2s` makes it from `薴`), or that
    ///   sits inside the replacement of a phrase that keeps it (`昇` in `阎鹤昇`, which
    ///   `t2s` makes from `閻鶴昇`);
    /// - a phrase whose replacement already surrounds it (`算法` inside `演算法`);
    /// - a phrase made only of characters the group would leave alone or that are
    ///   replacements, so text produced by a conversion is not converted again.
    ///
    /// The price: a Traditional character that is also a Simplified replacement (`苧`)
    /// is left as is even in Traditional text. Use the guard on text that may
    /// already be converted, not as the default.
    SkipConverted,
}
