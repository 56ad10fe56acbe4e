//! The arithmetic of a list that builds only the rows on screen: which rows to build for a
//! scroll position, and how far to scroll to show one row whole. The UI measures the page;
//! this decides, so it is tested without a browser.

use std::ops::Range;

/// Where the list's body sits on screen and how tall a row is, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ListGeometry {
    /// Top of the body relative to the viewport (negative once scrolled past).
    pub top: f64,
    pub row_height: f64,
    pub viewport_height: f64,
    /// Bottom edge of what covers the top of the viewport (a sticky bar): rows above it are hidden.
    pub covered: f64,
}

impl ListGeometry {
    /// The rows to build for `n` rows: those on screen and `overscan` either side.
    pub fn on_screen(&self, n: usize, overscan: usize) -> Range<usize> {
        let row_height = self.row_height.max(1.0);
        let first = ((self.covered - self.top) / row_height).floor().max(0.0) as usize;
        let last = ((self.viewport_height - self.top) / row_height).ceil().max(0.0) as usize;
        first.saturating_sub(overscan).min(n)..(last + overscan).min(n)
    }

    /// How far to scroll (positive is down) to show row `pos` whole below the covered band;
    /// `None` when it already is.
    pub fn scroll_to_show(&self, pos: usize) -> Option<f64> {
        let top = self.top + pos as f64 * self.row_height;
        if top < self.covered {
            Some(top - self.covered)
        } else if top + self.row_height > self.viewport_height {
            Some(top + self.row_height - self.viewport_height)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A body 300 px down a 768 px viewport under a 60 px bar, with 40 px rows.
    fn laptop(top: f64) -> ListGeometry {
        ListGeometry { top, row_height: 40.0, viewport_height: 768.0, covered: 60.0 }
    }

    #[test]
    fn builds_the_rows_on_screen_and_a_margin_either_side() {
        // Rows 0..12 reach the bottom edge (300 + 12 * 40 = 780).
        assert_eq!(laptop(300.0).on_screen(1_000, 6), 0..18);
        // Scrolled 2,000 px: row 44 is the first below the bar ((60 + 1,700) / 40).
        assert_eq!(laptop(-1_700.0).on_screen(1_000, 6), 38..68);
        assert_eq!(laptop(-1_700.0).on_screen(50, 6), 38..50);
        assert_eq!(laptop(300.0).on_screen(0, 6), 0..0);
    }

    #[test]
    fn scrolls_only_as_far_as_needed_to_show_a_row_whole() {
        assert_eq!(laptop(300.0).scroll_to_show(0), None);
        // Row 11 ends at 780, 12 px below the bottom edge.
        assert_eq!(laptop(300.0).scroll_to_show(11), Some(12.0));
        // Row 0, scrolled under the bar, comes back down to just below it.
        assert_eq!(laptop(0.0).scroll_to_show(0), Some(-60.0));
    }
}
