//! A progress bar on standard error, for long runs in a terminal; nothing
//! when standard error is a file or a pipe (a log has no use for it).

use std::io::{IsTerminal, Write};
use std::sync::Mutex;

pub(super) struct Progress {
    /// The last width drawn, so that the bar is redrawn only when it grows;
    /// `None` when there is no terminal to draw on.
    drawn: Option<Mutex<usize>>,
}

const WIDTH: usize = 30;

impl Progress {
    pub(super) fn on_terminal() -> Self {
        Self { drawn: std::io::stderr().is_terminal().then(|| Mutex::new(usize::MAX)) }
    }

    /// Called by the checking threads after each report.
    pub(super) fn step(&self, done: usize, total: usize) {
        let Some(drawn) = &self.drawn else { return };
        let filled = bar_width(done, total);
        let mut last = drawn.lock().unwrap_or_else(|p| p.into_inner());
        // Every width step, and the last report.
        if *last == filled && done != total {
            return;
        }
        *last = filled;
        let bar = format!("{}{}", "█".repeat(filled), "░".repeat(WIDTH - filled));
        let _ = write!(std::io::stderr().lock(), "\r{bar} {done}/{total} reports");
    }

    /// Clears the bar's line.
    pub(super) fn finish(&self) {
        if self.drawn.is_some() {
            let _ = write!(std::io::stderr().lock(), "\r{}\r", " ".repeat(WIDTH + 30));
        }
    }
}

fn bar_width(done: usize, total: usize) -> usize {
    (done.min(total) * WIDTH).checked_div(total).unwrap_or(WIDTH)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_bar_fills_in_proportion() {
        assert_eq!(super::bar_width(0, 300), 0);
        assert_eq!(super::bar_width(150, 300), 15);
        assert_eq!(super::bar_width(300, 300), 30);
        assert_eq!(super::bar_width(0, 0), 30);
    }
}
