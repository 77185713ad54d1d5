//! zhtext-metrics (work in progress).
