use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Reports section 五 (problems and improvements) or 六 (other matters) with no
    /// text, or with nothing but 「无」 (which answers section 六 in a report
    /// for 2019 or 2020, before it had to state the fee situation).
    ///
    /// ## Why is this bad
    /// Section 五 must name the year's problems and how last year's were fixed, and
    /// section 六 must at least state the fee situation. An empty section is marked
    /// down in every assessment.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 五、存在的主要问题及改进情况
    /// 无。
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 五、存在的主要问题及改进情况
    /// 存在的问题：政策解读形式单一。改进情况：增加了图解和视频解读。
    /// ```
    ///
    /// ## Fix safety
    /// No fix.
    ///
    /// ## Source
    /// 《中华人民共和国政府信息公开条例》第五十条; 国办公开办函〔2021〕30号.
    pub(crate) static RULE = {
        code: "X010",
        name: "empty-section",
        title: "部分内容为空",
        summary: "Section 五 or 六 is empty or only says 「无」",
        summary_zh: "第五部分或第六部分没有内容，或只写「无」。",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
第五部分（存在的主要问题及改进情况）或第六部分（其他需要报告的事项）没有内容，或只写「无」的，予以报告。2019年度、2020年度的报告第六部分只写「无」的不报告，因为当时尚不要求说明收费情况。

## 为何有问题
第五部分须写明本年度存在的主要问题和上年度问题的改进情况，第六部分至少要说明信息处理费的收取情况。内容为空的部分，在各类评估中都会扣分。

## 示例
{examples}

## 修正
不提供修正：须由本机关据实补写内容。

## 依据
《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号。"#,
    }
}

use nianbao_model::SectionKind;

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    for kind in [SectionKind::Problems, SectionKind::OtherMatters] {
        let Some(section) = ctx.report.section(kind) else { continue };
        // Before the 2021 format asked section 六 for the fee situation,
        // 「无。」 there was a complete answer.
        let none_is_an_answer = kind == SectionKind::OtherMatters && ctx.predates_2021_format();
        if says_nothing(section, none_is_an_answer) {
            out.push(
                Finding::new(
                    section.heading_span,
                    t!(lang, "section 「{title}」 is empty", "「{title}」部分为空", title = kind.title()),
                )
                .label(t!(lang, "nothing but the heading", "只有标题，没有内容"))
                .help(if kind == SectionKind::Problems {
                    t!(
                        lang,
                        "name this year's problems and how last year's were addressed",
                        "请写明本年度存在的主要问题及上年度问题的改进情况"
                    )
                } else {
                    t!(lang, "state at least the 信息处理费 situation", "请至少说明信息处理费的收取情况")
                }),
            );
        }
    }
}

/// Whether `section` has no text, or nothing but 「无」 (unless that is an
/// answer): X009 leaves such a section 六 to this rule, one finding for
/// one fact.
pub(crate) fn says_nothing(section: &nianbao_model::Section, none_is_an_answer: bool) -> bool {
    section.paragraphs.iter().all(|p| {
        if p.text.len() > 16 {
            return false; // more than 「暂无。」 in any spelling
        }
        let bare: String = p.text.chars().filter(|c| !c.is_whitespace() && !"。.，,".contains(*c)).collect();
        bare.is_empty() || (!none_is_an_answer && (bare == "无" || bare == "暂无"))
    })
}
