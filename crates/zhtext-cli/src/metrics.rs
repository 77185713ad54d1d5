//! `zhtext metrics`: every figure of each document, as text or JSON Lines.

use std::io::Write;

use serde_json::{Number, Value, json};
use zhtext::core::Extractor;
use zhtext::metrics::{Decimal, MetricExtractor};
use zhtext::page::PageCleaner;

use crate::Outcome;
use crate::args::MetricsArgs;
use crate::input;

pub(crate) fn run(args: &MetricsArgs, out: &mut impl Write) -> anyhow::Result<Outcome> {
    let cleaner = PageCleaner::builder().decoder(input::decoder(args.inputs.encoding)).build();
    let extractor = MetricExtractor::new();
    let unreadable = input::for_each(&args.inputs, out, |source, rendered| {
        let out = &mut rendered.out;
        let page = cleaner.clean(&source.bytes);
        for metric in extractor.extract(page.text.as_str()) {
            let span = page.to_input(metric.span);
            let surface = &page.input[span.range()];
            if args.json {
                let object = json!({
                    "text": surface,
                    "start": span.start,
                    "end": span.end,
                    "value": metric.value.as_ref().map(number),
                    "value_max": metric.value_max.as_ref().map(number),
                    "unit": metric.unit.as_ref().map(|u| u.as_str()),
                    "kind": metric.kind.as_str(),
                    "direction": metric.direction.map(|d| d.as_str()),
                    "approx": metric.approx.map(|a| a.as_str()),
                    "indicator": metric.indicator,
                    "period": metric.period,
                    "placeholder": metric.placeholder,
                });
                serde_json::to_writer(&mut *out, &object)?;
                out.write_all(b"\n")?;
            } else {
                writeln!(
                    out,
                    "{}\t{}..{}\t{}\t{}",
                    source.name, span.start, span.end, surface, metric
                )?;
            }
        }
        Ok(())
    })?;
    Ok(Outcome { unreadable })
}

/// A decimal as a JSON number: an integer when it is one, else the nearest double.
fn number(value: &Decimal) -> Value {
    let text = value.to_string();
    if let Ok(n) = text.parse::<i64>() {
        return Value::Number(n.into());
    }
    if let Ok(n) = text.parse::<u64>() {
        return Value::Number(n.into());
    }
    Number::from_f64(value.to_f64()).map_or(Value::Null, Value::Number)
}
