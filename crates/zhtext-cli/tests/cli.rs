//! The CLI contract, checked on the bundled sample pages.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/data").join(name)
}

const TRADITIONAL: &str = "000_af21706e8f0fbd1f.txt";
const SIMPLIFIED: &str = "001_bf553028553a4e53.txt";

fn zhtext(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhtext"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("zhtext starts");
    child.stdin.take().expect("stdin is piped").write_all(stdin).expect("stdin is written");
    child.wait_with_output().expect("zhtext runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("output is UTF-8")
}

fn json_lines(output: &Output) -> Vec<Value> {
    stdout(output).lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect()
}

#[test]
fn clean_removes_chrome_and_keeps_the_speech() {
    let path = data(TRADITIONAL);
    let output = zhtext(&["clean", path.to_str().unwrap()], b"");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = stdout(&output);
    assert!(!text.contains("小編給大家整理"), "the site intro is gone");
    assert!(text.contains("全區生產總值增長8.8%"), "the speech is kept, in its script");
}

#[test]
fn clean_json_follows_the_contract() {
    let path = data(TRADITIONAL);
    let output = zhtext(&["clean", "--json", "--to", "simplified", path.to_str().unwrap()], b"");
    assert!(output.status.success());
    let docs = json_lines(&output);
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    for field in ["path", "encoding", "script", "title", "text", "articles", "removed", "flags"] {
        assert!(doc.get(field).is_some(), "field {field} is present");
    }
    assert_eq!(doc["encoding"], "utf-8");
    assert_eq!(doc["script"], "traditional");
    assert!(doc["text"].as_str().unwrap().contains("全区生产总值增长8.8%"));
    assert_eq!(doc["articles"].as_array().unwrap().len(), 3, "seed 000 holds three speeches");
    let removed = doc["removed"].as_array().unwrap();
    assert!(!removed.is_empty());
    // Line numbers point into the decoded input.
    let input = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = input.lines().collect();
    let first = &removed[0];
    let line = first["line"].as_u64().unwrap() as usize;
    assert!(lines[line - 1].contains("小編"), "removed line {line} is the site intro");
    for flag in ["placeholders", "lost_chars", "pinyin_removed", "mojibake_repaired"] {
        assert!(doc["flags"][flag].is_u64(), "flag {flag} is a count");
    }
}

#[test]
fn clean_reads_gbk_from_stdin() {
    let text = std::fs::read_to_string(data(SIMPLIFIED)).unwrap();
    let (gbk, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    let output = zhtext(&["clean", "--json"], &gbk);
    assert!(output.status.success());
    let doc = &json_lines(&output)[0];
    assert_eq!(doc["path"], "-");
    assert_eq!(doc["encoding"], "gb18030");
    assert!(doc["text"].as_str().unwrap().contains("坚定信心"));
    assert!(doc["flags"]["placeholders"].as_u64().unwrap() > 0, "X亿元 is a placeholder");
}

#[test]
fn clean_jsonl_in_passes_fields_through() {
    let input = "{\"id\": 7, \"text\": \"同志们:\\n全区生产总值增长８．８％。\"}\nnot json\n";
    let output = zhtext(&["clean", "--jsonl-in"], input.as_bytes());
    assert_eq!(output.status.code(), Some(1), "a bad record is reported");
    let docs = json_lines(&output);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], 7);
    assert!(docs[0]["text"].as_str().unwrap().contains("全区生产总值增长8.8%。"));
    assert!(String::from_utf8_lossy(&output.stderr).contains("-:2"));
}

#[test]
fn unreadable_file_is_named_and_others_still_processed() {
    let good = data(SIMPLIFIED);
    let output = zhtext(&["detect", "no/such/file.txt", good.to_str().unwrap()], b"");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no/such/file.txt"));
    let text = stdout(&output);
    let fields: Vec<&str> = text.trim_end().split('\t').collect();
    assert_eq!(fields.len(), 4, "{text}");
    assert!(fields[0].ends_with(SIMPLIFIED));
    assert_eq!(fields[1], "utf-8");
    assert_eq!(fields[2], "simplified");
    let confidence: f64 = fields[3].parse().unwrap();
    assert!((0.0..=1.0).contains(&confidence));
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(zhtext(&["convert", "--config", "x2y"], b"").status.code(), Some(2));
    assert_eq!(zhtext(&["clean", "--to", "martian"], b"").status.code(), Some(2));
    assert_eq!(zhtext(&["frobnicate"], b"").status.code(), Some(2));
}

#[test]
fn detect_short_big5_title() {
    let (big5, _, _) = encoding_rs::BIG5.encode("區長講話");
    let output = zhtext(&["detect"], &big5);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.starts_with("-\tbig5\ttraditional\t"), "{text}");
}

#[test]
fn convert_is_line_in_line_out() {
    let input = "區長領導幹部會議講話\r\n\n  全區生產總值增長8.8%  \n";
    let output = zhtext(&["convert", "--config", "t2s"], input.as_bytes());
    assert!(output.status.success());
    assert_eq!(stdout(&output), "区长领导干部会议讲话\r\n\n  全区生产总值增长8.8%  \n");
}

#[test]
fn segment_tokens_give_back_each_line() {
    let input = "全区生产总值增长8.8%，高于全市0.2个百分点\n區長領導幹部會議講話\n";
    let output = zhtext(&["segment", "--delimiter", "|"], input.as_bytes());
    assert!(output.status.success());
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    for (line, original) in lines.iter().zip(input.lines()) {
        assert_eq!(line.replace('|', ""), original);
    }
    assert!(lines[0].split('|').any(|t| t == "8.8%"), "{}", lines[0]);
    assert!(lines[0].split('|').any(|t| t == "0.2个百分点"), "{}", lines[0]);
}

#[test]
fn metrics_json_points_into_the_decoded_input() {
    let input = "前三季度，全區生產總值增長８．８％，高於全市平均增速0.2個百分點。";
    let output = zhtext(&["metrics", "--json"], input.as_bytes());
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let metrics = json_lines(&output);
    assert!(metrics.len() >= 2, "{metrics:?}");
    let growth = &metrics[0];
    let (start, end) = (growth["start"].as_u64().unwrap(), growth["end"].as_u64().unwrap());
    assert_eq!(&input[start as usize..end as usize], growth["text"].as_str().unwrap());
    assert!(growth["text"].as_str().unwrap().contains("８．８％"));
    assert_eq!(growth["value"], 8.8);
    assert_eq!(growth["unit"], "%");
    assert_eq!(growth["kind"], "change");
    assert_eq!(growth["direction"], "up");
    let points = &metrics[1];
    assert_eq!(points["unit"], "个百分点");
    assert_eq!(points["kind"], "difference");
}

/// Many files, rendered on several threads, come out in the order given, each as it does
/// alone, with a missing one named and skipped.
#[test]
fn many_files_come_out_in_order() {
    let names = [TRADITIONAL, SIMPLIFIED, "003_4151e4342b9995f7.txt"];
    let mut paths: Vec<String> = Vec::new();
    for k in 0..12 {
        paths.push(data(names[k % names.len()]).to_str().unwrap().to_owned());
        if k == 5 {
            paths.push("no/such/file.txt".to_owned());
        }
    }
    for command in [&["clean", "--json"][..], &["segment"], &["convert", "--config", "t2s"]] {
        let mut args: Vec<&str> = command.to_vec();
        args.extend(paths.iter().map(String::as_str));
        let output = zhtext(&args, b"");
        assert_eq!(output.status.code(), Some(1), "{command:?}: the missing file is reported");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr.matches("no/such/file.txt").count(), 1, "{stderr}");
        let mut expected = Vec::new();
        for path in paths.iter().filter(|p| !p.starts_with("no/")) {
            let mut one: Vec<&str> = command.to_vec();
            one.push(path);
            expected.extend(zhtext(&one, b"").stdout);
        }
        assert!(output.stdout == expected, "{command:?}: same output as one file at a time");
    }
}

/// A long document is rendered in pieces on several threads with the same lines as in one.
#[test]
fn long_input_is_segmented_and_converted_as_its_lines() {
    let page = std::fs::read_to_string(data(TRADITIONAL)).unwrap();
    let page = format!("{}\n", page.trim_end());
    let text = page.repeat(1 + (1 << 20) / page.len());
    for command in [&["segment"][..], &["convert", "--config", "t2s"]] {
        let whole = zhtext(command, text.as_bytes());
        assert!(whole.status.success());
        let mut expected = Vec::new();
        for chunk in page.split_inclusive('\n').collect::<Vec<_>>().chunks(50) {
            expected.extend(zhtext(command, chunk.concat().as_bytes()).stdout);
        }
        let expected = expected.repeat(text.len() / page.len());
        assert!(whole.stdout == expected, "{command:?}: same output as piece by piece");
    }
}

/// JSON Lines records that cannot be read are named in order, and the others still cleaned.
#[test]
fn jsonl_complaints_name_each_bad_record() {
    let input = "{\"text\": \"区长\"}\nnot json\n[1]\n{\"id\": 4}\n{\"text\": \"县长\"}\n";
    let output = zhtext(&["clean", "--jsonl-in"], input.as_bytes());
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(lines[0].starts_with("zhtext: -:2: "), "{stderr}");
    assert!(lines[1].starts_with("zhtext: -:3: not a JSON object"), "{stderr}");
    assert!(lines[2].starts_with("zhtext: -:4: no string field"), "{stderr}");
    assert_eq!(json_lines(&output).len(), 2);
}

/// Complaints and unreadable files are named on stderr in input order.
#[test]
fn stderr_follows_input_order() {
    let dir = std::env::temp_dir().join(format!("zhtext-cli-order-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let first = dir.join("first.jsonl");
    let last = dir.join("last.jsonl");
    std::fs::write(&first, "{\"text\": \"区长\"}\nnot json\n").unwrap();
    std::fs::write(&last, "[1]\n").unwrap();
    let missing = dir.join("missing.jsonl");
    let mut args = vec!["clean", "--jsonl-in"];
    let paths = [&first, &missing, &last].map(|p| p.to_str().unwrap().to_owned());
    args.extend(paths.iter().map(String::as_str));
    let output = zhtext(&args, b"");
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let named: Vec<&str> = stderr
        .lines()
        .map(|l| {
            if l.contains("first") {
                "first"
            } else if l.contains("missing") {
                "missing"
            } else {
                "last"
            }
        })
        .collect();
    assert_eq!(named, ["first", "missing", "last"], "{stderr}");
}
