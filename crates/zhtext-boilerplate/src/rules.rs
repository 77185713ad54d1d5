//! The rule families, kept as data: keyword sets with weights per [`Reason`], matched in one
//! Aho-Corasick pass over a line.
//!
//! Each [`Rule`] lists the spellings of one phenomenon (Simplified and Traditional, with and
//! without the label colon) and a weight. A rule counts once per line however often it
//! matches. The sum of the weights of a family is that family's score for the line; the
//! line features ([`crate::features`]) and the line's zone then adjust it
//! ([`crate::smoothing`]).

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::reason::Reason;

/// Where in the (trimmed) line a pattern must sit to count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// Anywhere.
    Anywhere,
    /// At the start of the line, after opening brackets at most.
    Start,
    /// Followed by a colon (`：` or `:`), possibly after spaces: a field label.
    Label,
    /// The whole line, give or take brackets, spaces and a trailing colon.
    Whole,
}

/// What a match means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Adds the weight to the family's score.
    Keyword,
    /// Marks the line as holding a URL or domain name.
    Url,
    /// A label such as `文章标题：` that is cut off the start of the line, keeping the title.
    TitleLabel,
}

/// One phenomenon: its spellings, family and weight.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rule {
    pub reason: Reason,
    pub weight: i16,
    pub anchor: Anchor,
    pub kind: Kind,
    pub patterns: &'static [&'static str],
}

const fn kw(
    reason: Reason,
    weight: i16,
    anchor: Anchor,
    patterns: &'static [&'static str],
) -> Rule {
    Rule { reason, weight, anchor, kind: Kind::Keyword, patterns }
}

use Anchor::{Anywhere as Any, Label, Start, Whole};
use Reason::*;

/// The keyword rules. Weights: 4 or more removes a line on its own (outside prose), 3 removes
/// it in the header or footer zone, 1–2 only count together with other evidence.
#[rustfmt::skip]
pub(crate) const RULES: &[Rule] = &[
    // --- site intros: "下面是小编为大家整理的…，仅供参考" ---
    kw(SiteIntro, 3, Any, &["小编", "小編"]),
    kw(SiteIntro, 2, Any, &["本站", "本网", "本網", "我站"]),
    kw(SiteIntro, 3, Any, &["大家整理", "大家收集", "大家精心", "大家带来", "大家帶來", "大家分享", "大家准备", "大家準備"]),
    kw(SiteIntro, 3, Any, &["精心收集", "精心整理", "收集整理", "整理收集", "精心挑选", "精心挑選"]),
    kw(SiteIntro, 3, Any, &["投稿了"]),
    kw(SiteIntro, 3, Any, &["仅供参考", "僅供參考", "仅作参考", "僅作參考"]),
    kw(SiteIntro, 3, Any, &["供大家参考", "供大家參考", "供您参考", "供您參考", "供你参考", "供你參考"]),
    kw(SiteIntro, 2, Any, &["参考借鉴", "參考借鑒", "参考与借鉴", "借鉴参考", "欢迎借鉴", "歡迎借鑒"]),
    kw(SiteIntro, 3, Any, &["希望对大家有所帮助", "希望對大家有所幫助", "希望对你有所帮助", "希望對你有所幫助", "希望对您有所帮助", "希望能帮助到", "希望能幫助到", "希望对大家有帮助", "希望對大家有幫助"]),
    kw(SiteIntro, 3, Any, &["一起来看看吧", "一起來看看吧", "快来看看吧", "快來看看吧", "一起来阅读", "一起來閱讀"]),
    kw(SiteIntro, 1, Any, &["下面是", "以下是", "本文是"]),
    kw(SiteIntro, 2, Any, &["篇范文", "篇範文", "范文大全", "範文大全"]),
    kw(SiteIntro, 1, Any, &["范文", "範文", "网友", "網友", "整理的", "欢迎阅读", "歡迎閱讀", "欢迎大家", "歡迎大家"]),
    // --- metadata lines ---
    kw(Metadata, 3, Label, &["时间", "時間", "日期", "发布", "發佈", "發布", "更新", "来源", "來源", "出处", "出處", "作者", "编辑", "編輯", "编者", "編者", "浏览", "瀏覽", "人气", "人氣", "字号", "字號", "投稿人", "投稿者", "发布人", "發佈人", "发布者", "發佈者", "上传者", "上傳者", "栏目", "欄目", "分类", "分類", "所属分类", "所屬分類", "标签", "標籤", "关键词", "關鍵詞", "关键字", "關鍵字", "导语", "導語", "导读", "導讀", "摘要", "点击", "點擊", "阅读", "閱讀", "热度", "熱度"]),
    kw(Metadata, 3, Any, &["发布时间", "發佈時間", "發布時間", "发表时间", "發表時間", "更新时间", "更新時間", "发布日期", "發佈日期", "上传时间", "上傳時間", "录入时间", "錄入時間"]),
    kw(Metadata, 4, Any, &["浏览次数", "瀏覽次數", "浏览量", "瀏覽量", "阅读次数", "閱讀次數", "阅读量", "閱讀量", "点击数", "點擊數", "点击量", "點擊量", "点击率", "責任編輯", "责任编辑"]),
    kw(Metadata, 3, Any, &["网友投稿", "網友投稿", "用户投稿", "用戶投稿", "会员投稿", "會員投稿"]),
    kw(Metadata, 4, Any, &["不代表本站观点", "不代表本站觀點", "不代表本网观点", "不代表本網觀點", "不代表本站立场", "不代表本站立場"]),
    kw(Metadata, 1, Any, &["次浏览", "次瀏覽", "次阅读", "次閱讀", "人阅读", "人閱讀", "人浏览", "人瀏覽"]),
    // --- breadcrumbs ---
    kw(Breadcrumb, 3, Start, &["首页", "首頁", "主页", "主頁", "网站首页", "網站首頁", "当前位置", "當前位置", "您的位置", "你的位置", "您现在的位置", "您現在的位置", "现在位置", "現在位置", "位置：", "home"]),
    // --- navigation ---
    kw(Navigation, 4, Start, &["上一篇", "下一篇", "上一页", "下一页", "上一頁", "下一頁", "上篇", "下篇"]),
    kw(Navigation, 2, Any, &["上一篇", "下一篇", "上一页", "下一页", "上一頁", "下一頁"]),
    kw(Navigation, 4, Any, &["返回首页", "返回首頁", "返回列表", "返回顶部", "返回頂部", "回到顶部", "回到頂部", "返回目录", "返回目錄", "网站地图", "網站地圖", "返回上一页", "返回上一頁"]),
    kw(Navigation, 3, Any, &["关于我们", "關於我們", "意见反馈", "意見反饋", "会员中心", "會員中心", "用户中心", "用戶中心"]),
    kw(Navigation, 4, Whole, &["首页", "首頁", "尾页", "尾頁", "目录", "目錄", "更多", "more"]),
    kw(Navigation, 2, Any, &["登录", "登錄", "注册", "註冊", "首页", "首頁"]),
    // --- related lists ---
    kw(RelatedList, 4, Any, &["相关文章", "相關文章", "相关推荐", "相關推薦", "推荐阅读", "推薦閱讀", "猜你喜欢", "猜你喜歡", "扩展阅读", "擴展閱讀", "拓展阅读", "拓展閱讀", "延伸阅读", "延伸閱讀", "热门文章", "熱門文章", "最新文章", "精彩推荐", "精彩推薦", "推荐内容", "推薦內容", "相关阅读", "相關閱讀", "热门推荐", "熱門推薦", "大家都在看", "你可能感兴趣", "你可能感興趣", "您可能感兴趣", "您可能感興趣", "猜你感兴趣", "猜你感興趣", "你可能也喜欢", "你可能也喜歡", "相关范文", "相關範文", "热门搜索", "熱門搜索", "热门标签", "熱門標籤", "相关专题", "相關專題", "推荐文章", "推薦文章", "更多相关", "更多相關", "本类热门", "本類熱門", "相关内容", "相關內容", "精选文章", "精選文章", "热门范文", "熱門範文"]),
    // --- widgets ---
    kw(Widget, 4, Any, &["打印本文", "打印此文", "打印本页", "打印本頁", "列印本文", "关闭窗口", "關閉窗口", "关闭本页", "關閉本頁", "關閉視窗", "一键分享", "一鍵分享", "收藏本文", "加入收藏", "收藏本站", "下载本文", "下載本文", "下载地址", "下載地址", "点击下载", "點擊下載", "立即下载", "立即下載", "全文下载", "全文下載", "免费下载", "免費下載", "doc格式", "docx格式", "复制链接", "複製鏈接", "我要投稿", "我要纠错", "我要糾錯", "发表评论", "發表評論", "网友评论", "網友評論", "阅读全文", "閱讀全文", "展开全文", "展開全文", "查看全文", "加载更多", "加載更多", "本文已影响", "本文已影響", "赞一下", "讚一下", "文章评分", "文章評分", "顶 踩", "頂 踩", "顶踩", "頂踩", "顶(", "頂(", "顶（", "頂（", "踩(", "踩（"]),
    kw(Widget, 4, Whole, &["打印", "列印", "关闭", "關閉", "收藏", "分享", "评论", "評論", "举报", "舉報", "纠错", "糾錯", "点赞", "點讚", "點贊", "顶", "踩", "下载", "下載", "复制", "複製"]),
    kw(Widget, 3, Any, &["分享到", "分享至", "评分", "評分", "条评论", "條評論", "查看更多", "word文档", "word文檔", "大 中 小", "字体：", "字體："]),
    kw(Widget, 2, Any, &["打印", "列印", "收藏", "点赞", "點讚", "举报", "舉報", "纠错", "糾錯", "关闭", "關閉", "下载", "下載", "分享", "docx", ".doc"]),
    // --- markup leftovers ---
    kw(Markup, 6, Any, &["data:image", "data:application", "base64,", "<img", "href=", "src=", "javascript:"]),
    kw(Markup, 4, Any, &["<a ", "</", "/>", "alt=", "style=", "class=", "[图片]", "[圖片]", "【图片】", "【圖片】", "[img]", "&nbsp;", "<br", "<p>", "<div", "<span"]),
    kw(Markup, 2, Any, &[".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp"]),
    kw(Markup, 4, Whole, &["图片", "圖片", "img", "image", "点击查看大图", "點擊查看大圖"]),
    // --- copyright, registration, disclaimers ---
    kw(Copyright, 4, Any, &["copyright", "©", "版权所有", "版權所有", "版权归", "版權歸", "all rights reserved", "powered by", "版权声明", "版權聲明", "免责声明", "免責聲明"]),
    kw(Copyright, 5, Any, &["icp备", "icp備", "icp证", "icp證", "公网安备", "公網安備", "网安备", "網安備"]),
    kw(Copyright, 4, Any, &["备案号", "備案號", "备案编号", "備案編號", "增值电信", "增值電信", "转载请注明", "轉載請註明", "不得转载", "不得轉載", "禁止转载", "禁止轉載"]),
    kw(Copyright, 3, Any, &["本网站内容", "本網站內容", "本站内容", "本站內容", "本站部分内容", "本站部分內容", "本站所有", "本网站所有", "本網站所有", "联系删除", "聯繫刪除", "聯絡刪除", "请联系我们删除", "未经许可", "未經許可", "未经授权", "未經授權"]),
    kw(Copyright, 2, Any, &["侵权", "侵權", "技术支持", "技術支持", "网站建设", "網站建設"]),
    kw(Copyright, 2, Any, &["备案", "備案", "工信部", "来自网络", "來自網絡", "来源于网络", "來源於網絡", "来源网络", "來源網絡"]),
    // --- contact ---
    kw(Contact, 4, Any, &["联系我们", "聯繫我們", "聯絡我們", "联系电话", "聯繫電話", "聯絡電話", "联系方式", "聯繫方式", "聯絡方式", "客服电话", "客服電話", "服务热线", "服務熱線"]),
    kw(Contact, 3, Label, &["电话", "電話", "手机", "手機", "邮箱", "郵箱", "电子邮件", "電子郵件", "电邮", "電郵", "email", "e-mail", "qq", "微信", "传真", "傳真", "tel", "fax", "地址", "联系人", "聯繫人", "投诉", "投訴"]),
    kw(Contact, 2, Any, &["客服", "邮箱", "郵箱", "qq群", "投诉", "投訴", "热线", "熱線"]),
    // --- ads and calls to follow an account ---
    kw(Ad, 3, Any, &["公众号", "公眾號", "微信号", "微信號", "关注我们", "關注我們"]),
    kw(Ad, 3, Any, &["扫一扫", "掃一掃", "扫码", "掃碼", "二维码", "二維碼", "长按识别", "長按識別"]),
    kw(Ad, 3, Any, &["广告", "廣告", "立即咨询", "立即諮詢", "免费领取", "免費領取", "开通会员", "開通會員", "下载app", "下載app", "加微信", "添加微信", "微信搜索", "点击进入", "點擊進入", "点击查看", "點擊查看", "点击领取", "點擊領取", "vip会员", "vip會員"]),
    kw(Ad, 2, Any, &["赞助", "贊助", "获取更多", "獲取更多", "更多精彩", "vip", "付费", "付費", "充值"]),
    kw(Ad, 1, Any, &["关注", "關注", "app", "微信", "推广", "推廣", "限时", "限時", "优惠", "優惠"]),
    // --- attributions ---
    kw(Attribution, 2, Any, &["来源于", "來源於", "来源自", "來源自"]),
    kw(Attribution, 3, Any, &["转载自", "轉載自", "转自", "轉自", "文章来自", "文章來自", "本文来源", "本文來源", "本文来自", "本文來自", "本文由", "整理发布", "整理發佈", "整理發布"]),
    kw(Attribution, 4, Any, &["原文链接", "原文鏈接", "原文地址", "本文链接", "本文鏈接", "本文地址", "原文出处", "原文出處", "文章出处", "文章出處"]),
    kw(Attribution, 2, Any, &["欢迎阅读", "歡迎閱讀", "欢迎转载", "歡迎轉載", "欢迎分享", "歡迎分享", "欢迎访问", "歡迎訪問"]),
    // --- labels cut off the start of a kept line ---
    Rule {
        reason: Metadata,
        weight: 0,
        anchor: Start,
        kind: Kind::TitleLabel,
        patterns: &["文章标题", "文章標題", "标题", "標題", "题目", "題目"],
    },
    // --- URLs and domain names (a line feature) ---
    Rule {
        reason: Copyright,
        weight: 0,
        anchor: Any,
        kind: Kind::Url,
        patterns: &[
            "http://", "https://", "www.", ".com", ".cn", ".net", ".org", ".html", ".htm",
            ".shtml", ".php",
        ],
    },
];

/// The compiled rules: one automaton over every spelling of every rule.
#[derive(Debug)]
pub(crate) struct RuleSet {
    automaton: AhoCorasick,
    /// Rule index of each pattern.
    rule_of: Vec<u16>,
}

/// What the rules found in one line.
#[derive(Clone, Debug, Default)]
pub(crate) struct Hits {
    /// Score per [`Reason`] (indexed by [`Reason::index`]).
    pub scores: [i16; 12],
    /// The line holds a URL or domain name.
    pub url: bool,
    /// Byte length of a title label (`文章标题：`) at the start of the trimmed line, colon included.
    pub title_label: Option<usize>,
}

impl RuleSet {
    /// Compiles [`RULES`].
    pub(crate) fn new() -> RuleSet {
        let mut patterns = Vec::new();
        let mut rule_of = Vec::new();
        for (i, rule) in RULES.iter().enumerate() {
            for p in rule.patterns {
                patterns.push(*p);
                rule_of.push(u16::try_from(i).expect("fewer than 65536 rules"));
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("embedded rule patterns compile");
        RuleSet { automaton, rule_of }
    }

    /// Runs the rules over `line` (already trimmed).
    pub(crate) fn scan(&self, line: &str) -> Hits {
        let mut hits = Hits::default();
        let mut seen = [0u64; 2];
        self.scan_into(line, true, &mut hits, &mut seen);
        hits
    }

    /// Runs the rules over the head and the tail of a long line (the middle of running text
    /// holds no chrome worth the scan).
    pub(crate) fn scan_ends(&self, head: &str, tail: &str) -> Hits {
        let mut hits = Hits::default();
        let mut seen = [0u64; 2];
        self.scan_into(head, true, &mut hits, &mut seen);
        self.scan_into(tail, false, &mut hits, &mut seen);
        hits
    }

    /// `at_start`: `text` starts where the line starts (line-start anchors may match).
    fn scan_into(&self, text: &str, at_start: bool, hits: &mut Hits, seen: &mut [u64; 2]) {
        for m in self.automaton.find_overlapping_iter(text) {
            let rule_index = usize::from(self.rule_of[m.pattern().as_usize()]);
            let rule = &RULES[rule_index];
            let needs_start = matches!(rule.anchor, Anchor::Start | Anchor::Whole);
            if (needs_start && !at_start) || !anchored(text, m.start(), m.end(), rule.anchor) {
                continue;
            }
            match rule.kind {
                Kind::Url => hits.url = true,
                Kind::TitleLabel => {
                    if hits.title_label.is_none() && at_start {
                        hits.title_label = label_end(text, m.end());
                    }
                }
                Kind::Keyword => {
                    let (word, bit) = (rule_index / 64, rule_index % 64);
                    if seen[word] & (1 << bit) == 0 {
                        seen[word] |= 1 << bit;
                        hits.scores[rule.reason.index()] += rule.weight;
                    }
                }
            }
        }
    }
}

/// Opening brackets and marks that may stand before a line-start keyword.
fn is_opening(c: char) -> bool {
    matches!(
        c,
        '【' | '['
            | '('
            | '（'
            | '「'
            | '『'
            | '〔'
            | '<'
            | '《'
            | '·'
            | '•'
            | '*'
            | '>'
            | '|'
            | '｜'
            | '-'
    )
}

/// Brackets, colons, spaces and dots that may surround a whole-line keyword.
fn is_decoration(c: char) -> bool {
    is_opening(c)
        || matches!(
            c,
            '】' | ']'
                | ')'
                | '）'
                | '」'
                | '』'
                | '〕'
                | '》'
                | ':'
                | '：'
                | ' '
                | '\u{3000}'
                | '.'
                | '。'
                | '!'
                | '！'
                | '>'
                | '»'
                | '›'
                | '('
                | '0'..='9'
        )
}

/// Whether a match at `start..end` of `line` satisfies `anchor`.
fn anchored(line: &str, start: usize, end: usize, anchor: Anchor) -> bool {
    match anchor {
        Anchor::Anywhere => true,
        Anchor::Start => line.get(..start).is_some_and(|pre| pre.chars().all(is_opening)),
        Anchor::Label => label_end(line, end).is_some(),
        Anchor::Whole => {
            line.get(..start).is_some_and(|pre| pre.chars().all(is_opening))
                && line.get(end..).is_some_and(|post| post.chars().all(is_decoration))
        }
    }
}

/// When a colon follows `end` (after spaces), the byte offset just past it.
fn label_end(line: &str, end: usize) -> Option<usize> {
    let rest = line.get(end..)?;
    let trimmed = rest.trim_start_matches([' ', '\u{3000}', '\t']);
    let skipped = rest.len() - trimmed.len();
    if trimmed.starts_with('：') {
        Some(end + skipped + '：'.len_utf8())
    } else if trimmed.starts_with(':') {
        Some(end + skipped + 1)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors() {
        assert!(anchored("上一篇：区长讲话", 0, 9, Anchor::Start));
        assert!(anchored("【打印】", 3, 9, Anchor::Whole));
        assert!(!anchored("打印机", 0, 6, Anchor::Whole));
        assert!(anchored("来源 ：网友", 0, 6, Anchor::Label));
        assert!(!anchored("来源于网友", 0, 6, Anchor::Label));
    }

    #[test]
    fn scan_scores_once_per_rule() {
        let rules = RuleSet::new();
        let hits = rules.scan("Copyright © 2015 版权所有");
        assert_eq!(hits.scores[Reason::Copyright.index()], 4);
        let hits = rules.scan("文章标题：区委书记讲话");
        assert_eq!(hits.title_label, Some("文章标题：".len()));
        assert!(rules.scan("77范文网 https://www.x.com").url);
    }

    #[test]
    fn rule_count_fits_the_bitset() {
        assert!(RULES.len() <= 128);
    }
}
