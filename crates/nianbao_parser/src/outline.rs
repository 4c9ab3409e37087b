//! Whether a report follows a known local outline ([`Outline`]), and its
//! sections as that outline has them.
//!
//! Read after the sections: a report under 上海市's outline has 总体情况,
//! then its topics as top-level headings (「二、工作机制保障」; the parser
//! reads some as sections of no statutory kind and some as stray ordinals
//! inside 总体情况), then 「一、主动公开政府信息情况」 again from 一、. When
//! every top-level heading between the two names one of the outline's
//! topics, in the outline's order and numbered on from 二、, the report
//! follows the outline: the topics become sub-topics of 总体情况 again.

use nianbao_model::{Ordinal, OrdinalLevel, Outline, Paragraph, Section, SectionKind, SubHeading};

/// Topics of 总体情况 needed to call a report's outline a local one.
const MIN_TOPICS: usize = 2;

/// The outline `sections` follow, folding their overview topics back into
/// 总体情况; `None` (and `sections` untouched) for the national outline.
pub(crate) fn follow_outline(sections: &mut Vec<Section>) -> Option<Outline> {
    let outline = Outline::ALL.into_iter().find(|&outline| topics_range(sections, outline).is_some())?;
    let (overview, restart) = topics_range(sections, outline)?;
    let restart_start = sections[restart].span.start;
    let topics: Vec<Section> = sections.drain(overview + 1..restart).collect();
    let overview = &mut sections[overview];
    overview.span.end = restart_start;
    for topic in topics {
        overview.paragraphs.push(Paragraph {
            span: topic.heading_span,
            text: format!("{}{}", topic.ordinal.raw, topic.title.value),
            heading: false,
        });
        overview.subheadings.push(SubHeading {
            ordinal: topic.ordinal,
            text: topic.title.value,
            span: topic.heading_span,
        });
        overview.paragraphs.extend(topic.paragraphs);
        overview.subheadings.extend(topic.subheadings);
    }
    Some(outline)
}

/// The indices of 总体情况 and of the section that numbers again from
/// 一、, if the headings between them are `outline`'s overview topics.
fn topics_range(sections: &[Section], outline: Outline) -> Option<(usize, usize)> {
    let overview = sections
        .iter()
        .position(|section| section.kind == Some(SectionKind::Overview) && section.ordinal.value == 1)?;
    let restart = overview
        + 1
        + sections[overview + 1..].iter().position(|section| {
            section.kind.is_some_and(|kind| outline.restarts_at(kind) && section.ordinal.value == outline.ordinal(kind))
        })?;
    // The top-level headings in between, in document order: stray ordinals
    // inside a section come after its heading.
    let headings = sections[overview..restart].iter().enumerate().flat_map(|(index, section)| {
        let own = (index > 0).then_some((&section.ordinal, section.title.value.as_str()));
        let stray = section
            .subheadings
            .iter()
            .filter(|sub| sub.ordinal.level == OrdinalLevel::Top)
            .map(|sub| (&sub.ordinal, sub.text.as_str()));
        own.into_iter().chain(stray)
    });
    let mut count = 0;
    let mut last: Option<(u32, usize)> = None;
    for (ordinal, title) in headings {
        let topic = outline.overview_topic(title)?;
        if !follows(ordinal, topic, last) {
            return None;
        }
        last = Some((ordinal.value, topic));
        count += 1;
    }
    (count >= MIN_TOPICS).then_some((overview, restart))
}

/// Whether a topic heading comes in the outline's order: numbered on from
/// the last (二、 first), a later topic than the last.
fn follows(ordinal: &Ordinal, topic: usize, last: Option<(u32, usize)>) -> bool {
    match last {
        None => ordinal.value == 2,
        Some((value, previous)) => ordinal.value == value + 1 && topic > previous,
    }
}

#[cfg(test)]
mod tests {
    use nianbao_model::{Outline, SectionKind};

    fn kinds(text: &str) -> (Option<Outline>, Vec<(Option<SectionKind>, u32)>) {
        let report = crate::parse(text);
        (report.outline, report.sections.iter().map(|section| (section.kind, section.ordinal.value)).collect())
    }

    const SHANGHAI: &str = "一、总体情况\n本年度工作情况。\n二、工作机制保障\n设立协调小组。\n\
        三、主动公开工作情况\n发布信息393件。\n四、政府信息公开申请情况\n收到申请34件。\n\
        五、政府信息管理\n动态调整。\n一、主动公开政府信息情况\n二、收到和处理政府信息公开申请情况\n\
        三、政府信息公开行政复议、行政诉讼情况\n四、存在的主要问题及改进情况\n五、其他需要报告的事项\n";

    #[test]
    fn shanghai_topics_fold_into_the_overview() {
        let (outline, sections) = kinds(SHANGHAI);
        assert_eq!(outline, Some(Outline::Shanghai));
        assert_eq!(
            sections,
            [
                (Some(SectionKind::Overview), 1),
                (Some(SectionKind::ProactiveDisclosure), 1),
                (Some(SectionKind::Applications), 2),
                (Some(SectionKind::ReviewLitigation), 3),
                (Some(SectionKind::Problems), 4),
                (Some(SectionKind::OtherMatters), 5),
            ]
        );
        let report = crate::parse(SHANGHAI);
        assert_eq!(report.sections[0].subheadings.len(), 4);
        assert_eq!(report.sections[0].span.end, report.sections[1].span.start);
    }

    #[test]
    fn the_national_outline_and_a_mere_restart_are_not_shanghai() {
        let national = "一、总体情况\n（一）主动公开\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n";
        assert_eq!(kinds(national).0, None);
        // Topics out of order, or a numbering that skips, is no outline.
        let skipped = SHANGHAI.replace("三、主动公开工作情况", "七、主动公开工作情况");
        assert_eq!(kinds(&skipped).0, None);
        let one_topic = "一、总体情况\n二、工作机制保障\n一、主动公开政府信息情况\n";
        assert_eq!(kinds(one_topic).0, None);
    }
}
