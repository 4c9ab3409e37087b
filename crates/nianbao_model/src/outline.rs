//! Local outlines: the order and numbering some regions give a report's
//! parts in place of the national one, kept as data like the template.
//!
//! The national format numbers its six sections 一、 to 六、. 上海市's
//! departments publish under an outline of their own: 总体情况 first, its
//! topics numbered 二、 to 六、 as top-level headings (「二、工作机制保障」
//! 「三、主动公开工作情况」…), then the three tables and the remaining parts
//! numbered again from 一、 (「一、主动公开政府信息情况」 …
//! 「五、其他需要报告的事项」). A report that follows a known outline is
//! checked against it, not against the national numbering.

use serde::{Deserialize, Serialize};

use crate::template::{SectionKind, chinese_numeral};

/// A known local outline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outline {
    /// 上海市's departments: 总体情况 with its topics numbered 二、 on, then
    /// the statistics and the rest numbered again from 一、.
    Shanghai,
}

impl Outline {
    pub const ALL: [Outline; 1] = [Outline::Shanghai];

    /// Its name, as a reviewer would call it.
    pub const fn name(self) -> &'static str {
        match self {
            Outline::Shanghai => "上海市部门年度报告提纲",
        }
    }

    /// The topics of 总体情况 this outline numbers as top-level headings,
    /// in order; each is named by any of its words (「主动公开工作情况」,
    /// 「主动公开方面」).
    pub const fn overview_topics(self) -> &'static [&'static [&'static str]] {
        match self {
            Outline::Shanghai => &[
                &["工作机制", "机制保障"],
                &["主动公开"],
                &["依申请公开", "公开申请"],
                &["政府信息管理"],
                &["平台建设"],
                &["监督保障"],
            ],
        }
    }

    /// The ordinal a statutory section carries: 上海市's numbering starts
    /// again at 主动公开政府信息情况.
    pub const fn ordinal(self, kind: SectionKind) -> u32 {
        match self {
            Outline::Shanghai => match kind {
                SectionKind::Overview => 1,
                other => other.ordinal() - 1,
            },
        }
    }

    /// Whether `kind` starts the outline's second run of numbers.
    pub const fn restarts_at(self, kind: SectionKind) -> bool {
        match self {
            Outline::Shanghai => matches!(kind, SectionKind::ProactiveDisclosure),
        }
    }

    /// The section's heading as the outline numbers it: 「一、主动公开政府信息情况」.
    pub fn heading(self, kind: SectionKind) -> String {
        format!("{}、{}", chinese_numeral(self.ordinal(kind)), kind.title())
    }

    /// Which of the outline's overview topics `title` names, if it is a
    /// short heading that names one.
    pub fn overview_topic(self, title: &str) -> Option<usize> {
        if title.chars().count() > 16 || title.contains(['。', '，', ',', '；']) {
            return None;
        }
        self.overview_topics().iter().position(|words| words.iter().any(|word| title.contains(word)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shanghai_numbers_the_statistics_again_from_one() {
        let outline = Outline::Shanghai;
        assert_eq!(outline.heading(SectionKind::Overview), "一、总体情况");
        assert_eq!(outline.heading(SectionKind::ProactiveDisclosure), "一、主动公开政府信息情况");
        assert_eq!(outline.heading(SectionKind::OtherMatters), "五、其他需要报告的事项");
        assert_eq!(outline.overview_topic("工作机制保障"), Some(0));
        assert_eq!(outline.overview_topic("政府信息公开申请情况"), Some(2));
        assert_eq!(outline.overview_topic("政府信息公开平台建设"), Some(4));
        assert_eq!(outline.overview_topic("收到和处理政府信息公开申请情况的说明，本年度共收到申请"), None);
    }
}
