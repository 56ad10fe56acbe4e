//! What the Groups view shows of likely duplicates: which cases may group, an overview per
//! group, the group of each case, and the shared words to highlight.

use super::case::{Case, CaseId, Surface, Tier, Timestamp};
use super::fast_hash::FastMap;
use super::grouping::{summarize, Group, GroupSummary};
use super::incident::{radius_of, BlastRadius};
use crate::domain::sort;
use std::collections::HashMap;

/// Which cases the grouping may consider: open ones, since a closed case is handled.
pub fn groupable(case: &Case) -> bool {
    case.is_open()
}

/// What the Groups view shows about one group.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupOverview {
    pub summary: GroupSummary,
    pub radius: BlastRadius,
    pub first_seen: Timestamp,
    pub last_seen: Timestamp,
}

/// Overviews of `groups`, biggest first, then the most severe (highest tier, most customers affected).
pub fn overview(groups: &[Group], cases: &[Case]) -> Vec<GroupOverview> {
    let by_id: HashMap<&CaseId, &Case> = cases.iter().map(|case| (&case.id, case)).collect();
    let mut all: Vec<GroupOverview> = summarize(groups, cases)
        .into_iter()
        .map(|summary| {
            let members: Vec<&Case> =
                summary.members.iter().filter_map(|id| by_id.get(id).copied()).collect();
            let radius = radius_of(members.iter().copied());
            let first_seen = members.iter().map(|case| case.created_at).min().unwrap_or_default();
            let last_seen = members.iter().map(|case| case.created_at).max().unwrap_or_default();
            GroupOverview { summary, radius, first_seen, last_seen }
        })
        .collect();
    let best_tier = |o: &GroupOverview| o.radius.tiers.first().copied().unwrap_or(Tier::Free);
    sort::sort_by(&mut all, |a, b| {
        b.summary
            .size
            .cmp(&a.summary.size)
            .then_with(|| best_tier(a).cmp(&best_tier(b)))
            .then_with(|| b.radius.customers_affected.cmp(&a.radius.customers_affected))
            .then_with(|| a.summary.group_id.cmp(&b.summary.group_id))
    });
    all
}

/// How many reports share `id`'s group, 1 when it is in none: the triage Cluster factor.
pub fn group_size(membership: &FastMap<CaseId, (String, u32)>, id: &CaseId) -> u32 {
    membership.get(id).map_or(1, |(_, size)| *size)
}

/// The group id and size of every grouped case, for the export and the triage score.
pub fn group_of(groups: &[Group]) -> FastMap<CaseId, (String, u32)> {
    groups
        .iter()
        .flat_map(|group| {
            let size = u32::try_from(group.size()).unwrap_or(u32::MAX);
            group.members.iter().map(move |id| (id.clone(), (group.id.clone(), size)))
        })
        .collect()
}

/// `text` cut into pieces, each marked true where it is one of `words` (ignoring case), so
/// the page can highlight the shared words without building HTML.
pub fn highlight(text: &str, words: &[String]) -> Vec<(String, bool)> {
    let lower: Vec<char> = text.chars().map(fold).collect();
    let chars: Vec<char> = text.chars().collect();
    let needles: Vec<Vec<char>> =
        words.iter().map(|w| w.chars().map(fold).collect::<Vec<_>>()).filter(|w| !w.is_empty()).collect();
    let mut marked = vec![false; chars.len()];
    for needle in &needles {
        let mut i = 0;
        while i + needle.len() <= lower.len() {
            if lower[i..i + needle.len()] == needle[..] {
                marked[i..i + needle.len()].iter_mut().for_each(|m| *m = true);
                i += needle.len();
            } else {
                i += 1;
            }
        }
    }
    let mut pieces: Vec<(String, bool)> = Vec::new();
    for (c, m) in chars.into_iter().zip(marked) {
        match pieces.last_mut() {
            Some((piece, last)) if *last == m => piece.push(c),
            _ => pieces.push((c.to_string(), m)),
        }
    }
    pieces
}

/// One char lower-cased to one char, so positions in the folded text match the original.
fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Surfaces named for a line of text: "Website, App".
pub fn surfaces_label(surfaces: &[Surface]) -> String {
    surfaces.iter().map(|s| s.label()).collect::<Vec<_>>().join(", ")
}

/// Tiers named for a line of text: "Enterprise, Standard".
pub fn tiers_label(tiers: &[Tier]) -> String {
    tiers.iter().map(|t| t.label()).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlight_marks_shared_words_in_any_case_and_script() {
        let pieces = highlight("Payment DECLINED at 결제 오류", &["declined".into(), "결제".into()]);
        assert_eq!(
            pieces,
            vec![
                ("Payment ".into(), false),
                ("DECLINED".into(), true),
                (" at ".into(), false),
                ("결제".into(), true),
                (" 오류".into(), false)
            ]
        );
        assert_eq!(highlight("<b>x</b>", &[]), vec![("<b>x</b>".to_string(), false)]);
    }
}
