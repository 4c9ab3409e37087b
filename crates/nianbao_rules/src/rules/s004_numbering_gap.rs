use nianbao_model::{Edit, Ordinal, OrdinalLevel, template::chinese_numeral};

use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Reports second-level (「（一）」) and third-level (「1.」) ordinals that skip
    /// or repeat inside a section. Third-level numbering restarts under each
    /// second-level item.
    ///
    /// ## Why is this bad
    /// 「（一）（二）（三）（二）」 tells the reader an item is missing or duplicated;
    /// it usually comes from pasting a paragraph from another report.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 六、其他需要报告的事项
    /// （一）依申请公开收费情况：本年度未收取信息处理费。
    /// （二）本年度无建议提案办理情况。
    /// （三）本部门在政务公开方面的创新实践情况。
    /// （二）落实上年度政务公开工作要点情况。
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 六、其他需要报告的事项
    /// （一）依申请公开收费情况：本年度未收取信息处理费。
    /// （二）本年度无建议提案办理情况。
    /// （三）本部门在政务公开方面的创新实践情况。
    /// （四）落实上年度政务公开工作要点情况。
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: renumbers the item in the author's bracket style, but whether
    /// the item or its neighbours are wrong needs a person.
    ///
    /// ## Source
    /// GB/T 9704-2012 (结构层次序数).
    pub(crate) static RULE = {
        code: "S004",
        name: "numbering-gap",
        title: "二三级序号不连续",
        summary: "Second- or third-level ordinals skip or repeat inside a section",
        summary_zh: "同一部分内的二级、三级序号跳号或重复。",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::Unsafe,
        check: check,
        docs_zh: r#"## 检查内容
检查同一部分内的二级序号（「（一）」）和三级序号（「1.」）是否跳号或重复。三级序号在每个二级项下重新编号。

## 为何有问题
「（一）（二）（三）（二）」会让读者以为漏了一项或重复了一项；这种情况多是从别的报告中粘贴段落造成的。

## 示例
{examples}

## 修正
须人工核对：修正会按作者原用的括号样式给该项重新编号，但究竟是该项还是其前后各项的序号有误，须由人判断。

## 依据
GB/T 9704-2012《党政机关公文格式》（结构层次序数）。"#,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    for section in &ctx.report.sections {
        let mut second: Option<&Ordinal> = None;
        let mut third: Option<&Ordinal> = None;
        for sub in &section.subheadings {
            let ordinal = &sub.ordinal;
            let previous = match ordinal.level {
                OrdinalLevel::Top => continue,
                OrdinalLevel::Second => {
                    third = None;
                    second.replace(ordinal)
                }
                OrdinalLevel::Third => third.replace(ordinal),
            };
            let expected = previous.map_or(1, |previous| previous.value + 1);
            if ordinal.value == expected {
                continue;
            }
            let written = renumbered(&ordinal.raw, ordinal.level, expected);
            let problem = match previous {
                Some(previous) if ordinal.value <= previous.value => t!(
                    lang,
                    "「{raw}」 after 「{previous}」 repeats a number",
                    "「{previous}」之后为「{raw}」，序号重复",
                    raw = ordinal.raw,
                    previous = previous.raw
                ),
                Some(previous) => t!(
                    lang,
                    "「{raw}」 after 「{previous}」 skips a number",
                    "「{previous}」之后为「{raw}」，中间缺号",
                    raw = ordinal.raw,
                    previous = previous.raw
                ),
                None => t!(lang, "numbering starts at 「{raw}」", "序号从「{raw}」开始", raw = ordinal.raw),
            };
            let mut finding = Finding::new(ordinal.span, problem)
                .label(t!(lang, "expected 「{written}」", "应为「{written}」", written = written))
                .unsafe_fix(
                    t!(lang, "Renumber as 「{written}」", "改为「{written}」", written = written),
                    vec![Edit::replace(ordinal.span, written.clone())],
                );
            if let Some(previous) = previous {
                finding = finding.secondary(previous.span, t!(lang, "previous item", "上一项"));
            }
            out.push(finding);
        }
    }
}

/// `raw` with its number replaced by `value`, keeping brackets and punctuation.
fn renumbered(raw: &str, level: OrdinalLevel, value: u32) -> String {
    match level {
        OrdinalLevel::Second => {
            let open = raw.chars().next().unwrap_or('（');
            let close = raw.chars().last().unwrap_or('）');
            format!("{open}{}{close}", chinese_numeral(value))
        }
        _ => {
            let punct = raw.chars().last().unwrap_or('.');
            format!("{value}{punct}")
        }
    }
}
