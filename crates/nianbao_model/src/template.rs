//! The national format 国办公开办函〔2021〕30号 as data: sections, tables, rows,
//! columns, with their verbatim labels and the stable keys used in exports.
//!
//! Keys are `snake_case` English and never change; labels are the verbatim
//! Chinese text of the template.

use serde::{Deserialize, Serialize};

/// The six statutory sections, in their required order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    Overview,
    ProactiveDisclosure,
    Applications,
    ReviewLitigation,
    Problems,
    OtherMatters,
}

impl SectionKind {
    pub const ALL: [SectionKind; 6] = [
        SectionKind::Overview,
        SectionKind::ProactiveDisclosure,
        SectionKind::Applications,
        SectionKind::ReviewLitigation,
        SectionKind::Problems,
        SectionKind::OtherMatters,
    ];

    /// The required top-level ordinal, 1 for 「一、」.
    pub const fn ordinal(self) -> u32 {
        self as u32 + 1
    }

    /// The verbatim heading text after the ordinal.
    pub const fn title(self) -> &'static str {
        match self {
            SectionKind::Overview => "总体情况",
            SectionKind::ProactiveDisclosure => "主动公开政府信息情况",
            SectionKind::Applications => "收到和处理政府信息公开申请情况",
            SectionKind::ReviewLitigation => "政府信息公开行政复议、行政诉讼情况",
            SectionKind::Problems => "存在的主要问题及改进情况",
            SectionKind::OtherMatters => "其他需要报告的事项",
        }
    }

    /// The verbatim heading with its ordinal: 「二、主动公开政府信息情况」.
    pub fn heading(self) -> String {
        format!("{}、{}", chinese_numeral(self.ordinal()), self.title())
    }

    pub const fn key(self) -> &'static str {
        match self {
            SectionKind::Overview => "overview",
            SectionKind::ProactiveDisclosure => "proactive_disclosure",
            SectionKind::Applications => "applications",
            SectionKind::ReviewLitigation => "review_litigation",
            SectionKind::Problems => "problems",
            SectionKind::OtherMatters => "other_matters",
        }
    }

    /// The table this section must hold, if any.
    pub const fn table(self) -> Option<TableKind> {
        match self {
            SectionKind::ProactiveDisclosure => Some(TableKind::Proactive),
            SectionKind::Applications => Some(TableKind::Applications),
            SectionKind::ReviewLitigation => Some(TableKind::ReviewLitigation),
            _ => None,
        }
    }
}

/// The three statistical tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    /// Table 二 — 主动公开政府信息情况 (10 values).
    Proactive,
    /// Table 三 — 收到和处理政府信息公开申请情况 (25 rows × 7 columns).
    Applications,
    /// Table 四 — 政府信息公开行政复议、行政诉讼情况 (15 values).
    ReviewLitigation,
}

impl TableKind {
    pub const ALL: [TableKind; 3] = [TableKind::Proactive, TableKind::Applications, TableKind::ReviewLitigation];

    /// How people name the table: 「表二」.
    pub const fn name(self) -> &'static str {
        match self {
            TableKind::Proactive => "表二",
            TableKind::Applications => "表三",
            TableKind::ReviewLitigation => "表四",
        }
    }

    pub const fn key(self) -> &'static str {
        match self {
            TableKind::Proactive => "table2",
            TableKind::Applications => "table3",
            TableKind::ReviewLitigation => "table4",
        }
    }

    pub const fn section(self) -> SectionKind {
        match self {
            TableKind::Proactive => SectionKind::ProactiveDisclosure,
            TableKind::Applications => SectionKind::Applications,
            TableKind::ReviewLitigation => SectionKind::ReviewLitigation,
        }
    }

    /// Value cells a complete table holds.
    pub const fn value_count(self) -> usize {
        match self {
            TableKind::Proactive => 10,
            TableKind::Applications => 175,
            TableKind::ReviewLitigation => 15,
        }
    }
}

/// A row that carries values, in any of the three tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKey {
    T2(T2Row),
    T3(T3Row),
    /// Table 四 has one unlabelled data row.
    T4,
}

impl RowKey {
    pub const fn table(self) -> TableKind {
        match self {
            RowKey::T2(_) => TableKind::Proactive,
            RowKey::T3(_) => TableKind::Applications,
            RowKey::T4 => TableKind::ReviewLitigation,
        }
    }

    /// Value cells the row must have.
    pub const fn value_count(self) -> usize {
        match self {
            RowKey::T2(row) => row.columns().len(),
            RowKey::T3(_) => T3Col::ALL.len(),
            RowKey::T4 => T4Col::ALL.len(),
        }
    }

    /// The verbatim label (table 四's data row has none).
    pub const fn label(self) -> &'static str {
        match self {
            RowKey::T2(row) => row.label(),
            RowKey::T3(row) => row.label(),
            RowKey::T4 => "",
        }
    }

    pub const fn key(self) -> &'static str {
        match self {
            RowKey::T2(row) => row.key(),
            RowKey::T3(row) => row.key(),
            RowKey::T4 => "data",
        }
    }

    /// The key of the value in column `index`, for exports: `licensing.decisions`.
    pub fn value_key(self, index: usize) -> Option<String> {
        match self {
            RowKey::T2(row) => row.columns().get(index).map(|col| format!("{}.{}", row.key(), col.key)),
            RowKey::T3(row) => T3Col::ALL.get(index).map(|col| format!("{}.{}", row.key(), col.key())),
            RowKey::T4 => T4Col::ALL.get(index).map(|col| col.key()),
        }
    }

    /// The value at `index` named as the table writes it: its row and
    /// column labels (「行政许可」「本年处理决定数量」, 「（一）予以公开」「自然人」,
    /// 「行政复议」「结果维持」), for messages a reader reads.
    pub fn value_label(self, index: usize) -> Option<String> {
        match self {
            RowKey::T2(row) => row.columns().get(index).map(|col| format!("「{}」「{}」", row.label(), col.label)),
            RowKey::T3(row) => T3Col::ALL.get(index).map(|col| format!("「{}」「{}」", row.label(), col.label())),
            RowKey::T4 => {
                T4Col::ALL.get(index).map(|col| format!("「{}」「{}」", col.group.label(), col.outcome.label()))
            }
        }
    }

    /// The column of the value at `index` as the table writes it: 「本年处理决定数量」,
    /// 「自然人」, 「行政复议」「结果维持」 (table 四's one row spans its groups).
    pub fn column_label(self, index: usize) -> Option<String> {
        match self {
            RowKey::T2(row) => row.columns().get(index).map(|col| format!("「{}」", col.label)),
            RowKey::T3(_) => T3Col::ALL.get(index).map(|col| format!("「{}」", col.label())),
            RowKey::T4 => self.value_label(index),
        }
    }

    /// How many value rows the three tables have.
    pub const COUNT: usize = T2Row::ALL.len() + T3Row::ALL.len() + 1;

    /// The row's position among all [`RowKey::COUNT`] value rows, tables in
    /// order: an index for tables keyed by row.
    pub const fn ordinal(self) -> usize {
        match self {
            RowKey::T2(row) => row as usize,
            RowKey::T3(row) => T2Row::ALL.len() + row as usize,
            RowKey::T4 => T2Row::ALL.len() + T3Row::ALL.len(),
        }
    }

    /// Every value row of `table`, in template order.
    pub fn rows_of(table: TableKind) -> Vec<RowKey> {
        match table {
            TableKind::Proactive => T2Row::ALL.iter().map(|&row| RowKey::T2(row)).collect(),
            TableKind::Applications => T3Row::ALL.iter().map(|&row| RowKey::T3(row)).collect(),
            TableKind::ReviewLitigation => vec![RowKey::T4],
        }
    }
}

/// A value column of table 二.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct T2Column {
    pub key: &'static str,
    pub label: &'static str,
}

const T2_RULEMAKING_COLUMNS: &[T2Column] = &[
    T2Column { key: "issued", label: "本年制发件数" },
    T2Column { key: "repealed", label: "本年废止件数" },
    T2Column { key: "in_force", label: "现行有效件数" },
];
const T2_DECISION_COLUMNS: &[T2Column] = &[T2Column { key: "decisions", label: "本年处理决定数量" }];
const T2_FEE_COLUMNS: &[T2Column] = &[T2Column { key: "amount", label: "本年收费金额（单位：万元）" }];

/// Rows of table 二.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum T2Row {
    Regulations,
    NormativeDocuments,
    Licensing,
    Punishment,
    Enforcement,
    Fees,
}

impl T2Row {
    pub const ALL: [T2Row; 6] = [
        T2Row::Regulations,
        T2Row::NormativeDocuments,
        T2Row::Licensing,
        T2Row::Punishment,
        T2Row::Enforcement,
        T2Row::Fees,
    ];

    pub const fn label(self) -> &'static str {
        match self {
            T2Row::Regulations => "规章",
            T2Row::NormativeDocuments => "行政规范性文件",
            T2Row::Licensing => "行政许可",
            T2Row::Punishment => "行政处罚",
            T2Row::Enforcement => "行政强制",
            T2Row::Fees => "行政事业性收费",
        }
    }

    pub const fn key(self) -> &'static str {
        match self {
            T2Row::Regulations => "regulations",
            T2Row::NormativeDocuments => "normative_documents",
            T2Row::Licensing => "licensing",
            T2Row::Punishment => "punishment",
            T2Row::Enforcement => "enforcement",
            T2Row::Fees => "fees",
        }
    }

    pub const fn columns(self) -> &'static [T2Column] {
        match self {
            T2Row::Regulations | T2Row::NormativeDocuments => T2_RULEMAKING_COLUMNS,
            T2Row::Licensing | T2Row::Punishment | T2Row::Enforcement => T2_DECISION_COLUMNS,
            T2Row::Fees => T2_FEE_COLUMNS,
        }
    }

    /// The block heading the row sits under: 「第二十条第（一）项」.
    pub const fn block(self) -> &'static str {
        match self {
            T2Row::Regulations | T2Row::NormativeDocuments => "第二十条第（一）项",
            T2Row::Licensing => "第二十条第（五）项",
            T2Row::Punishment | T2Row::Enforcement => "第二十条第（六）项",
            T2Row::Fees => "第二十条第（八）项",
        }
    }
}

/// The group a table 三 row sits in (the merged label cells of the template).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum T3Group {
    Results,
    Withheld,
    Unavailable,
    NotProcessed,
    OtherHandling,
}

impl T3Group {
    pub const ALL: [T3Group; 5] =
        [T3Group::Results, T3Group::Withheld, T3Group::Unavailable, T3Group::NotProcessed, T3Group::OtherHandling];

    pub const fn label(self) -> &'static str {
        match self {
            T3Group::Results => "三、本年度办理结果",
            T3Group::Withheld => "（三）不予公开",
            T3Group::Unavailable => "（四）无法提供",
            T3Group::NotProcessed => "（五）不予处理",
            T3Group::OtherHandling => "（六）其他处理",
        }
    }
}

macro_rules! t3_rows {
    ($($variant:ident => $key:literal, $label:literal, $group:expr;)*) => {
        /// The 25 value rows of table 三, in template order.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum T3Row { $($variant,)* }

        impl T3Row {
            pub const ALL: [T3Row; 25] = [$(T3Row::$variant,)*];

            pub const fn key(self) -> &'static str {
                match self { $(T3Row::$variant => $key,)* }
            }

            /// The verbatim label.
            pub const fn label(self) -> &'static str {
                match self { $(T3Row::$variant => $label,)* }
            }

            /// The innermost group label the row sits under.
            pub const fn group(self) -> Option<T3Group> {
                match self { $(T3Row::$variant => $group,)* }
            }
        }
    };
}

t3_rows! {
    NewReceived => "new_received", "一、本年新收政府信息公开申请数量", None;
    CarriedOver => "carried_over", "二、上年结转政府信息公开申请数量", None;
    Disclosed => "disclosed", "（一）予以公开", Some(T3Group::Results);
    PartiallyDisclosed => "partially_disclosed", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", Some(T3Group::Results);
    WithheldStateSecret => "withheld_state_secret", "1.属于国家秘密", Some(T3Group::Withheld);
    WithheldProhibited => "withheld_prohibited_by_law", "2.其他法律行政法规禁止公开", Some(T3Group::Withheld);
    WithheldSafety => "withheld_three_safeties_one_stability", "3.危及“三安全一稳定”", Some(T3Group::Withheld);
    WithheldThirdParty => "withheld_third_party_rights", "4.保护第三方合法权益", Some(T3Group::Withheld);
    WithheldInternal => "withheld_internal_affairs", "5.属于三类内部事务信息", Some(T3Group::Withheld);
    WithheldProcess => "withheld_process_information", "6.属于四类过程性信息", Some(T3Group::Withheld);
    WithheldEnforcement => "withheld_enforcement_files", "7.属于行政执法案卷", Some(T3Group::Withheld);
    WithheldQuery => "withheld_query_matters", "8.属于行政查询事项", Some(T3Group::Withheld);
    UnavailableNotHeld => "unavailable_not_held", "1.本机关不掌握相关政府信息", Some(T3Group::Unavailable);
    UnavailableNeedsCreation => "unavailable_needs_creation", "2.没有现成信息需要另行制作", Some(T3Group::Unavailable);
    UnavailableUnclear => "unavailable_unclear_after_correction", "3.补正后申请内容仍不明确", Some(T3Group::Unavailable);
    NotProcessedPetition => "not_processed_petition", "1.信访举报投诉类申请", Some(T3Group::NotProcessed);
    NotProcessedRepeated => "not_processed_repeated", "2.重复申请", Some(T3Group::NotProcessed);
    NotProcessedPublications => "not_processed_publications", "3.要求提供公开出版物", Some(T3Group::NotProcessed);
    NotProcessedExcessive => "not_processed_excessive", "4.无正当理由大量反复申请", Some(T3Group::NotProcessed);
    NotProcessedConfirmation => "not_processed_confirmation", "5.要求行政机关确认或重新出具已获取信息", Some(T3Group::NotProcessed);
    OtherNoCorrection => "other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", Some(T3Group::OtherHandling);
    OtherUnpaidFee => "other_unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", Some(T3Group::OtherHandling);
    OtherOther => "other_other", "3.其他", Some(T3Group::OtherHandling);
    TotalResults => "total_results", "（七）总计", Some(T3Group::Results);
    CarriedForward => "carried_forward", "四、结转下年度继续办理", None;
}

impl T3Row {
    /// The result rows 3–23 whose sum is （七）总计.
    pub fn results() -> &'static [T3Row] {
        &T3Row::ALL[2..23]
    }

    /// Position in the template, 0-based.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The 7 columns of table 三.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum T3Col {
    NaturalPerson,
    Commercial,
    Research,
    SocialWelfare,
    LegalService,
    OtherOrg,
    Total,
}

impl T3Col {
    pub const ALL: [T3Col; 7] = [
        T3Col::NaturalPerson,
        T3Col::Commercial,
        T3Col::Research,
        T3Col::SocialWelfare,
        T3Col::LegalService,
        T3Col::OtherOrg,
        T3Col::Total,
    ];

    /// The six applicant columns whose sum is 总计.
    pub const APPLICANTS: [T3Col; 6] = [
        T3Col::NaturalPerson,
        T3Col::Commercial,
        T3Col::Research,
        T3Col::SocialWelfare,
        T3Col::LegalService,
        T3Col::OtherOrg,
    ];

    pub const fn label(self) -> &'static str {
        match self {
            T3Col::NaturalPerson => "自然人",
            T3Col::Commercial => "商业企业",
            T3Col::Research => "科研机构",
            T3Col::SocialWelfare => "社会公益组织",
            T3Col::LegalService => "法律服务机构",
            T3Col::OtherOrg => "其他",
            T3Col::Total => "总计",
        }
    }

    pub const fn key(self) -> &'static str {
        match self {
            T3Col::NaturalPerson => "natural_person",
            T3Col::Commercial => "commercial_enterprise",
            T3Col::Research => "research_institution",
            T3Col::SocialWelfare => "social_welfare_organization",
            T3Col::LegalService => "legal_service_organization",
            T3Col::OtherOrg => "other_organization",
            T3Col::Total => "total",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// The three groups of table 四.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum T4Group {
    Review,
    LitigationDirect,
    LitigationAfterReview,
}

impl T4Group {
    pub const ALL: [T4Group; 3] = [T4Group::Review, T4Group::LitigationDirect, T4Group::LitigationAfterReview];

    pub const fn label(self) -> &'static str {
        match self {
            T4Group::Review => "行政复议",
            T4Group::LitigationDirect => "行政诉讼·未经复议直接起诉",
            T4Group::LitigationAfterReview => "行政诉讼·复议后起诉",
        }
    }

    pub const fn key(self) -> &'static str {
        match self {
            T4Group::Review => "review",
            T4Group::LitigationDirect => "litigation_direct",
            T4Group::LitigationAfterReview => "litigation_after_review",
        }
    }
}

/// The five outcomes of a table 四 group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum T4Outcome {
    Upheld,
    Corrected,
    Other,
    Pending,
    Total,
}

impl T4Outcome {
    pub const ALL: [T4Outcome; 5] =
        [T4Outcome::Upheld, T4Outcome::Corrected, T4Outcome::Other, T4Outcome::Pending, T4Outcome::Total];

    pub const fn label(self) -> &'static str {
        match self {
            T4Outcome::Upheld => "结果维持",
            T4Outcome::Corrected => "结果纠正",
            T4Outcome::Other => "其他结果",
            T4Outcome::Pending => "尚未审结",
            T4Outcome::Total => "总计",
        }
    }

    pub const fn key(self) -> &'static str {
        match self {
            T4Outcome::Upheld => "upheld",
            T4Outcome::Corrected => "corrected",
            T4Outcome::Other => "other",
            T4Outcome::Pending => "pending",
            T4Outcome::Total => "total",
        }
    }
}

/// One of the 15 value positions of table 四.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct T4Col {
    pub group: T4Group,
    pub outcome: T4Outcome,
}

impl T4Col {
    pub const ALL: [T4Col; 15] = {
        let mut all = [T4Col { group: T4Group::Review, outcome: T4Outcome::Upheld }; 15];
        let mut g = 0;
        while g < 3 {
            let mut o = 0;
            while o < 5 {
                all[g * 5 + o] = T4Col { group: T4Group::ALL[g], outcome: T4Outcome::ALL[o] };
                o += 1;
            }
            g += 1;
        }
        all
    };

    /// Position in the flattened row, 0-based: 0–4 复议, 5–9 直接起诉, 10–14 复议后起诉.
    pub const fn index(self) -> usize {
        self.group as usize * 5 + self.outcome as usize
    }

    pub fn key(self) -> String {
        format!("{}.{}", self.group.key(), self.outcome.key())
    }

    /// 「行政复议 结果维持」.
    pub fn label(self) -> String {
        format!("{} {}", self.group.label(), self.outcome.label())
    }
}

/// Writes `n` (1–99) as a Chinese numeral: 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一.
pub fn chinese_numeral(n: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n as usize].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { DIGITS[(n % 10) as usize] }),
        20..=99 => format!(
            "{}十{}",
            DIGITS[(n / 10) as usize],
            if n.is_multiple_of(10) { "" } else { DIGITS[(n % 10) as usize] }
        ),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table3_has_25_rows_and_21_result_rows() {
        assert_eq!(T3Row::ALL.len(), 25);
        assert_eq!(T3Row::results().len(), 21);
        assert_eq!(T3Row::results()[0], T3Row::Disclosed);
        assert_eq!(T3Row::results()[20], T3Row::OtherOther);
        assert_eq!(T3Row::TotalResults.index(), 23);
    }

    #[test]
    fn table4_positions_are_group_major() {
        assert_eq!(T4Col::ALL[0].key(), "review.upheld");
        assert_eq!(T4Col::ALL[9].key(), "litigation_direct.total");
        assert_eq!(T4Col::ALL[14].index(), 14);
    }

    #[test]
    fn ordinals_number_every_value_row_once() {
        let all: Vec<RowKey> = TableKind::ALL.iter().flat_map(|&table| RowKey::rows_of(table)).collect();
        let ordinals: Vec<usize> = all.iter().map(|key| key.ordinal()).collect();
        assert_eq!(ordinals, (0..RowKey::COUNT).collect::<Vec<_>>());
    }

    #[test]
    fn value_counts_add_up_to_the_template() {
        let t2: usize = T2Row::ALL.iter().map(|row| row.columns().len()).sum();
        assert_eq!(t2, TableKind::Proactive.value_count());
        assert_eq!(T3Row::ALL.len() * T3Col::ALL.len(), TableKind::Applications.value_count());
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(chinese_numeral(1), "一");
        assert_eq!(chinese_numeral(10), "十");
        assert_eq!(chinese_numeral(12), "十二");
        assert_eq!(chinese_numeral(21), "二十一");
        assert_eq!(SectionKind::ReviewLitigation.heading(), "四、政府信息公开行政复议、行政诉讼情况");
    }
}
