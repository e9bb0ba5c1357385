//! The start screen: the voting sessions on this device, with counts and state. It is an
//! organiser screen: the voter screen cannot reach it without the PIN.

use ballot_core::figures::Figures;
use ballot_core::session::{CategoryRule, Status};
use yew::prelude::*;

use crate::app::components::lang_switch::lang_switch;
use crate::app::components::large_switch::large_switch;
use crate::app::components::notice::notice;
use crate::app::send;
use crate::app::state::{Action, Session};
use crate::app::state::{Go, SessionAction, StoreEvent};
use crate::app::PageProps;
use ballot_core::Texts;

/// 「居民区 · 支部 · 身份」 as the cards and headers show it.
pub fn session_line(s: &Session, t: &Texts) -> String {
    let category = match s.spec().category {
        CategoryRule::VoterChooses => Some(t.voters_choose),
        _ => s.fixed_category(),
    };
    match category {
        Some(c) => format!("{} · {c}", s.spec().unit_label()),
        None => s.spec().unit_label(),
    }
}

/// A session's state and turnout, with what is wrong with them: on its card and its page.
pub fn session_status(s: &Session, t: &Texts) -> Html {
    let (open, status) = match s.status() {
        _ if s.log.uncertain() => (false, t.status_uncertain),
        Status::Open => (true, t.status_open),
        Status::Closed => (false, t.status_closed),
        Status::Uncertain => (false, t.status_uncertain),
    };
    let turnout = s.turnout();
    // Not known until its ballots are read (see `Ballots::Unread`).
    let known = s.sum().is_some();
    html! {
        <>
            <p class="count">
                <span class="status" data-open={open.then_some("")}>{ status }</span>
                { " " }
                if known {
                    { (t.turnout)(turnout) }
                } else {
                    { t.card_unread }
                }
            </p>
            if known {
                { blocking(turnout.figures(), t) }
            }
            if s.failures > 0 {
                <p class="field-error" role="alert">{ (t.failures_alert)(s.failures) }</p>
            }
        </>
    }
}

/// The findings between a session's or a count's figures that void its vote (C01), one
/// message each, as the results and the board say them.
fn blocking(figures: Figures, t: &Texts) -> Html {
    html! {
        { for figures.flags().into_iter().filter(|f| f.is_blocking()).map(|f| html! {
            <p class="field-error" role="alert">{ (t.figure_flag)(f) }</p>
        }) }
    }
}

#[component]
pub fn HomePage(PageProps { app }: &PageProps) -> Html {
    let t = app.lang.texts();
    let tap = |action: fn() -> Action| send(app, move |_: MouseEvent| action());
    let persistent = ballot_ui::idb::persistence();
    html! {
        <main class="page home">
            <header class="app-header">
                <h1>{ t.app_title }</h1>
                <p class="tagline">{ t.app_tagline }</p>
                <button onclick={tap(|| Action::Go(Go::Templates))}>{ t.templates_button }</button>
                <button onclick={tap(|| Action::Go(Go::Exchange(None)))}>{ t.exchange_button }</button>
                <button onclick={tap(|| Action::Go(Go::Data))}>{ t.data_button }</button>
                { large_switch(app) }
                { lang_switch(app) }
            </header>
            if app.records_unread {
                { notice(t.records_need_pages, t.reload_app, Callback::from(|_| crate::platform::page::reload())) }
            }
            if app.damaged_records > 0 {
                { notice((t.storage_damaged)(app.damaged_records), t.data_details, tap(|| Action::Go(Go::Data))) }
            }
            if app.resummed {
                { notice(t.checkpoint_disagreed, t.dismiss, tap(|| Action::Store(StoreEvent::DismissResummed))) }
            }
            if app.update_ready {
                { notice(t.update_ready, t.update_now, Callback::from(|_| ballot_ui::modules::apply_update())) }
            }
            if let Some(e) = app.notice {
                { notice(e.message(t), t.dismiss, tap(|| Action::Store(StoreEvent::DismissNotice))) }
            }
            <div class="heading-row">
                <h2>{ t.sessions_heading }</h2>
                <button class="primary" onclick={tap(|| Action::Go(Go::NewSession))}>{ "+ " }{ t.new_session }</button>
            </div>
            if !app.records_unread && !app.sessions.iter().any(|s| s.log.deleted_ms().is_none()) {
                <p class="empty">{ t.no_sessions }</p>
            }
            <ul class="cards">
                // A deleted session is kept (already deleted, restorable from 本机数据与备份),
                // not shown here.
                { for app.sessions.iter().filter(|s| s.log.deleted_ms().is_none()).map(|s| {
                    let open = s.log.takes_ballots();
                    let heading = format!("session-{}", s.id());
                    let line = format!("session-line-{}", s.id());
                    let id = s.id().to_string();
                    let start = {
                        let id = id.clone();
                        send(app, move |_| SessionAction::StartVoting(id.clone()))
                    };
                    let manage = {
                                                send(app, move |_| Go::Manage(id.clone()))
                    };
                    html! {
                        <li key={s.id().to_string()}>
                            <article class="card" aria-labelledby={format!("{heading} {line}")}>
                                <h3 id={heading}>
                                    if s.record.test { <span class="test-badge">{ t.test_badge }</span>{ " " } }
                                    { &s.template.spec().title }
                                </h3>
                                <p id={line}><bdi>{ session_line(s, t) }</bdi></p>
                                { session_status(s, t) }
                                <div class="actions">
                                    if open {
                                        <button class="primary" onclick={start}>{ t.start_voting }</button>
                                    }
                                    <button onclick={manage}>{ t.manage }</button>
                                </div>
                            </article>
                        </li>
                    }
                }) }
            </ul>
            <div class="heading-row">
                <h2>{ t.counts_heading }</h2>
                <button class="primary" onclick={tap(|| Action::Go(Go::NewCount))}>{ "+ " }{ t.new_count }</button>
            </div>
            // A count whose log is not read yet shows: nothing unread ever hides one.
            if !app.records_unread && !app.counts.iter().any(|c| c.sum().is_none_or(|s| s.deleted_ms.is_none())) {
                <p class="empty">{ t.no_counts }</p>
            }
            <ul class="cards">
                { for app.counts.iter().map(|c| (c, c.sum())).filter(|(_, sum)| sum.is_none_or(|s| s.deleted_ms.is_none())).map(|(c, sum)| {
                    let heading = format!("count-{}", c.id());
                    let line = format!("count-line-{}", c.id());
                    let open = {
                        let id = c.id().to_string();
                        send(app, move |_| Go::OpenCount(id.clone()))
                    };
                    let unit = match c.category_name() {
                        Some(name) => format!("{} · {name}", c.spec().unit_label()),
                        None => c.spec().unit_label(),
                    };
                    html! {
                        <li key={c.id().to_string()}>
                            <article class="card" aria-labelledby={format!("{heading} {line}")}>
                                <h3 id={heading}>
                                    if c.record.test { <span class="test-badge">{ t.test_badge }</span>{ " " } }
                                    { &c.template.spec().title }
                                </h3>
                                <p id={line}>{ unit }</p>
                                if let Some(sum) = sum {
                                    <p class="count">{ (t.count_progress)(sum.live, sum.figures.returned) }</p>
                                    { blocking(sum.figures, t) }
                                } else {
                                    <p class="count">{ t.card_unread }</p>
                                }
                                <div class="actions">
                                    <button class="primary" onclick={open}>{ t.continue_count }</button>
                                </div>
                            </article>
                        </li>
                    }
                }) }
            </ul>
            // The browser's answer on keeping this device's data, once there is some to keep.
            if !app.sessions.is_empty() || !app.counts.is_empty() {
                if persistent == Some(true) {
                    <p class="storage-note">{ t.persistent_yes }</p>
                } else if persistent == Some(false) {
                    <div class="storage-note warning" role="note">
                        <p>{ t.persistent_no }</p>
                        <button onclick={tap(|| Action::Go(Go::Data))}>{ t.data_button }</button>
                    </div>
                }
            }
        </main>
    }
}

#[cfg(test)]
mod tests {
    use ballot_core::Lang;

    /// index.html draws the home screen's heading while the wasm downloads (its app shell),
    /// then a fresh device's home screen hidden, for the browser to shape its words early:
    /// the catalogue's words in the home screen's markup, so nothing moves when the app takes
    /// the page over and every word of its first screen has been shaped.
    #[test]
    fn the_app_shell_is_the_home_screens_heading_and_hidden_words() {
        let t = Lang::ZhCn.texts();
        let row = |heading: &str, button: &str, empty: &str| {
            format!(
                r#"<div class="heading-row"><h2>{heading}</h2><button class="primary">+ {button}</button></div><p class="empty">{empty}</p>"#
            )
        };
        let shell = format!(
            concat!(
                r#"<main class="page home"><header class="app-header"><h1>{}</h1><p class="tagline">{}</p></header>"#,
                r#"<div aria-hidden="true" style="visibility:hidden"><button>{}</button><button>{}</button><button>{}</button><button>{}</button><button lang="en">English</button>{}{}</div></main>"#,
            ),
            t.app_title,
            t.app_tagline,
            t.templates_button,
            t.exchange_button,
            t.data_button,
            t.large_mode,
            row(t.sessions_heading, t.new_session, t.no_sessions),
            row(t.counts_heading, t.new_count, t.no_counts),
        );
        assert!(
            include_str!("../../../index.html").contains(&shell),
            "index.html should hold {shell}"
        );
    }
}
