//! Hover, inlay hints, outline, folding and code actions, computed from one
//! [`Analysis`]. Pure: no IO, no server state.

use nianbao_model::{Applicability, Edit, OrdinalLevel, Span, Table};
use nianbao_rules::{IdentityKind, Lang, identities};
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, DocumentSymbol, FoldingRange, FoldingRangeKind, Hover,
    HoverContents, InlayHint, InlayHintKind, InlayHintLabel, InlayHintTooltip, MarkupContent, MarkupKind, Range,
    SymbolKind, Uri,
};

use crate::analysis::Analysis;
use crate::to_proto::Converter;

/// The code action kind of "apply every safe fix".
pub const FIX_ALL_KIND: &str = "source.fixAll.nianbao";

fn converter(analysis: &Analysis, encoding: crate::from_proto::Encoding) -> Converter<'_> {
    Converter::for_analysis(analysis, encoding)
}

/// On a diagnostic: its rule's docs. On a cell of table 三 or 四: every
/// identity the cell takes part in, with the computation.
pub fn hover(analysis: &Analysis, offset: usize, encoding: crate::from_proto::Encoding) -> Option<Hover> {
    let mut sections = Vec::new();
    let mut range: Option<Span> = None;
    for identity in identities(&analysis.report) {
        let Some(term) = identity.cells().find(|term| contains(term.cell.span, offset)) else { continue };
        range = Some(term.cell.span);
        let mark = if identity.holds() { "✓" } else { "✗" };
        sections.push(format!("`{}` {mark}", identity.describe()));
    }
    for diagnostic in analysis.diagnostics.iter().filter(|d| contains(d.primary.span, offset)) {
        range = range.or(Some(diagnostic.primary.span));
        let docs = nianbao_rules::lookup(&diagnostic.code)
            .map(|rule| nianbao_rules::docs::rule_markdown_in(&rule.meta, analysis.lang))
            .unwrap_or_default();
        sections.push(format!("**{}** {}\n\n{docs}", diagnostic.code, diagnostic.message));
    }
    if sections.is_empty() {
        return None;
    }
    let convert = converter(analysis, encoding);
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range: range.map(|span| convert.range(span)),
    })
}

fn contains(span: Span, offset: usize) -> bool {
    span.start <= offset && offset <= span.end
}

/// Beside each total cell of tables 三 and 四: the computed sum, and the
/// difference when the written total disagrees.
pub fn inlay_hints(analysis: &Analysis, range: Range, encoding: crate::from_proto::Encoding) -> Vec<InlayHint> {
    let convert = converter(analysis, encoding);
    let mut hints = Vec::new();
    for identity in identities(&analysis.report) {
        let tag = match identity.kind {
            IdentityKind::RowTotal => "行Σ",
            IdentityKind::ResultTotal => "列Σ",
            IdentityKind::GroupTotal => "Σ",
            IdentityKind::ColumnBalance => continue,
        };
        let total = &identity.left[0];
        let position = convert.position(total.cell.span.end);
        if position.line < range.start.line || position.line > range.end.line {
            continue;
        }
        let sum = identity.right_sum();
        let label = if identity.holds() {
            format!("{tag}{sum}")
        } else {
            format!("{tag}{sum} (差 {:+})", total.value() - sum)
        };
        hints.push(InlayHint {
            position,
            label: InlayHintLabel::String(label),
            kind: Some(InlayHintKind::PARAMETER),
            text_edits: None,
            tooltip: Some(InlayHintTooltip::String(identity.describe())),
            padding_left: Some(true),
            padding_right: None,
            data: None,
        });
    }
    hints
}

fn table_symbol(table: &Table, convert: &Converter<'_>) -> DocumentSymbol {
    symbol(
        table.kind.name().to_string(),
        Some(table.kind.section().title().to_string()),
        SymbolKind::STRUCT,
        convert.range(table.span),
        convert.range(table.span),
        None,
    )
}

#[allow(deprecated)] // `deprecated` is a required field of the protocol type.
fn symbol(
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    range: Range,
    selection_range: Range,
    children: Option<Vec<DocumentSymbol>>,
) -> DocumentSymbol {
    DocumentSymbol { name, detail, kind, tags: None, deprecated: None, range, selection_range, children }
}

/// The outline: sections, their numbered sub-headings, and the tables.
pub fn document_symbols(analysis: &Analysis, encoding: crate::from_proto::Encoding) -> Vec<DocumentSymbol> {
    let convert = converter(analysis, encoding);
    let report = &analysis.report;
    let mut placed = vec![false; report.tables.len()];
    let mut symbols = Vec::new();
    for section in &report.sections {
        let mut children: Vec<(usize, DocumentSymbol)> = section
            .subheadings
            .iter()
            .filter(|sub| sub.ordinal.level != OrdinalLevel::Top)
            .map(|sub| {
                let name: String = sub.text.chars().take(24).collect();
                let name = format!("{}{}", sub.ordinal.raw, name.trim_end_matches(['。', '，']));
                (
                    sub.span.start,
                    symbol(
                        name,
                        None,
                        SymbolKind::STRING,
                        convert.range(sub.span),
                        convert.range(sub.ordinal.span),
                        None,
                    ),
                )
            })
            .collect();
        for (index, table) in report.tables.iter().enumerate() {
            if section.span.contains(table.span) {
                placed[index] = true;
                children.push((table.span.start, table_symbol(table, &convert)));
            }
        }
        children.sort_by_key(|(start, _)| *start);
        let name = format!("{}{}", section.ordinal.raw, section.title.value);
        let detail = section.kind.map(|kind| kind.key().to_string());
        let children = children.into_iter().map(|(_, child)| child).collect();
        symbols.push(symbol(
            name,
            detail,
            SymbolKind::NAMESPACE,
            convert.range(section.span),
            convert.range(section.heading_span),
            Some(children),
        ));
    }
    for (index, table) in report.tables.iter().enumerate() {
        if !placed[index] {
            symbols.push(table_symbol(table, &convert));
        }
    }
    symbols
}

/// Folding for sections and tables.
pub fn folding_ranges(analysis: &Analysis) -> Vec<FoldingRange> {
    let index = &analysis.index;
    let fold = |span: Span, exclusive_end: bool| {
        let start_line = index.line_of(span.start) as u32;
        let mut end_line = index.line_of(span.end) as u32;
        if exclusive_end && end_line > start_line && index.line_start(end_line as usize) == Some(span.end) {
            end_line -= 1;
        }
        (end_line > start_line).then_some(FoldingRange {
            start_line,
            start_character: None,
            end_line,
            end_character: None,
            kind: Some(FoldingRangeKind::Region),
            collapsed_text: None,
        })
    };
    let sections = analysis.report.sections.iter().filter_map(|section| fold(section.span, true));
    let tables = analysis.report.tables.iter().filter_map(|table| fold(table.span, false));
    sections.chain(tables).collect()
}

/// Quick fixes and directives for the diagnostics in `range`, and the
/// fix-all source action.
pub fn code_actions(
    analysis: &Analysis,
    uri: &Uri,
    range: Span,
    only: Option<&[CodeActionKind]>,
    encoding: crate::from_proto::Encoding,
) -> Vec<CodeActionOrCommand> {
    let convert = converter(analysis, encoding);
    let wants = |kind: &CodeActionKind| {
        only.is_none_or(|only| only.iter().any(|wanted| kind.as_str().starts_with(wanted.as_str())))
    };
    let newline = if analysis.text.contains("\r\n") { "\r\n" } else { "\n" };
    let lang = analysis.lang;
    let mut actions = Vec::new();
    if wants(&CodeActionKind::QUICKFIX) {
        for diagnostic in analysis.diagnostics.iter().filter(|d| overlaps(d.primary.span, range)) {
            let protocol = convert.diagnostic(uri, diagnostic);
            if let Some(fix) = &diagnostic.fix {
                let safe = fix.applicability == Applicability::Safe;
                actions.push(CodeAction {
                    title: if safe {
                        fix.message.clone()
                    } else {
                        format!("{}{}", fix.message, lang.pick(" (unsafe: check the result)", "（须人工核对结果）"))
                    },
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![protocol.clone()]),
                    edit: Some(convert.workspace_edit(uri, &fix.edits)),
                    is_preferred: Some(safe),
                    ..CodeAction::default()
                });
            }
            let line = analysis.index.line_of(diagnostic.primary.span.start);
            let line_start = analysis.index.line_start(line).unwrap_or(0);
            let directives = [
                (
                    match lang {
                        Lang::En => format!("Disable {} for this line", diagnostic.code),
                        Lang::Zh => format!("本行不检查{}", diagnostic.code),
                    },
                    line_start,
                    format!("<!-- nianbao-disable-next-line {} -->{newline}", diagnostic.code),
                ),
                (
                    match lang {
                        Lang::En => format!("Disable {} for this file", diagnostic.code),
                        Lang::Zh => format!("本文件不检查{}", diagnostic.code),
                    },
                    0,
                    format!("<!-- nianbao-disable-file {} -->{newline}", diagnostic.code),
                ),
            ];
            for (title, offset, text) in directives {
                actions.push(CodeAction {
                    title,
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![protocol.clone()]),
                    edit: Some(convert.workspace_edit(uri, &[Edit::insert(offset, text)])),
                    ..CodeAction::default()
                });
            }
        }
    }
    let fix_all = CodeActionKind::new(FIX_ALL_KIND);
    if wants(&fix_all) || only.is_some_and(|only| only.contains(&CodeActionKind::SOURCE_FIX_ALL)) {
        let edits = safe_fix_edits(analysis);
        if !edits.is_empty() {
            actions.push(CodeAction {
                title: lang.pick("Apply all safe nianbao fixes", "应用全部可自动修正").to_string(),
                kind: Some(fix_all),
                edit: Some(convert.workspace_edit(uri, &edits)),
                ..CodeAction::default()
            });
        }
    }
    actions.into_iter().map(CodeActionOrCommand::CodeAction).collect()
}

/// The edits of every safe fix, without overlaps (first come, first kept).
pub fn safe_fix_edits(analysis: &Analysis) -> Vec<Edit> {
    let mut edits: Vec<Edit> = Vec::new();
    for fix in analysis.diagnostics.iter().filter_map(|d| d.fix.as_ref()) {
        if fix.applicability != Applicability::Safe {
            continue;
        }
        let clashes = fix.edits.iter().any(|edit| edits.iter().any(|kept| overlaps(kept.span, edit.span)));
        if !clashes {
            edits.extend(fix.edits.iter().cloned());
        }
    }
    edits
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start <= b.end && b.start <= a.end
}

#[cfg(test)]
mod tests {
    use nianbao_model::apply_edits;
    use nianbao_rules::Config;

    use super::*;
    use crate::analysis::analyze;
    use crate::from_proto::Encoding;

    const SEED_002: &str = include_str!("../../../tests/seeds/002_bf81134e00d6a1b6.txt");

    fn codes(text: &str) -> Vec<String> {
        analyze(text.to_string(), 1, &Config::default(), None, &Default::default(), None)
            .unwrap()
            .diagnostics
            .into_iter()
            .map(|d| d.code)
            .collect()
    }

    #[test]
    fn fix_all_applies_every_safe_fix_and_the_result_relints_clean_of_them() {
        let analysis = analyze(SEED_002.to_string(), 1, &Config::default(), None, &Default::default(), None).unwrap();
        let edits = safe_fix_edits(&analysis);
        let fixed = apply_edits(SEED_002, &edits);
        let after = codes(&fixed);
        // The heading, three labels, three page breaks and the stray ** are fixed.
        for code in ["S005", "S008", "F008", "F009"] {
            assert!(analysis.diagnostics.iter().any(|d| d.code == code), "{code} before");
            assert!(!after.iter().any(|c| c == code), "{code} after: {after:?}");
        }
        assert!(fixed.contains("制定并印发政策文件"));
        assert!(after.iter().any(|c| c == "S007"), "unsafe problems stay");
        let uri: Uri = "file:///r/002.txt".parse().unwrap();
        let only = [CodeActionKind::SOURCE_FIX_ALL];
        let actions = code_actions(&analysis, &uri, Span::empty(0), Some(&only), Encoding::Utf16);
        assert_eq!(actions.len(), 1, "only the fix-all action when only source.fixAll is asked");
    }

    #[test]
    fn sections_and_tables_fold() {
        let analysis = analyze(SEED_002.to_string(), 1, &Config::default(), None, &Default::default(), None).unwrap();
        let folds = folding_ranges(&analysis);
        assert_eq!(folds.len(), 6 + 3, "six sections and three tables");
        assert!(folds.iter().all(|f| f.end_line > f.start_line));
    }
}
