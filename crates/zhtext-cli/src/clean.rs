//! `zhtext clean`: decode, clean, strip site chrome, convert; text or one JSON object per
//! document.

use std::io::Write;

use serde_json::{Map, Value, json};
use zhtext::page::{Boilerplate, Page, PageCleaner, TargetScript};

use crate::Outcome;
use crate::args::{CleanArgs, Target};
use crate::input;

pub(crate) fn run(args: &CleanArgs, out: &mut impl Write) -> anyhow::Result<Outcome> {
    let target = match args.to {
        Target::Keep => TargetScript::Keep,
        Target::Simplified => TargetScript::Simplified,
        Target::Traditional => TargetScript::Traditional,
        Target::Taiwan => TargetScript::Taiwan,
        Target::Hongkong => TargetScript::HongKong,
    };
    let boilerplate = if args.keep_boilerplate { Boilerplate::Keep } else { Boilerplate::Remove };
    let decoder = input::decoder(args.inputs.encoding);
    let cleaner = PageCleaner::builder()
        .decoder(decoder.clone())
        .target(target)
        .boilerplate(boilerplate)
        .build();
    let unreadable = input::for_each(&args.inputs, out, |source, rendered| {
        let out = &mut rendered.out;
        if args.jsonl_in {
            let decoded = input::decode(&decoder, source);
            for (n, line) in decoded.text().lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let at = format!("{}:{}", source.name, n + 1);
                let record = match serde_json::from_str::<Value>(line) {
                    Ok(Value::Object(record)) => record,
                    Ok(_) => {
                        rendered.complaints.push(format!("{at}: not a JSON object"));
                        continue;
                    }
                    Err(err) => {
                        rendered.complaints.push(format!("{at}: {err}"));
                        continue;
                    }
                };
                let Some(text) = record.get("text").and_then(Value::as_str) else {
                    rendered.complaints.push(format!("{at}: no string field \"text\""));
                    continue;
                };
                let page = cleaner.clean_str(text);
                let mut object = record.clone();
                if !object.contains_key("path") {
                    object.insert("path".into(), json!(source.name));
                }
                fill(&mut object, &page, decoded.encoding().name());
                serde_json::to_writer(&mut *out, &object)?;
                out.write_all(b"\n")?;
            }
            return Ok(());
        }
        let page = cleaner.clean(&source.bytes);
        if args.json {
            let mut object = Map::new();
            object.insert("path".into(), json!(source.name));
            fill(&mut object, &page, page.encoding);
            serde_json::to_writer(&mut *out, &object)?;
            out.write_all(b"\n")?;
        } else {
            out.write_all(page.text.as_bytes())?;
            if !page.text.is_empty() && !page.text.ends_with('\n') {
                out.write_all(b"\n")?;
            }
        }
        Ok(())
    })?;
    Ok(Outcome { unreadable })
}

/// Sets the contract's fields of a document object.
fn fill(object: &mut Map<String, Value>, page: &Page, encoding: &str) {
    let flags = &page.flags;
    object.insert("encoding".into(), json!(encoding));
    object.insert("script".into(), json!(page.script.name()));
    object.insert("title".into(), json!(page.title));
    object.insert("text".into(), json!(page.text));
    object.insert(
        "articles".into(),
        page.articles.iter().map(|a| json!({"title": a.title, "text": a.text})).collect(),
    );
    object.insert(
        "removed".into(),
        page.removed
            .iter()
            .map(|r| json!({"line": r.line, "text": r.text, "reason": r.reason}))
            .collect(),
    );
    object.insert(
        "flags".into(),
        json!({
            "placeholders": flags.placeholders,
            "lost_chars": flags.lost_chars,
            "pinyin_removed": flags.pinyin_removed,
            "mojibake_repaired": flags.mojibake_repaired,
            "malformed_bytes": flags.malformed_bytes,
            "private_use": flags.private_use,
            "lost_lines_dropped": flags.lost_lines_dropped,
            "duplicated_paragraphs": flags.duplicated_paragraphs,
            "repeated_title": flags.repeated_title,
            "uncertain_lines": flags.uncertain_lines,
        }),
    );
}
