use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Reports a count the prose breaks down (「主动公开政府信息64条，其中……」)
    /// whose parts do not add up to it: their sum is larger than the count,
    /// or smaller while the list names every part: it ends with 「其他」, or it
    /// splits the information made and obtained into 主动公开, 依申请公开 and
    /// 不予公开. A list of only some parts (no 「其他」) may fall short of the
    /// count, and a sentence that also compares (同比, 占, 增长) or gives a
    /// part's own parts (a second 其中) is left alone. A count broken down twice,
    /// one list after the other (by origin, then by state), adds up when each
    /// list does.
    ///
    /// ## Why is this bad
    /// The figures of 主动公开 and 依申请公开 are what readers and assessors
    /// quote; a total its own parts contradict is a number copied from another
    /// draft, or a category left out.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 本年度主动公开政府信息64条，其中政策文件类2条，环境保护类8条，征地信息31条，其他类9条。
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 本年度主动公开政府信息50条，其中政策文件类2条，环境保护类8条，征地信息31条，其他类9条。
    /// ```
    ///
    /// ## Fix safety
    /// No fix: the total or a part may be the wrong one.
    ///
    /// ## Source
    /// 《中华人民共和国政府信息公开条例》第五十条 (the annual report states the
    /// disclosure figures).
    pub(crate) static RULE = {
        code: "X012",
        name: "breakdown-sum",
        title: "分项之和与总数不符",
        summary: "The parts listed after 「其中」 do not add up to the count they break down",
        summary_zh: "「其中」后列出的各分项之和与总数不符。",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
正文对一个数量作了分解（「主动公开政府信息64条，其中……」），而各分项之和与该数量不符的，予以报告：分项之和大于总数；或小于总数且已列出全部分项：最后一项为「其他」，或将制作、获取的政府信息分为主动公开、依申请公开、不予公开三类。只列出部分分项（没有「其他」）的，分项之和可以小于总数；同一句中还有比较（同比、占、增长）或分项再分解（又一个「其中」）的，不作检查。先后两次分解同一数量的（先按来源、再按办理状态），每一组分项之和等于总数即可。

## 为何有问题
主动公开和依申请公开的数量是读者和考核评估引用的数字；总数与其所列分项相矛盾，往往是沿用了其他稿件的数字，或漏列了某一类。

## 示例
{examples}

## 修正
不提供修正：错的可能是总数，也可能是某个分项，须人工核对。

## 依据
《中华人民共和国政府信息公开条例》第五十条（年度报告应载明主动公开等数据）。"#,
    }
}

use crate::text::{at, words};

/// The most digits a count is read with.
const MAX_DIGITS: usize = 9;

/// Units a count is given in.
const UNITS: [char; 4] = ['条', '件', '篇', '个'];

/// Words that make a sentence more than a count and its parts: a
/// comparison, a share, a part's own parts, an approximate count.
const NOT_A_BREAKDOWN: [&str; 12] =
    ["同比", "较上年", "较去年", "增长", "下降", "增加", "减少", "占", "其中", "平均", "约", "余"];

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    for (paragraph, chars) in ctx.paragraphs() {
        if !words!["其中"].any_in(&paragraph.text, chars) {
            continue;
        }
        for sentence in paragraph.text.split(['。', '；', ';', '！', '？']) {
            let offset = sentence.as_ptr() as usize - paragraph.text.as_ptr() as usize;
            let Some(breakdown) = breakdown(sentence) else { continue };
            let sum: u64 = breakdown.parts.iter().map(|part| part.value).sum();
            if sum == breakdown.total.value
                || (sum < breakdown.total.value && !names_every_part(&sentence[breakdown.list_start..]))
                || breaks_down_more_than_once(&breakdown.parts, breakdown.total.value)
            {
                continue;
            }
            let parts: Vec<String> = breakdown.parts.iter().map(|part| part.value.to_string()).collect();
            let total = &breakdown.total;
            let mut finding = Finding::new(
                at(paragraph.span, offset + total.start, total.len),
                t!(
                    lang,
                    "{total} {unit} in all, but the parts listed after 「其中」 add up to {sum} ({parts})",
                    "总数为{total}{unit}，但「其中」所列各项之和为{sum}（{parts}）",
                    total = total.value,
                    unit = breakdown.unit,
                    sum = sum,
                    parts = parts.join(" + ")
                ),
            )
            .label(t!(lang, "the total", "总数"))
            .help(t!(
                lang,
                "check the total and each part, and make them agree",
                "请核对总数和各分项，使二者相符"
            ));
            for part in &breakdown.parts {
                finding =
                    finding.secondary(at(paragraph.span, offset + part.start, part.len), t!(lang, "a part", "分项"));
            }
            out.push(finding);
        }
    }
}

/// Whether a list names every part of its count: it names 「其他」, or
/// it splits the information made and obtained into 主动公开, 依申请公开 and
/// 不予公开, which is all of it (real: Pingtan 321, 「510条，其中主动公开
/// 198条，依申请公开142条，不予公开137条」).
fn names_every_part(list: &str) -> bool {
    list.contains("其他")
        || list.contains("其它")
        || ["主动公开", "依申请公开", "不予公开"].iter().all(|part| list.contains(part))
}

/// A number written in a sentence: its value and its bytes.
#[derive(Debug, PartialEq)]
struct Number {
    value: u64,
    start: usize,
    len: usize,
}

impl Number {
    fn end(&self) -> usize {
        self.start + self.len
    }
}

/// A count, its unit, and the parts listed after 「其中」.
#[derive(Debug)]
struct Breakdown {
    total: Number,
    unit: char,
    /// Where the list after 「其中」 starts.
    list_start: usize,
    parts: Vec<Number>,
}

/// 「……64条，其中A类2条，B类8条，其他类9条」: the count right before
/// 「其中」 and each count of the list after it; `None` when the sentence is
/// not such a breakdown, or is more than one.
fn breakdown(sentence: &str) -> Option<Breakdown> {
    let keyword = sentence.find("其中")?;
    let list_start = keyword + "其中".len();
    let list = &sentence[list_start..];
    if NOT_A_BREAKDOWN.iter().any(|word| list.contains(word)) || list.contains(['%', '％']) {
        return None;
    }
    // The count ends right before 「其中」: 「64条，」, 「64 条：」.
    let before = sentence[..keyword].trim_end_matches([' ', '，', ',', '：', ':', '\u{3000}']);
    let unit = before.chars().next_back().filter(|unit| UNITS.contains(unit))?;
    let before = before[..before.len() - unit.len_utf8()].trim_end();
    let total = numbers(before).pop().filter(|number| number.end() == before.len())?;
    if before[..total.start].ends_with(['约', '近', '超', '第']) {
        return None;
    }
    let parts: Vec<Number> = numbers(list)
        .into_iter()
        .filter(|part| counts_in(list, part, unit))
        .map(|part| Number { start: part.start + list_start, ..part })
        .collect();
    (parts.len() >= 2).then_some(Breakdown { total, unit, list_start, parts })
}

/// Whether the parts break the count down more than once, one list after
/// the other, each adding up to it: 「21件，其中结转1件，新受理20件，已办结17件，
/// 正在办理中4件」 (by origin, then by state; real: seed 003).
fn breaks_down_more_than_once(parts: &[Number], total: u64) -> bool {
    let (mut running, mut lists) = (0, 0);
    for part in parts {
        running += part.value;
        if running == total {
            (running, lists) = (0, lists + 1);
        } else if running > total {
            return false;
        }
    }
    running == 0 && lists > 1
}

/// Runs of ASCII digits, as whole numbers (a decimal's parts are not counts).
fn numbers(text: &str) -> Vec<Number> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let decimal = bytes.get(i) == Some(&b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
            || (start > 0 && bytes[start - 1] == b'.');
        // No count in a report has ten digits; a longer run (a phone number,
        // an identifier) is no count, and could overflow the sum.
        if !decimal
            && i - start <= MAX_DIGITS
            && let Ok(value) = text[start..i].parse()
        {
            out.push(Number { value, start, len: i - start });
        }
    }
    out
}

/// Whether `number` in the list is a count in `unit`: followed by the unit
/// (「8条」), or by nothing (「信息 45，」); not a count in another unit
/// (「380份」, 「11541批次」), a year or date (「2024年」), an amount (「3万元」)
/// or a rank (「第3」).
fn counts_in(list: &str, number: &Number, unit: char) -> bool {
    let after = list[number.end()..].trim_start();
    let next = after.chars().next();
    let unit_or_nothing = next.is_none_or(|next| next == unit || "，,、；;）)".contains(next));
    unit_or_nothing && !list[..number.start].ends_with('第')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sums(sentence: &str) -> Option<(u64, u64)> {
        breakdown(sentence).map(|b| (b.total.value, b.parts.iter().map(|part| part.value).sum()))
    }

    #[test]
    fn a_count_and_its_parts_are_read() {
        // Real: Pingtan 330 (64 stated, 54 listed).
        let text = "主动公开64条，其中政策及规范性文件类2条，国民经济和社会发展规划、专项规划、区域规划及相关政策1条，财政预算、决算1条，环境保护8条，征地信息31条，土地划拨2条，其他类9条";
        assert_eq!(sums(text), Some((64, 54)));
        // A part written without its unit still counts (real: 331).
        assert_eq!(
            sums("主动公开52条，其中政策及规范性文件类3条，国土资源城乡建设环保能源类信息 45，其他类4条"),
            Some((52, 52))
        );
        // Years, amounts, ranks and counts of other things are not parts.
        assert_eq!(sums("办理30件，其中2024年受理的10件，2023年受理的20件"), Some((30, 30)));
        assert_eq!(sums("收费2件，其中收取费用3.5元"), None);
        // Real: Pingtan 355, 312.
        assert_eq!(sums("发布信息607条，其中主动公开380份，依申请公开及不予公开319份，作出行政处罚决定545起"), None);
        assert_eq!(sums("推文974篇，其中共完成11541批次抽检，检出不合格产品38批次"), None);
    }

    #[test]
    fn a_list_names_every_part_with_other_or_the_three_kinds_of_disclosure() {
        assert!(names_every_part("政策类2条，其他类9条"));
        assert!(names_every_part("主动公开政府信息198条，依申请公开信息数142条，不予公开信息数137条"));
        assert!(!names_every_part("主动公开政府信息198条，依申请公开信息数142条"));
        assert!(!names_every_part("减税降费22条，财税金融等政策及解读共2条"));
    }

    #[test]
    fn a_count_broken_down_twice_adds_up() {
        // Real: seed 003, 21 applications by origin, then by state.
        let text = "2024年共处理依申请公开事项21件,其中2023年度结转1件,2024年新受理20件,未补正信息视为撤销的0件,已办结17件,正在办理中4件";
        let found = breakdown(text).unwrap();
        assert_eq!(found.parts.iter().map(|part| part.value).collect::<Vec<_>>(), [1, 20, 0, 17, 4]);
        assert!(breaks_down_more_than_once(&found.parts, 21));
        let three = [10, 11, 30].map(|value| Number { value, start: 0, len: 2 });
        assert!(!breaks_down_more_than_once(&three, 21));
    }

    #[test]
    fn comparisons_shares_nested_and_approximate_counts_are_left_alone() {
        assert_eq!(sums("主动公开64条，其中政策类2条，同比增长10条"), None);
        assert_eq!(sums("主动公开64条，其中政策类2条，占3%"), None);
        assert_eq!(sums("主动公开64条，其中政策类20条（其中解读2条），其他44条"), None);
        assert_eq!(sums("主动公开约64条，其中政策类2条，其他类9条"), None);
        assert_eq!(sums("主动公开64条，其中政策类2条"), None);
        assert_eq!(sums("共有3个部分，其中第一部分2页，第二部分4页"), None);
        // Ten digits or more are no count (and must not overflow the sum).
        assert_eq!(sums("主动公开1条，其中甲类9999999999999999999条，其他类9999999999999999999条"), None);
    }
}
