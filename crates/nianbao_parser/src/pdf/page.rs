//! A page's glyphs as lines and table cells, and the document as the text
//! layout the parser reads: paragraphs joined across their wrapped lines,
//! ruled tables as tab rows, page footers left out.

use super::glyphs::{Glyph, Page};
use super::lattice::{Lattice, lattices};
use super::{Document, Place};
use crate::lines::is_page_number;

/// Glyphs whose baselines differ by less than this share a line (in ems).
const SAME_LINE: f32 = 0.3;
/// A gap wider than this after a glyph's estimated end separates cells (in ems).
const CELL_GAP: f32 = 0.5;

/// A line of text outside ruled tables.
#[derive(Debug)]
struct Line {
    page: usize,
    number: usize,
    y: f32,
    x_start: f32,
    x_end: f32,
    size: f32,
    /// The line's pieces, split where a wide gap separates them.
    segments: Vec<String>,
}

impl Line {
    fn text(&self) -> String {
        self.segments.join("\t")
    }
}

/// What a page shows, top to bottom.
#[derive(Debug)]
enum Item {
    Line(Line),
    Table { page: usize, table: Table },
}

/// A ruled table with the text of each cell.
#[derive(Debug)]
struct Table {
    lattice: Lattice,
    /// Per cell: its text and the page line its first glyph is on.
    cells: Vec<(String, Option<usize>)>,
}

/// The document: every page's items, projected.
pub(super) fn project(pages: &[Page]) -> Document {
    let mut items = Vec::new();
    for (index, page) in pages.iter().enumerate() {
        items.extend(page_items(index + 1, page));
    }
    let metrics = Metrics::of(&items);
    let mut out = Projection::default();
    // The line whose paragraph is still open (no line break written after it).
    let mut open: Option<&Line> = None;
    for item in &items {
        match item {
            Item::Line(line) => {
                let continues = open.is_some_and(|before| metrics.continues(before, line));
                if !continues && open.is_some() {
                    out.text.push('\n');
                }
                out.place(Place { page: line.page, line: line.number, cell: None });
                out.text += &line.text();
                if line.segments.len() == 1 {
                    open = Some(line);
                } else {
                    // A row of an unruled table: its own line.
                    out.text.push('\n');
                    open = None;
                }
            }
            Item::Table { page, table } => {
                if open.take().is_some() {
                    out.text.push('\n');
                }
                out.table(*page, table);
            }
        }
    }
    if open.is_some() {
        out.text.push('\n');
    }
    Document { text: out.text, places: out.places, pages: pages.len(), problem: None }
}

#[derive(Default)]
struct Projection {
    text: String,
    places: Vec<(usize, Place)>,
}

impl Projection {
    fn place(&mut self, place: Place) {
        self.places.push((self.text.len(), place));
    }

    /// Tab rows, one per grid row; a merged cell's text stands in its top
    /// row, its continuation below is an empty cell, as HTML pages project.
    fn table(&mut self, page: usize, table: &Table) {
        let lattice = &table.lattice;
        // A row's line: where its own cells' text starts (a cell merged
        // over several rows has its text in the middle of them).
        let row_line = |row: usize| {
            (0..lattice.columns())
                .map(|column| lattice.cell_of_slot(row, column))
                .filter(|&id| lattice.cells[id].row == row && lattice.cells[id].rowspan == 1)
                .filter_map(|id| table.cells[id].1)
                .min()
        };
        let mut last_line = 1;
        for row in 0..lattice.rows() {
            let mut cells = Vec::new();
            for column in 0..lattice.columns() {
                let id = lattice.cell_of_slot(row, column);
                let cell = lattice.cells[id];
                if cell.column != column {
                    continue;
                }
                let text = if cell.row == row { table.cells[id].0.as_str() } else { "" };
                cells.push((id, column, text));
            }
            if cells.iter().all(|(_, _, text)| text.is_empty()) {
                continue;
            }
            let line = row_line(row).unwrap_or(last_line);
            last_line = line;
            for (index, (id, column, text)) in cells.into_iter().enumerate() {
                if index > 0 {
                    self.text.push('\t');
                }
                let line = if lattice.cells[id].row == row { table.cells[id].1.unwrap_or(line) } else { line };
                self.place(Place { page, line, cell: Some((row + 1, column + 1)) });
                self.text += text;
            }
            self.text.push('\n');
        }
    }
}

/// The body's measures, to tell a wrapped line from a paragraph's end.
struct Metrics {
    /// The left margin: where most lines start.
    left: f32,
    /// The right margin: where full lines end.
    right: f32,
    /// The body's font size: the size most lines are set in.
    body_size: f32,
}

impl Metrics {
    fn of(items: &[Item]) -> Metrics {
        let lines: Vec<&Line> = items
            .iter()
            .filter_map(|item| match item {
                Item::Line(line) if line.segments.len() == 1 => Some(line),
                _ => None,
            })
            .collect();
        let mut starts: Vec<f32> = lines.iter().map(|l| l.x_start).collect();
        let mut ends: Vec<f32> = lines.iter().map(|l| l.x_end).collect();
        starts.sort_by(f32::total_cmp);
        ends.sort_by(f32::total_cmp);
        // The 10th percentile of starts and the 90th of ends: a few lines
        // outside the text block (a centred footer, a hanging comma) move
        // neither.
        let left = starts.get(starts.len() / 10).copied().unwrap_or(0.0);
        let right = ends.get(ends.len() - ends.len() / 10 - usize::from(!ends.is_empty())).copied().unwrap_or(0.0);
        // Sizes counted in half points.
        let mut counts: Vec<(i32, usize)> = Vec::new();
        for line in &lines {
            let key = (line.size * 2.0).round() as i32;
            match counts.iter_mut().find(|(size, _)| *size == key) {
                Some((_, count)) => *count += line.segments[0].chars().count(),
                None => counts.push((key, line.segments[0].chars().count())),
            }
        }
        let body_size = counts.iter().max_by_key(|(_, count)| *count).map_or(0.0, |(size, _)| *size as f32 / 2.0);
        Metrics { left, right, body_size }
    }

    /// Whether `next` continues the paragraph `line` is in: `line` runs to
    /// the right margin and `next` starts at the left one, in the same size;
    /// or both are lines of a title set larger than the body (centred, so
    /// neither need reach a margin).
    fn continues(&self, line: &Line, next: &Line) -> bool {
        let same_size = (line.size - next.size).abs() <= 0.1 * line.size;
        if !same_size || next.segments.len() != 1 || line.page != next.page && line.size > self.body_size * 1.15 {
            return false;
        }
        if line.size > self.body_size * 1.15 {
            return true;
        }
        let full = line.x_end >= self.right - 2.5 * line.size;
        let flush_left = next.x_start <= self.left + 0.5 * next.size;
        full && flush_left
    }
}

/// A page's lines and tables, top to bottom, without its page footer.
fn page_items(page_number: usize, page: &Page) -> Vec<Item> {
    let tables: Vec<Lattice> =
        lattices(&page.rules).into_iter().filter(|lattice| lattice.columns() >= 2 && lattice.rows() >= 1).collect();
    let mut glyphs: Vec<&Glyph> = page.glyphs.iter().collect();
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let visual = visual_lines(&glyphs);
    // The line number of each glyph, footers left out of the count.
    let footer_lines = footers(&visual);
    let mut numbers = vec![0; visual.len()];
    let mut next = 1;
    for (index, number) in numbers.iter_mut().enumerate() {
        if !footer_lines.contains(&index) {
            *number = next;
            next += 1;
        }
    }
    let mut table_cells: Vec<Vec<Vec<(usize, &Glyph)>>> =
        tables.iter().map(|t| vec![Vec::new(); t.cells.len()]).collect();
    let mut free: Vec<(usize, Vec<&Glyph>)> = Vec::new();
    for (index, line) in visual.iter().enumerate() {
        if footer_lines.contains(&index) {
            continue;
        }
        let mut outside = Vec::new();
        for glyph in line {
            let centre = (f32::midpoint(glyph.x, glyph.end()), glyph.y + 0.3 * glyph.size);
            let home = tables.iter().position(|t| t.contains(centre.0, centre.1));
            match home.and_then(|t| tables[t].cell_at(centre.0, centre.1).map(|cell| (t, cell))) {
                Some((t, cell)) => table_cells[t][cell].push((numbers[index], glyph)),
                None => outside.push(*glyph),
            }
        }
        if !outside.is_empty() {
            free.push((numbers[index], outside));
        }
    }
    let mut items: Vec<(f32, Item)> = free
        .into_iter()
        .map(|(number, glyphs)| {
            let line = line_of(page_number, number, &glyphs);
            (line.y, Item::Line(line))
        })
        .collect();
    for (lattice, cells) in tables.into_iter().zip(table_cells) {
        let cells = cells.iter().map(|glyphs| cell_text(glyphs)).collect();
        items.push((lattice.ys[0], Item::Table { page: page_number, table: Table { lattice, cells } }));
    }
    items.sort_by(|a, b| b.0.total_cmp(&a.0));
    items.into_iter().map(|(_, item)| item).collect()
}

/// Glyphs (sorted top to bottom, left to right) grouped into lines by baseline.
fn visual_lines<'a>(glyphs: &[&'a Glyph]) -> Vec<Vec<&'a Glyph>> {
    let mut lines: Vec<Vec<&Glyph>> = Vec::new();
    for glyph in glyphs {
        match lines.last_mut() {
            Some(line) if (line[0].y - glyph.y).abs() <= SAME_LINE * line[0].size.max(glyph.size) => line.push(glyph),
            _ => lines.push(vec![glyph]),
        }
    }
    for line in &mut lines {
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    lines
}

/// The page footer or header: the first or last line when it is only a
/// page number (「- 3 -」「第3页 共12页」「3/12」).
fn footers(lines: &[Vec<&Glyph>]) -> Vec<usize> {
    let text = |line: &Vec<&Glyph>| line.iter().map(|g| g.text.as_str()).collect::<String>();
    let mut found = Vec::new();
    for index in [0, lines.len().saturating_sub(1)] {
        if lines.get(index).is_some_and(|line| is_page_number(&text(line))) && !found.contains(&index) {
            found.push(index);
        }
    }
    found
}

/// A free line: its text split at wide gaps.
fn line_of(page: usize, number: usize, glyphs: &[&Glyph]) -> Line {
    let size = glyphs.iter().map(|g| g.size).fold(0.0, f32::max);
    Line {
        page,
        number,
        y: glyphs[0].y,
        x_start: glyphs[0].x,
        x_end: glyphs.iter().map(|g| g.end()).fold(f32::MIN, f32::max),
        size,
        segments: segments(glyphs),
    }
}

/// Text of glyphs on one line, split where the gap after a glyph is wide.
fn segments(glyphs: &[&Glyph]) -> Vec<String> {
    let mut segments = vec![String::new()];
    let mut end = f32::MIN;
    for glyph in glyphs {
        if end > f32::MIN && glyph.x - end > CELL_GAP * glyph.size {
            segments.push(String::new());
        }
        segments.last_mut().expect("one segment at least").push_str(&glyph.text);
        end = end.max(glyph.end());
    }
    // Cells lose the spaces at their edges; a line of prose keeps them (a
    // space where a line wraps is the text's own).
    if segments.len() > 1 {
        for segment in &mut segments {
            let trimmed = segment.trim();
            if trimmed.len() != segment.len() {
                *segment = trimmed.to_string();
            }
        }
        segments.retain(|segment| !segment.is_empty());
    }
    segments
}

/// A cell's text: its lines joined (a label wrapped inside the cell is one
/// label again), pieces on one line kept apart by a space; and the page
/// line its first glyph is on.
fn cell_text(glyphs: &[(usize, &Glyph)]) -> (String, Option<usize>) {
    let mut text = String::new();
    let mut index = 0;
    while index < glyphs.len() {
        let line = glyphs[index].0;
        let end = glyphs[index..].iter().position(|(l, _)| *l != line).map_or(glyphs.len(), |n| index + n);
        let on_line: Vec<&Glyph> = glyphs[index..end].iter().map(|(_, g)| *g).collect();
        text += &segments(&on_line).join(" ");
        index = end;
    }
    (text, glyphs.first().map(|(line, _)| *line))
}
