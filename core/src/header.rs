//! A session's or count's header record (what it is: template, unit, category rule, PIN) is
//! stored twice, under `<id>` and `<id>/copy`, in one transaction. Everything else of it is
//! keyed under the id (events, ballots, count steps) and read against the header, so with
//! one copy only, one damaged record would hide every intact ballot of a session. Read here:
//! the record where it is intact, else its copy; each damaged one is named.

use crate::damage::Problem;

/// What follows the id in the key of a header's copy.
pub const COPY: &str = "/copy";

/// The key of `id`'s copy.
pub fn copy_key(id: &str) -> String {
    format!("{id}{COPY}")
}

/// The headers in `rows` (key, JSON), read with `read(id, json)` (`None`: not a header of
/// that id), one per id in the order first met: the record, or where it is damaged or
/// missing, its copy. A damaged record or copy is passed to `bad` with its key, as is a copy
/// that differs from its intact record (`Refused`: the record stands).
pub fn read<T: PartialEq>(
    rows: &[(String, String)],
    read: impl Fn(&str, &str) -> Option<T>,
    mut bad: impl FnMut(&str, Problem),
) -> Vec<T> {
    // (id, record, copy): each `None` when absent, `Some((key, None))` when damaged.
    type Read<'a, T> = Option<(&'a str, Option<T>)>;
    let mut ids: Vec<(&str, Read<T>, Read<T>)> = Vec::new();
    for (key, value) in rows {
        let (id, is_copy) = match key.strip_suffix(COPY) {
            Some(id) => (id, true),
            None => (key.as_str(), false),
        };
        if id.contains('/') {
            bad(key, Problem::Unreadable);
            continue;
        }
        let header = read(id, value);
        let at = match ids.iter().position(|(i, ..)| *i == id) {
            Some(at) => at,
            None => {
                ids.push((id, None, None));
                ids.len() - 1
            }
        };
        let slot = if is_copy {
            &mut ids[at].2
        } else {
            &mut ids[at].1
        };
        *slot = Some((key.as_str(), header));
    }
    let mut out = Vec::new();
    for (_, record, copy) in ids {
        match (record, copy) {
            (Some((_, Some(r))), copy) => {
                match copy {
                    Some((key, None)) => bad(key, Problem::Unreadable),
                    Some((key, Some(c))) if c != r => bad(key, Problem::Refused),
                    _ => {}
                }
                out.push(r);
            }
            (record, Some((_, Some(c)))) => {
                if let Some((key, None)) = record {
                    bad(key, Problem::Unreadable);
                }
                out.push(c);
            }
            (record, copy) => {
                for (key, _) in record.into_iter().chain(copy) {
                    bad(key, Problem::Unreadable);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    /// A header reads as `"<id>:<n>"`; anything else is damaged.
    fn parse(id: &str, json: &str) -> Option<String> {
        json.starts_with(&format!("{id}:"))
            .then(|| json.to_string())
    }

    fn run(list: &[(&str, &str)]) -> (Vec<String>, Vec<(String, Problem)>) {
        let mut bad = Vec::new();
        let out = read(&rows(list), parse, |k, p| bad.push((k.to_string(), p)));
        (out, bad)
    }

    #[test]
    fn the_record_stands_where_intact_and_its_copy_where_it_is_not() {
        assert_eq!(
            run(&[
                ("a", "a:1"),
                ("a/copy", "a:1"),
                ("b", "a:9"),
                ("b/copy", "b:2")
            ]),
            (
                vec!["a:1".to_string(), "b:2".to_string()],
                vec![("b".to_string(), Problem::Unreadable)]
            )
        );
        // A damaged copy is named; its intact record stands.
        assert_eq!(
            run(&[("a", "a:1"), ("a/copy", "")]),
            (
                vec!["a:1".to_string()],
                vec![("a/copy".to_string(), Problem::Unreadable)]
            )
        );
        // A copy that says otherwise is refused; the record stands.
        assert_eq!(
            run(&[("a", "a:1"), ("a/copy", "a:2")]),
            (
                vec!["a:1".to_string()],
                vec![("a/copy".to_string(), Problem::Refused)]
            )
        );
        // Only a copy (a record lost, or a header from before copies): it stands.
        assert_eq!(run(&[("a/copy", "a:1")]).0, vec!["a:1".to_string()]);
        assert_eq!(run(&[("a", "a:1")]).0, vec!["a:1".to_string()]);
        // Both damaged: both named, nothing read.
        assert_eq!(
            run(&[("a", ""), ("a/copy", "x")]),
            (
                vec![],
                vec![
                    ("a".to_string(), Problem::Unreadable),
                    ("a/copy".to_string(), Problem::Unreadable)
                ]
            )
        );
        assert_eq!(run(&[("a/b/copy", "a:1")]).1.len(), 1);
    }
}
