//! Why a line was removed.

use std::fmt;

/// Why a line is boilerplate: the rule family that removed it.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reason {
    /// A site's introduction of the page: `下面是小编为大家整理的…，仅供参考`,
    /// `“某用户”通过精心收集，向本站投稿了14篇…`.
    SiteIntro,
    /// A date, source, author, views or summary line: `时间：2022-09-25`, `来源：网友投稿`,
    /// `浏览次数：`, `导语：…不代表本站观点`, the label `文章标题：`.
    Metadata,
    /// A breadcrumb trail: `首页 > 范文大全 > 讲话稿`.
    Breadcrumb,
    /// Site navigation: `上一篇`/`下一篇`, `返回首页`, menus.
    Navigation,
    /// A list of other pages: `相关文章：`, `推荐阅读`, `猜你喜欢` and the short titles after it.
    RelatedList,
    /// A print, close, share, rating, comment or download widget: `打印本文`, `文档为doc格式`.
    Widget,
    /// Leftover markup: `data:` URIs, `<img …>`, `alt=`, `[图片]`.
    Markup,
    /// Copyright, registration and disclaimer lines: `Copyright ©`, `版权所有`, `ICP备…号`,
    /// `公网安备…号`, `本网站内容仅供参考`, a site name with its URL.
    Copyright,
    /// Contact details: e-mail addresses, phone numbers, `联系我们`.
    Contact,
    /// Advertising and calls to follow an account: `关注微信公众号`, `扫码`, `开通会员`.
    Ad,
    /// A credit naming where the text came from: `《…》来源于某站，欢迎阅读…`, `原文链接`.
    Attribution,
    /// Lines of symbols only, and a heading repeated at the top of the page.
    Junk,
}

impl Reason {
    /// Every reason, in declaration order.
    pub(crate) const ALL: [Reason; 12] = [
        Reason::SiteIntro,
        Reason::Metadata,
        Reason::Breadcrumb,
        Reason::Navigation,
        Reason::RelatedList,
        Reason::Widget,
        Reason::Markup,
        Reason::Copyright,
        Reason::Contact,
        Reason::Ad,
        Reason::Attribution,
        Reason::Junk,
    ];

    /// The snake-case name used in JSON output: `"site_intro"`, `"metadata"`, `"related_list"` …
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Reason::SiteIntro => "site_intro",
            Reason::Metadata => "metadata",
            Reason::Breadcrumb => "breadcrumb",
            Reason::Navigation => "navigation",
            Reason::RelatedList => "related_list",
            Reason::Widget => "widget",
            Reason::Markup => "markup",
            Reason::Copyright => "copyright",
            Reason::Contact => "contact",
            Reason::Ad => "ad",
            Reason::Attribution => "attribution",
            Reason::Junk => "junk",
        }
    }

    /// Index into per-reason arrays.
    #[inline]
    pub(crate) const fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indices_follow_all() {
        for (i, r) in Reason::ALL.iter().enumerate() {
            assert_eq!(r.index(), i);
        }
        assert_eq!(Reason::RelatedList.as_str(), "related_list");
    }
}
