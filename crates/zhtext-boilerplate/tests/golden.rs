//! Golden tests on real pages and on pages written in the style of other sites
//! (`testdata/docs`).

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use zhtext_boilerplate::{Mode, Reason, Stripped, Stripper};

fn docs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/docs")
}

/// Reads a page; `*gb18030*` pages are stored as GB18030 bytes.
fn read_page(path: &Path) -> String {
    let bytes = fs::read(path).expect("fixture readable");
    if path.to_string_lossy().contains("gb18030") {
        let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(&bytes);
        assert!(!had_errors, "{} is valid GB18030", path.display());
        text.into_owned()
    } else {
        String::from_utf8(bytes).expect("fixture is UTF-8")
    }
}

fn page(name: &str) -> String {
    read_page(&docs().join(format!("{name}.in.txt")))
}

fn inputs() -> Vec<PathBuf> {
    zhtext_testkit::golden_inputs(&docs(), 7)
}

/// The kept text, then the report.
fn render(s: &Stripped) -> String {
    let mut out = s.text.clone();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str("--- removed\n");
    for r in &s.removed {
        let _ = writeln!(out, "{}\t{}\t{}", r.line, r.reason, r.text);
    }
    out.push_str("--- articles\n");
    for a in &s.articles {
        let first: String = a.text.lines().next().unwrap_or("").chars().take(30).collect();
        let _ = writeln!(out, "{}..{}\t{:?}\t{first}", a.span.start, a.span.end, a.title);
    }
    let f = &s.flags;
    let _ = writeln!(
        out,
        "--- title: {:?}\n--- flags: placeholders={} duplicated_paragraphs={} repeated_title={} uncertain_lines={}",
        s.title, f.placeholders, f.duplicated_paragraphs, f.repeated_title, f.uncertain_lines
    );
    out
}

#[test]
fn golden_documents() {
    let stripper = Stripper::new();
    for input in inputs() {
        let text = read_page(&input);
        let stripped = stripper.strip(&text);
        let actual = render(&stripped);
        zhtext_testkit::check_golden(&input, &actual, "check the rules in src/rules.rs");
        // Stripping again changes nothing.
        assert_eq!(stripper.strip(&stripped.text).text, stripped.text, "{}", input.display());
    }
}

/// Every non-blank input line is kept except exactly these (line number → reason).
fn assert_removed(name: &str, expected: &[(usize, Reason)]) -> Stripped {
    let text = page(name);
    let stripped = Stripper::new().strip(&text);
    let actual: Vec<(usize, Reason)> =
        stripped.removed.iter().map(|r| (r.line, r.reason)).collect();
    assert_eq!(actual, expected, "{name}: help: a line of the text was removed, or chrome kept");
    for r in &stripped.removed {
        assert_eq!(&text[r.span.range()], r.text, "{name}: span of line {}", r.line);
    }
    // Every line not reported is in the output, in order.
    let mut rest = stripped.text.as_str();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || expected.iter().any(|&(n, _)| n == i + 1) {
            continue;
        }
        let at = rest.find(line).unwrap_or_else(|| panic!("{name}: line {} lost: {line}", i + 1));
        rest = &rest[at + line.len()..];
    }
    stripped
}

use Reason::*;

#[test]
fn seed_000_three_speeches() {
    let s = assert_removed("000_af21706e8f0fbd1f", &[(3, SiteIntro), (5, Junk)]);
    assert_eq!(s.articles.len(), 3);
    assert_eq!(s.title.as_deref(), Some("區長領導幹部會議講話"));
    for a in &s.articles {
        assert_eq!(a.title.as_deref(), Some("區長領導幹部會議講話"));
        assert_eq!(&s.text[a.span.range()], a.text);
    }
    assert!(s.articles[1].text.starts_with("區長領導幹部會議講話篇2\n\n同志們:"));
    assert!(s.articles[2].text.ends_with("交上一份滿意答卷。"));
}

#[test]
fn seed_001_footer() {
    let s = assert_removed(
        "001_bf553028553a4e53",
        &[
            (1, SiteIntro),
            (39, RelatedList),
            (40, RelatedList),
            (41, RelatedList),
            (42, Copyright),
            (43, Copyright),
            (44, Copyright),
        ],
    );
    assert_eq!(s.articles.len(), 1);
    assert!(s.text.starts_with("坚定信心 保持定力 稳中求进\n全力完成"));
    assert!(s.text.ends_with("作出新的更大贡献！\n") || s.text.ends_with("贡献!\n"));
    assert!(s.flags.placeholders > 50, "XX书记, X亿元: {:?}", s.flags);
}

#[test]
fn seed_003_five_speeches() {
    let s = assert_removed(
        "003_4151e4342b9995f7",
        &[(99, Metadata), (134, Attribution), (162, Copyright), (163, Contact), (164, Copyright)],
    );
    // The label `文章标题:` is cut; its title stays.
    assert_eq!(s.removed[0].text, "文章标题:");
    assert!(s.text.contains("\n区委书记在2024年区委全会上的讲话\n(2024年1月5日)\n同志们:"));
    let titles: Vec<Option<&str>> = s.articles.iter().map(|a| a.title.as_deref()).collect();
    assert_eq!(titles.len(), 5);
    assert_eq!(titles[0], Some("2024年X区委书记在区委全会上的讲话"));
    assert!(titles[1].is_some_and(|t| t.starts_with("区委书记在区委全会上的讲话——坚持六大理念")));
    assert_eq!(titles[2], None);
    assert_eq!(titles[3], Some("区委书记在2024年区委全会上的讲话"));
    assert_eq!(titles[4], Some("区委书记在区委全会上的总结讲话"));
}

#[test]
fn traditional_site() {
    let s = assert_removed(
        "trad_site",
        &[
            (1, Breadcrumb),
            (3, Metadata),
            (4, Metadata),
            (14, Ad),
            (28, Navigation),
            (29, Navigation),
            (30, RelatedList),
            (31, RelatedList),
            (32, RelatedList),
            (33, RelatedList),
            (34, RelatedList),
            (35, Widget),
            (36, Contact),
            (37, Copyright),
        ],
    );
    assert_eq!(s.articles.len(), 1);
    assert_eq!(s.title.as_deref(), Some("鎮長在全鎮經濟工作會議上的講話"));
}

#[test]
fn compilation_of_fourteen() {
    let text = page("pian_compilation");
    let s = Stripper::new().strip(&text);
    assert_eq!(s.articles.len(), 14);
    assert_eq!(s.articles[0].title.as_deref(), Some("镇长在全镇春季植树造林工作会议上的讲话"));
    assert_eq!(s.articles[13].title.as_deref(), Some("镇长在全镇年终总结工作会议上的讲话"));
    assert!(s.articles[13].text.ends_with("确保圆满完成全年目标任务！"));
    let reasons: Vec<(usize, Reason)> = s.removed.iter().map(|r| (r.line, r.reason)).collect();
    assert_eq!(reasons[0], (1, SiteIntro));
    assert_eq!(reasons[1], (58, Ad));
    assert_eq!(reasons.last(), Some(&(121, Copyright)));
    assert_eq!(s.removed.len(), 9);
    assert_eq!(s.flags.placeholders, 28);
}

#[test]
fn two_speeches_by_salutation() {
    let s = assert_removed(
        "two_speeches",
        &[(2, SiteIntro), (24, Widget), (25, Ad), (26, Widget), (27, Widget)],
    );
    assert_eq!(s.articles.len(), 2);
    assert_eq!(s.articles[1].title.as_deref(), Some("县长在县人代会闭幕式上的表态发言"));
    assert!(s.articles[1].text.ends_with("谢谢大家！"));
}

#[test]
fn gb18030_report() {
    let s = assert_removed(
        "report_gb18030",
        &[
            (1, Breadcrumb),
            (3, Metadata),
            (4, Markup),
            (15, Ad),
            (16, Attribution),
            (17, RelatedList),
            (18, RelatedList),
            (19, RelatedList),
            (20, RelatedList),
            (21, Contact),
            (22, Copyright),
        ],
    );
    assert_eq!(s.articles.len(), 1);
    assert_eq!(s.title.as_deref(), Some("2021年度街道办事处主任述职报告"));
    assert!(s.text.ends_with("以上报告,请予审议。\n"));
}

#[test]
fn mark_mode_keeps_everything() {
    for input in inputs() {
        let text = read_page(&input);
        let marked = Stripper::builder().mode(Mode::Mark).build().strip(&text);
        let removed = Stripper::new().strip(&text);
        assert_eq!(marked.text, text);
        assert!(marked.map.is_identity());
        assert_eq!(marked.removed, removed.removed, "{}", input.display());
        assert_eq!(marked.articles.len(), removed.articles.len(), "{}", input.display());
    }
}
