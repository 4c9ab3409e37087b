//! Ruled tables: the borders a page draws, read as a grid whose merged
//! cells are the slots no inner border separates (a `rowspan`/`colspan` in
//! the source document).

use super::glyphs::Rule;

/// How far apart (points) two rule positions may be and still be one.
const SNAP: f32 = 1.5;

/// One ruled table on a page: the grid lines and its cells.
#[derive(Debug)]
pub(crate) struct Lattice {
    /// Vertical grid lines, left to right.
    pub(crate) xs: Vec<f32>,
    /// Horizontal grid lines, top to bottom (descending y).
    pub(crate) ys: Vec<f32>,
    /// Cells in row-major order of their top-left slot.
    pub(crate) cells: Vec<GridCell>,
    /// `slot_cell[row * columns + column]`: the cell covering that slot.
    slot_cell: Vec<usize>,
}

/// A cell: its top-left slot and how many rows it spans.
#[derive(Clone, Copy, Debug)]
pub(crate) struct GridCell {
    pub(crate) row: usize,
    pub(crate) column: usize,
    pub(crate) rowspan: usize,
}

impl Lattice {
    pub(crate) fn rows(&self) -> usize {
        self.ys.len() - 1
    }

    pub(crate) fn columns(&self) -> usize {
        self.xs.len() - 1
    }

    pub(crate) fn contains(&self, x: f32, y: f32) -> bool {
        self.xs[0] <= x && x <= self.xs[self.xs.len() - 1] && self.ys[self.ys.len() - 1] <= y && y <= self.ys[0]
    }

    /// The cell at a point inside the table.
    pub(crate) fn cell_at(&self, x: f32, y: f32) -> Option<usize> {
        let column = self.xs.partition_point(|&at| at <= x).checked_sub(1)?.min(self.columns() - 1);
        let row = self.ys.partition_point(|&at| at >= y).checked_sub(1)?.min(self.rows() - 1);
        Some(self.slot_cell[row * self.columns() + column])
    }

    /// The cell covering a slot.
    pub(crate) fn cell_of_slot(&self, row: usize, column: usize) -> usize {
        self.slot_cell[row * self.columns() + column]
    }
}

/// The ruled tables among `rules`: groups of crossing rules with at least two
/// lines each way.
pub(crate) fn lattices(rules: &[Rule]) -> Vec<Lattice> {
    let groups = connected(rules);
    let mut tables: Vec<Lattice> = groups.iter().filter_map(|group| lattice(group)).collect();
    tables.sort_by(|a, b| b.ys[0].total_cmp(&a.ys[0]));
    tables
}

fn touches(a: &Rule, b: &Rule) -> bool {
    a.x1 - SNAP <= b.x2 && b.x1 - SNAP <= a.x2 && a.y1 - SNAP <= b.y2 && b.y1 - SNAP <= a.y2
}

/// Rules grouped by touching (union-find).
fn connected(rules: &[Rule]) -> Vec<Vec<Rule>> {
    let mut parent: Vec<usize> = (0..rules.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    // Sorted by top so that only rules whose vertical extents overlap are compared.
    let mut order: Vec<usize> = (0..rules.len()).collect();
    order.sort_by(|&a, &b| rules[a].y1.total_cmp(&rules[b].y1));
    for (index, &a) in order.iter().enumerate() {
        for &b in &order[index + 1..] {
            if rules[b].y1 - SNAP > rules[a].y2 {
                break;
            }
            if touches(&rules[a], &rules[b]) {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                parent[ra] = rb;
            }
        }
    }
    let mut groups: Vec<Vec<Rule>> = Vec::new();
    let mut group_of: Vec<Option<usize>> = vec![None; rules.len()];
    for (i, rule) in rules.iter().enumerate() {
        let r = root(&mut parent, i);
        let group = *group_of[r].get_or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[group].push(*rule);
    }
    groups
}

/// Distinct positions, close ones merged.
fn snapped(mut positions: Vec<f32>) -> Vec<f32> {
    positions.sort_by(f32::total_cmp);
    let mut out: Vec<f32> = Vec::new();
    for at in positions {
        if out.last().is_none_or(|last| at - last > SNAP) {
            out.push(at);
        }
    }
    out
}

fn lattice(rules: &[Rule]) -> Option<Lattice> {
    let (horizontal, vertical): (Vec<Rule>, Vec<Rule>) = rules.iter().partition(|r| r.is_horizontal());
    if horizontal.len() < 2 || vertical.len() < 2 {
        return None;
    }
    let xs = snapped(vertical.iter().map(|r| r.x1).collect());
    let mut ys = snapped(horizontal.iter().map(|r| r.y1).collect());
    ys.reverse();
    if xs.len() < 2 || ys.len() < 2 {
        return None;
    }
    let (rows, columns) = (ys.len() - 1, xs.len() - 1);
    // A border between two slots exists where a rule covers the middle of
    // their shared edge.
    let vertical_border = |column_line: usize, row: usize| {
        let (x, y) = (xs[column_line], f32::midpoint(ys[row], ys[row + 1]));
        vertical.iter().any(|r| (r.x1 - x).abs() <= SNAP && r.y1 - SNAP <= y && y <= r.y2 + SNAP)
    };
    let horizontal_border = |row_line: usize, column: usize| {
        let (x, y) = (f32::midpoint(xs[column], xs[column + 1]), ys[row_line]);
        horizontal.iter().any(|r| (r.y1 - y).abs() <= SNAP && r.x1 - SNAP <= x && x <= r.x2 + SNAP)
    };
    let mut slot_cell = vec![usize::MAX; rows * columns];
    let mut cells = Vec::new();
    for row in 0..rows {
        for column in 0..columns {
            if slot_cell[row * columns + column] != usize::MAX {
                continue;
            }
            let mut colspan = 1;
            while column + colspan < columns && !vertical_border(column + colspan, row) {
                colspan += 1;
            }
            let mut rowspan = 1;
            while row + rowspan < rows && !horizontal_border(row + rowspan, column) {
                rowspan += 1;
            }
            let id = cells.len();
            cells.push(GridCell { row, column, rowspan });
            for r in row..row + rowspan {
                for c in column..column + colspan {
                    // A slot claimed twice (borders that do not make
                    // rectangles) keeps its first cell.
                    if slot_cell[r * columns + c] == usize::MAX {
                        slot_cell[r * columns + c] = id;
                    }
                }
            }
        }
    }
    Some(Lattice { xs, ys, cells, slot_cell })
}
