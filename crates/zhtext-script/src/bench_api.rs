//! Hooks for the facade's benches; not part of the API.

use crate::config::Config;
use crate::tables::StepId;

/// Builds the tables of `config` from the embedded dictionaries again, outside the shared
/// cache, and returns how many steps were built (to measure load time).
pub fn build_tables(config: Config) -> usize {
    let plan = config.plan();
    let mut built = usize::from(StepId::Norm.build_fresh());
    if let Some(seg) = plan.segmentation {
        built += usize::from(seg.build_fresh());
    }
    for step in plan.steps {
        built += usize::from(step.build_fresh());
    }
    built
}
