//! GitHub issues as JSON, in the two shapes people save: the REST API's list (`user.login`,
//! `created_at`, `html_url`) and `gh issue list --json …` (`author.login`, `createdAt`,
//! `url`). Both become rows of the same columns, so the mapping editor works on them too.

use crate::i18n::{Message, Text};
use serde_json::Value;

const COLUMNS: [&str; 10] =
    ["id", "title", "body", "author", "labels", "state", "created_at", "updated_at", "closed_at", "url"];

pub(super) fn columns() -> Vec<String> {
    COLUMNS.iter().map(|name| name.to_string()).collect()
}

pub(super) fn is_issue_list(items: &[Value]) -> bool {
    items.first().is_some_and(|first| first.get("number").is_some() && first.get("title").is_some())
}

/// The cells of one issue in [`COLUMNS`] order; `None` for a pull request, which the REST
/// API lists among issues.
pub(super) fn row(item: &Value) -> Result<Option<Vec<String>>, Message> {
    let Some(issue) = item.as_object() else {
        return Err(Text::ImportNotAnIssue.into());
    };
    if issue.contains_key("pull_request") {
        return Ok(None);
    }
    let text = |keys: &[&str]| {
        keys.iter().find_map(|key| issue.get(*key).and_then(Value::as_str)).unwrap_or_default().to_string()
    };
    let number = match issue.get("number") {
        Some(Value::Number(number)) => number.to_string(),
        Some(Value::String(number)) => number.clone(),
        _ => return Err(Text::ImportNoIssueNumber.into()),
    };
    let url = text(&["html_url", "url"]);
    let author = ["user", "author"]
        .iter()
        .find_map(|key| issue.get(*key)?.get("login")?.as_str())
        .unwrap_or_default()
        .to_string();
    let labels = issue
        .get("labels")
        .and_then(Value::as_array)
        .map(|labels| {
            let names = labels.iter().filter_map(|label| label.get("name").or(Some(label))?.as_str());
            names.collect::<Vec<_>>().join(", ")
        })
        .unwrap_or_default();
    Ok(Some(vec![
        external_id(&url, &number),
        text(&["title"]),
        text(&["body"]),
        author,
        labels,
        text(&["state"]),
        text(&["created_at", "createdAt"]),
        text(&["updated_at", "updatedAt"]),
        text(&["closed_at", "closedAt"]),
        url,
    ]))
}

/// "owner/repo#12" when the URL names the repository, so issues of two repositories never
/// match each other; the bare number otherwise.
fn external_id(url: &str, number: &str) -> String {
    let path = url.split("://").nth(1).and_then(|rest| rest.split_once('/')).map(|(_, path)| path);
    let repo = path.and_then(|path| {
        let mut parts = path.split('/');
        let (owner, repo) = (parts.next()?, parts.next()?);
        (!owner.is_empty() && !repo.is_empty()).then(|| format!("{owner}/{repo}"))
    });
    match repo {
        Some(repo) => format!("{repo}#{number}"),
        None => number.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn external_ids_name_the_repository() {
        assert_eq!(external_id("https://github.com/acme/shop/issues/12", "12"), "acme/shop#12");
        assert_eq!(external_id("", "12"), "12");
    }

    #[test]
    fn pull_requests_are_skipped_and_junk_refused() {
        let pr = serde_json::json!({"number": 3, "title": "x", "pull_request": {}});
        assert_eq!(row(&pr), Ok(None));
        assert!(row(&serde_json::json!(7)).is_err());
        assert!(row(&serde_json::json!({"title": "no number"})).is_err());
    }
}
