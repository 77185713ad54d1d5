//! Strip site chrome from plain-text Chinese pages copied from template (范文) sites, split
//! compilations into articles, and flag template placeholders.
//!
//! ```
//! use zhtext_boilerplate::{Reason, Stripper};
//!
//! let page = "\
//! 首页 > 范文大全 > 讲话稿
//! 下面是小编为大家整理的区长在全区经济工作会议上的讲话，仅供参考。
//! 区长在全区经济工作会议上的讲话
//! 同志们：
//! 今天召开全区经济工作会议，主要任务是总结今年工作，部署明年任务。
//! 前三季度，全区生产总值增长8.8%，XX项目顺利投产。
//! 上一篇：区长在安全生产会议上的讲话
//! Copyright © 2015-2024 某某范文网 版权所有 粤ICP备15071480号
//! ";
//! let stripped = Stripper::new().strip(page);
//! assert!(stripped.text.starts_with("区长在全区经济工作会议上的讲话\n同志们：\n"));
//! assert!(!stripped.text.contains("小编"));
//! let reasons: Vec<&str> = stripped.removed.iter().map(|r| r.reason.as_str()).collect();
//! assert_eq!(reasons, ["breadcrumb", "site_intro", "navigation", "copyright"]);
//! assert_eq!((stripped.removed[0].line, stripped.removed[0].reason), (1, Reason::Breadcrumb));
//! assert_eq!(stripped.title.as_deref(), Some("区长在全区经济工作会议上的讲话"));
//! assert_eq!(stripped.articles.len(), 1);
//! assert_eq!(stripped.flags.placeholders, 1); // "XX项目"
//! ```
//!
//! # Overview
//!
//! - [`Stripper`] (built with [`Stripper::builder`] → [`Builder`]) runs on a page's text and
//!   returns a [`Stripped`]: the kept text, an exact [`OffsetMap`](zhtext_core::OffsetMap) back
//!   to the input, every [`Removed`] line with its 1-based line number, span, text and
//!   [`Reason`], the page title, the [`Article`]s and the quality [`Flags`].
//! - [`Mode::Mark`] keeps every line and only reports (the CLI's `--keep-boilerplate`).
//! - [`Stripper`] is a [`Transform`](zhtext_core::Transform): `apply` returns the kept lines,
//!   borrowed when nothing is removed, and `apply_mapped` records each removed line as a
//!   deletion, so it composes with the other zhtext stages.
//!
//! ### Example: a compilation
//!
//! ```
//! use zhtext_boilerplate::Stripper;
//!
//! let page = "\
//! 區長講話篇1
//! 同志們：
//! 今天會議的主要任務是傳達貫徹全市領導幹部會議精神。
//! 區長講話篇2
//! 同志們：
//! 今天，我們召開這次全區領導幹部會議，主要是貫徹落實中央經濟工作會議精神。
//! ";
//! let stripped = Stripper::new().strip(page);
//! assert_eq!(stripped.articles.len(), 2);
//! assert_eq!(stripped.articles[1].title.as_deref(), Some("區長講話"));
//! assert!(stripped.articles[1].text.starts_with("區長講話篇2\n同志們："));
//! ```
//!
//! ### Example: marking instead of removing
//!
//! ```
//! use zhtext_boilerplate::{Mode, Stripper};
//!
//! let page = "区长讲话\n同志们：\n今天召开全区经济工作会议。\n本文由网友投稿，版权归原作者所有。\n";
//! let stripper = Stripper::builder().mode(Mode::Mark).build();
//! let stripped = stripper.strip(page);
//! assert_eq!(stripped.text, page);
//! assert_eq!(stripped.removed.len(), 1);
//! assert_eq!(stripped.removed[0].line, 4);
//! ```
//!
//! # How it works
//!
//! The page is taken line by line (a line is a paragraph on these sites).
//!
//! 1. **Rule families** (kept as data: keyword sets with weights, Simplified and Traditional,
//!    matched by one Aho-Corasick automaton per line). Each family adds its weights to a score
//!    for its [`Reason`]; a rule counts once per line, some only at the line start, as a
//!    label before a colon, or as the whole line:
//!    - site intros: `小编`, `本站`, `为大家整理`, `精心收集`, `投稿了`, `仅供参考`,
//!      `供大家参考`, `希望对大家有所帮助` — `下面是小编为大家整理的…，仅供参考` is boilerplate;
//!    - metadata: labels `时间：` `来源：` `作者：` `浏览次数` `导语：` `关键词：`, `网友投稿`,
//!      `不代表本站观点`;
//!    - breadcrumbs: a line starting with `首页`, `当前位置`, `您的位置`, with `>`-separated
//!      short segments;
//!    - navigation: `上一篇`/`下一篇` at the line start, `返回首页`, `网站地图`, menus of many
//!      short words;
//!    - related lists: `相关文章`, `推荐阅读`, `猜你喜欢`, `扩展阅读`, `热门文章`…;
//!    - widgets: `打印本文`, `关闭窗口`, `分享到`, `评分`, `点击下载`, `文档为doc格式`, and
//!      lines that are only `打印`, `收藏`…;
//!    - markup: `data:image`, `base64,`, `<img`, `href=`, `alt=`, `[图片]`;
//!    - copyright: `Copyright`, `©`, `版权所有`, `All Rights Reserved`, `ICP备`, `公网安备`,
//!      `备案号`, `本网站内容…`, `转载请注明`;
//!    - contact: `联系我们`, labels `电话：` `邮箱：` `QQ：`;
//!    - ads: `公众号`, `扫码`, `二维码`, `开通会员`, `下载APP`;
//!    - attributions: `《…》来源于…，欢迎阅读…`, `原文链接`, `转载自`;
//!    - a label `文章标题：` is cut off its line, which is kept as the article title.
//! 2. **Line features** add evidence: an e-mail address (contact), a phone number, a URL on a
//!    short line (a site credit), a date or time on a short line (metadata), `>` separators
//!    (breadcrumb), a line of symbols only (junk). Each family has a soft length limit: a
//!    longer line loses points, a line twice as long keeps at most one. Running text — a
//!    mostly Chinese line ending with `。！？` or long with commas — is never a chrome line by
//!    shape alone. Lines over 1,200 bytes are running text unless their start has little
//!    Chinese or opens a credit (`《`); lines of 300–1,200 bytes are scanned at their head and
//!    tail only, where intros, labels and disclaimers sit.
//! 3. **Zones.** The body runs from the first to the last line of running text no rule claims;
//!    lines before it are the header, after it the footer. Scores rise by one there and fall by
//!    one for running text in the body. A line scoring 4 is removed; 2–3 is kept and counted in
//!    [`Flags::uncertain_lines`].
//! 4. **Neighbour smoothing**, as jusText does for paragraphs: the short titles after a
//!    related-list heading go with it; in the footer, three or more short titles in a row next
//!    to removed lines are a list; a run of up to three short ambiguous lines between removed
//!    lines goes in the footer (in the header only when the lines have some score or no
//!    Chinese) and stays in the body; a title repeated in the header goes once. Salutations
//!    and article markers are never removed.
//! 5. **Articles** start at `篇N：标题`, `第N篇：`, `标题篇N`, `文章标题：`, or at a salutation
//!    (`同志们：`, `各位代表：`) once the current article has running text, with the short
//!    title lines above it as the title.
//! 6. **Flags** count placeholders (`X亿元`, `XX书记`, `20xx年`, `__市长`, `×届×次`, `**区`,
//!    `***`), paragraphs repeated word for word, and a title repeated as the last line.
//!
//! Blank lines left around removed lines are collapsed to one (and dropped at the start and
//! end of the text); they are not reported.
//!
//! # Design
//!
//! - When unsure, keep: losing a line of a speech is worse than keeping a footer. Doubtful
//!   lines are counted, not removed.
//! - Rules describe phenomena (a site crediting itself, a field label, a list of titles), not
//!   the wording of particular sites.
//! - Precondition: the text is decoded and cleaned (zhtext-decode's `Cleanup`), so widths are
//!   folded; full-width and half-width colons are both understood anyway.
//! - Speed: one pass to split lines (memchr), one automaton pass over short lines and the
//!   ends of mid-length lines; long lines are sampled. No regular expressions. Building a
//!   [`Stripper`] compiles the automaton (a few milliseconds): build one and share it.
//! - Non-goals: HTML parsing (the input is text; leftover markup lines are removed whole),
//!   rewriting inside a line other than a title label.
//!
//! # Crate features
//!
//! None.
//!
//! # Panics
//!
//! No function of this crate panics on any input.

#![doc(test(attr(deny(warnings))))]

mod articles;
mod features;
mod flags;
mod lines;
mod reason;
mod rules;
mod smoothing;
mod stripper;

pub use articles::Article;
pub use flags::Flags;
pub use reason::Reason;
pub use stripper::{Builder, Mode, Removed, Stripped, Stripper};
