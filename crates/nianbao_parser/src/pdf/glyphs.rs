//! The one place that knows the PDF library: each page interpreted into the
//! glyphs it shows (Unicode text, baseline origin, size) and the ruled lines
//! it draws (table borders), in PDF user space (y grows upwards).

use hayro_interpret::font::GlyphRun;
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::hayro_syntax::{LoadPdfError, Pdf};
use hayro_interpret::kurbo::{Affine, BezPath, PathEl, Point, Rect};
use hayro_interpret::{
    BlendMode, ClipPath, Context, Device, DrawMode, DrawProps, Image, ImageDrawProps, InterpreterCache,
    InterpreterSettings, SoftMask, interpret_page,
};

/// One glyph: its text (usually one character) at its baseline origin.
#[derive(Clone, Debug)]
pub(crate) struct Glyph {
    pub(crate) x: f32,
    pub(crate) y: f32,
    /// The font size in points (the glyph's scale).
    pub(crate) size: f32,
    pub(crate) text: String,
}

impl Glyph {
    /// Where the glyph ends, estimated: the library gives no advance width
    /// for outline glyphs, and CJK text is set one em a character, Latin
    /// letters and digits about half.
    pub(crate) fn end(&self) -> f32 {
        let ems: f32 = self.text.chars().map(|ch| if ch.is_ascii() { 0.5 } else { 1.0 }).sum();
        self.x + ems * self.size
    }
}

/// A straight ruled line: horizontal (`y1 == y2`) or vertical (`x1 == x2`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rule {
    pub(crate) x1: f32,
    pub(crate) y1: f32,
    pub(crate) x2: f32,
    pub(crate) y2: f32,
}

impl Rule {
    pub(crate) fn is_horizontal(&self) -> bool {
        self.y1 == self.y2
    }
}

/// What a page shows.
#[derive(Debug, Default)]
pub(crate) struct Page {
    pub(crate) glyphs: Vec<Glyph>,
    pub(crate) rules: Vec<Rule>,
    /// Images drawn (a scanned page is one image and no text).
    pub(crate) images: usize,
}

/// Why a file gave no pages.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Unreadable {
    /// Not a PDF, or damaged past repair.
    Damaged,
    /// Encrypted with a password that is not the empty one.
    Password,
    /// Encrypted in a way the reader does not implement.
    Encryption,
    /// The reader panicked on the file.
    ReaderFailed,
}

/// The pages of a PDF file.
pub(crate) fn pages(bytes: &[u8], limit: usize) -> Result<Vec<Page>, Unreadable> {
    let pdf = Pdf::new(bytes.to_vec()).map_err(|error| match error {
        LoadPdfError::Invalid => Unreadable::Damaged,
        LoadPdfError::Decryption(hayro_interpret::hayro_syntax::DecryptionError::PasswordProtected) => {
            Unreadable::Password
        }
        LoadPdfError::Decryption(_) => Unreadable::Encryption,
    })?;
    let cache = InterpreterCache::new();
    // User space as it is: the collector works in PDF coordinates.
    let mut context = Context::new(
        Affine::IDENTITY,
        Rect::new(0.0, 0.0, 1.0, 1.0),
        &cache,
        pdf.xref(),
        InterpreterSettings::default(),
    );
    let mut pages = Vec::with_capacity(pdf.pages().len().min(limit));
    for page in pdf.pages().iter().take(limit) {
        let mut collector = Collector::default();
        interpret_page(page, &mut context, &mut collector);
        pages.push(collector.page);
    }
    Ok(pages)
}

/// Rules thinner than this (points) are lines, whether stroked or filled.
const THIN: f64 = 2.0;

#[derive(Default)]
struct Collector {
    page: Page,
    /// Where each glyph shown so far sits, to drop one drawn again on top
    /// of itself (see [`Collector::is_repeat`]).
    shown: ShownGlyphs,
}

/// A glyph drawn within this share of its size of where the same text was
/// already drawn is that glyph again: WPS and Word paint bold text with
/// fill and stroke (text render mode 2, one glyph run drawn twice) or draw
/// it a second time a hair to the side. Two glyphs of text are never
/// closer than about half an em.
const REPEAT_DISTANCE: f32 = 0.15;

/// The glyphs of a page by text and position, bucketed by
/// [`REPEAT_DISTANCE`] of their size, so that a repeat is found among the
/// glyphs of the neighbouring buckets only.
#[derive(Default)]
struct ShownGlyphs {
    buckets: rustc_hash::FxHashMap<(u64, i64, i64), (f32, f32)>,
}

impl ShownGlyphs {
    /// Whether `text` was already drawn at (nearly) `x, y`; remembers it if not.
    fn is_repeat(&mut self, text: &str, x: f32, y: f32, size: f32) -> bool {
        let tolerance = (size * REPEAT_DISTANCE).max(0.1);
        let hash = {
            use std::hash::{Hash, Hasher};
            let mut hasher = rustc_hash::FxHasher::default();
            text.hash(&mut hasher);
            hasher.finish()
        };
        // `as` saturates a huge or infinite coordinate; the neighbours' sums
        // must not overflow then.
        let (bx, by) = ((x / tolerance).floor() as i64, (y / tolerance).floor() as i64);
        for dx in -1..=1 {
            for dy in -1..=1 {
                if let Some(&(sx, sy)) = self.buckets.get(&(hash, bx.saturating_add(dx), by.saturating_add(dy)))
                    && (sx - x).abs() < tolerance
                    && (sy - y).abs() < tolerance
                {
                    return true;
                }
            }
        }
        self.buckets.insert((hash, bx, by), (x, y));
        false
    }
}

impl Collector {
    fn segment(&mut self, a: Point, b: Point) {
        if (a.y - b.y).abs() < 0.5 && (a.x - b.x).abs() > THIN {
            let (x1, x2) = (a.x.min(b.x), a.x.max(b.x));
            let y = f64::midpoint(a.y, b.y) as f32;
            self.page.rules.push(Rule { x1: x1 as f32, y1: y, x2: x2 as f32, y2: y });
        } else if (a.x - b.x).abs() < 0.5 && (a.y - b.y).abs() > THIN {
            let (y1, y2) = (a.y.min(b.y), a.y.max(b.y));
            let x = f64::midpoint(a.x, b.x) as f32;
            self.page.rules.push(Rule { x1: x, y1: y1 as f32, x2: x, y2: y2 as f32 });
        }
    }
}

impl Device<'_> for Collector {
    fn draw_path(&mut self, path: &BezPath, props: DrawProps<'_>, draw_mode: &DrawMode) {
        let path = props.transform * path.clone();
        if matches!(draw_mode, DrawMode::Fill(_)) {
            // Word and WPS draw borders as thin filled rectangles.
            let bounds = hayro_interpret::kurbo::Shape::bounding_box(&path);
            if bounds.width() < THIN && bounds.height() > THIN {
                let x = bounds.center().x;
                self.segment(Point::new(x, bounds.y0), Point::new(x, bounds.y1));
            } else if bounds.height() < THIN && bounds.width() > THIN {
                let y = bounds.center().y;
                self.segment(Point::new(bounds.x0, y), Point::new(bounds.x1, y));
            }
            return;
        }
        let (mut start, mut at) = (Point::ZERO, Point::ZERO);
        for element in path.elements() {
            match *element {
                PathEl::MoveTo(p) => (start, at) = (p, p),
                PathEl::LineTo(p) => {
                    self.segment(at, p);
                    at = p;
                }
                PathEl::ClosePath => {
                    self.segment(at, start);
                    at = start;
                }
                PathEl::QuadTo(_, p) | PathEl::CurveTo(_, _, p) => at = p,
            }
        }
    }

    fn push_clip_path(&mut self, _: &ClipPath) {}

    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'_>>, _: BlendMode) {}

    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, '_>, props: DrawProps<'_>, draw_mode: &DrawMode) {
        let _ = draw_mode; // invisible text (an OCR layer) is text all the same
        for glyph in run.glyphs() {
            let Some(unicode) = glyph.as_unicode() else { continue };
            let transform = props.transform * glyph.transform();
            let origin = transform * Point::ZERO;
            let [a, b, ..] = transform.as_coeffs();
            // Outline glyphs are drawn in 1/1000 em units.
            let size = (a.hypot(b) * 1000.0) as f32;
            let text = match unicode {
                BfString::Char(ch) => ch.to_string(),
                BfString::String(text) => text,
            };
            if text.chars().all(char::is_control) {
                continue;
            }
            let (x, y) = (origin.x as f32, origin.y as f32);
            if self.shown.is_repeat(&text, x, y, size) {
                continue;
            }
            self.page.glyphs.push(Glyph { x, y, size, text });
        }
    }

    fn draw_image(&mut self, _: Image<'_, '_>, _: ImageDrawProps<'_>) {
        self.page.images += 1;
    }

    fn pop_clip(&mut self) {}

    fn pop_transparency_group(&mut self) {}
}

#[cfg(test)]
mod tests {
    use super::ShownGlyphs;

    #[test]
    fn a_glyph_drawn_on_itself_is_a_repeat_and_far_coordinates_do_not_overflow() {
        let mut shown = ShownGlyphs::default();
        assert!(!shown.is_repeat("二", 100.0, 700.0, 16.0));
        assert!(shown.is_repeat("二", 100.2, 700.0, 16.0), "fill then stroke, or a hair to the side");
        assert!(!shown.is_repeat("二", 108.0, 700.0, 16.0), "the next character's place");
        assert!(!shown.is_repeat("三", 100.0, 700.0, 16.0), "another text");
        for far in [f32::MAX, f32::INFINITY, -f32::MAX, 4e9] {
            let _ = shown.is_repeat("A", far, far, 1.0);
            let _ = shown.is_repeat("A", far, far, 1.0);
        }
    }
}
