//! The pages that are not on the first load: all but the home screen. Their code is split
//! off into a wasm chunk of its own (`wasm_split_helpers`; `scripts/build-app.mjs` splits
//! the built wasm at the functions below), which the app fetches in the background as soon
//! as its first screen is drawn. The home screen, the store and the reducer stay in the first load, so a phone
//! shows the home screen before it has fetched the counting pad or the voter screen.
//!
//! The reducer's steps for the voter screen (`VoteAction`) and the counting pad
//! (`CountAction`) are in the chunk too: only those pages send them. So is the code that
//! reads the store's records (`read`: session and count headers with their templates, the
//! library, the samples, ballots and count steps; counting a ballot or applying a step once
//! it is stored): a fresh device, which has none, draws its home screen without the chunk,
//! and the App's read effects wait for the chunk before they hand over records. If it
//! cannot be fetched, the home screen says it cannot show them (never an empty list).
//!
//! Invariant: a later page is drawn, and a later step reduced, only once the chunk is loaded
//! (`LOADED`); until then a later page says it is being opened, and if the chunk cannot be
//! fetched it says so and offers to try again. A later step that came before the chunk
//! (none can: their pages are drawn by it) would change nothing, and so nothing would be
//! acknowledged. The store, its effects and the acknowledgement of every write (`Written`)
//! are in the first load.

use std::cell::Cell;
use std::future::Future;
use std::task::{Context, Poll, Waker};

use wasm_split_helpers::{wasm_split, SplitLoaderError};
use yew::prelude::*;

use super::pages;
use super::pages::templates::Studio;
use super::state::{AppState, CountAction, Page, VoteAction};
use ballot_core::count::StoredCount;
use ballot_core::damage::Damage;
use ballot_core::session::StoredSession;
use ballot_core::{Lang, Template};

use super::state::{count_sum, Dump, Seed, Sum};
use super::AppHandle;
use ballot_core::checkpoint::SessionSum;

thread_local! {
    /// Whether the chunk is loaded: set once `load` has seen it loaded, never unset.
    static LOADED: Cell<bool> = const { Cell::new(false) };
}

/// Where the chunk of the later pages is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Chunk {
    Loading,
    Ready,
    Failed,
}

/// A split point: everything only the split points reach (the later pages' components,
/// their views and what only they use) goes into the chunk.
#[wasm_split(pages, preload(preload_pages), fallible)]
fn view(app: AppHandle) -> Result<Html, SplitLoaderError> {
    Ok(match &app.page {
        Page::NewSession => html! { <pages::new_session::NewSessionPage app={app.clone()} /> },
        Page::Manage(id) => {
            html! { <pages::manage::ManagePage app={app.clone()} id={id.clone()} /> }
        }
        Page::Vote(_) => html! { <pages::vote::VotePage app={app.clone()} /> },
        Page::Results(id) => {
            html! { <pages::results::ResultsPage app={app.clone()} id={id.clone()} /> }
        }
        Page::NewCount => html! { <pages::new_count::NewCountPage app={app.clone()} /> },
        Page::Count(id) => html! { <pages::count::CountPage app={app.clone()} id={id.clone()} /> },
        Page::Templates => pages::templates::templates_page(&app, Studio::Library),
        Page::Exchange(focus) => {
            pages::templates::templates_page(&app, Studio::Desk(focus.as_deref()))
        }
        Page::Data => pages::templates::templates_page(&app, Studio::Data),
        // Never asked for: `App` draws the other pages itself.
        _ => html! {},
    })
}

#[wasm_split(pages, preload(preload_vote), fallible)]
fn vote_step(s: &mut AppState, a: VoteAction) -> Result<bool, SplitLoaderError> {
    Ok(s.on_vote(a))
}

#[wasm_split(pages, preload(preload_count), fallible)]
fn count_step(s: &mut AppState, a: CountAction) -> Result<bool, SplitLoaderError> {
    Ok(s.on_count(a))
}

/// What the store's records say, as code in the chunk reads them: the headers (each with
/// its template, parsed), the ballots and count steps `dump` holds, counted, the seeds those
/// call for, the library's templates and the built-in samples.
#[derive(Default)]
pub struct Read {
    pub sessions: Vec<StoredSession>,
    pub counts: Vec<StoredCount>,
    pub damaged: Vec<Damage>,
    pub seeds: Vec<Seed>,
    pub samples: Vec<Template>,
    pub offered: Vec<(String, Template)>,
    /// Library records that cannot be read.
    pub unreadable: usize,
}

#[wasm_split(pages, preload(preload_read), fallible)]
fn read_step(dump: &Dump, samples: bool) -> Result<Read, SplitLoaderError> {
    let (mut sessions, mut damaged) =
        ballot_core::session::read_headers(&dump.sessions, &dump.events);
    let (mut counts, more) = ballot_core::count::read_headers(&dump.counts);
    damaged.extend(more);
    ballot_core::session::count_ballots(&mut sessions, &dump.ballots, &mut damaged);
    ballot_core::count::replay(&mut counts, &dump.count_entries, &mut damaged);
    let seeds = seeds_of(&sessions, &counts, dump);
    let (offered, unreadable) = ballot_core::library::offered(&dump.templates);
    Ok(Read {
        sessions,
        counts,
        damaged,
        seeds,
        samples: if samples {
            ballot_core::samples::all()
        } else {
            Vec::new()
        },
        offered,
        unreadable,
    })
}

/// English: its catalogues are a chunk of their own, apart from the later pages, so that a
/// Chinese device never fetches them (`Lang::En`).
#[wasm_split(english, fallible)]
fn english_step() -> Result<Lang, SplitLoaderError> {
    Ok(Lang::from_tag("en"))
}

/// The screens in English, once its chunk is fetched; Chinese if it cannot be.
pub async fn english() -> Lang {
    english_step().await.unwrap_or_default()
}

#[wasm_split(pages, preload(preload_parse), fallible)]
fn parse_step(json: &str) -> Result<Option<Template>, SplitLoaderError> {
    Ok(Template::parse(json).ok())
}

/// A template as a session or count record stores it, parsed (`None`: it does not read, or
/// the chunk is not loaded: only its pages make records).
pub fn parse(json: &str) -> Option<Template> {
    now(parse_step(json)).flatten()
}

/// First checkpoints for the sessions and counts `dump` holds in full for want of one: what
/// their records add up to, as opening them would store it (`Seed`).
fn seeds_of(sessions: &[StoredSession], counts: &[StoredCount], dump: &Dump) -> Vec<Seed> {
    let wanted = |id: &str| dump.read_in_full(id) && !dump.checkpoints.iter().any(|(k, _)| k == id);
    let rows = |rows: &[(String, String)], id: &str| {
        let prefix = format!("{id}/");
        rows.iter().filter(|(k, _)| k.starts_with(&prefix)).count() as u32
    };
    let sessions = (sessions.iter())
        .filter(|s| wanted(&s.record.id))
        .map(|s| Seed {
            id: s.record.id.clone(),
            sum: Sum::Session(SessionSum::new(s.records, s.tally.total())),
            log: "ballots",
            records: rows(&dump.ballots, &s.record.id),
        });
    let counts = (counts.iter())
        .filter(|c| wanted(&c.record.id))
        .map(|c| Seed {
            id: c.record.id.clone(),
            sum: Sum::Count(count_sum(&c.log, c.next_key, c.unreadable)),
            log: "count_entries",
            records: rows(&dump.count_entries, &c.record.id),
        });
    sessions.chain(counts).collect()
}

#[wasm_split(pages, preload(preload_stored), fallible)]
fn stored_step(s: &mut AppState, write: &super::state::Write) -> Result<bool, SplitLoaderError> {
    Ok(s.stored_in_log(write))
}

#[wasm_split(pages, preload(preload_delete), fallible)]
fn delete_step(s: &mut AppState, now_ms: u64) -> Result<(), SplitLoaderError> {
    s.delete_count(now_ms);
    Ok(())
}

/// Deletes the count on screen, its PIN accepted (`AppState::delete_count`).
pub fn delete_count(s: &mut AppState, now_ms: u64) {
    now(delete_step(s, now_ms));
}

/// The store's records as `dump` holds them, read, with the built-in samples if `samples`
/// (once: they never change). `None` while the chunk is not loaded.
pub fn read(dump: &Dump, samples: bool) -> Option<Read> {
    now(read_step(dump, samples))
}

/// The built-in samples, parsed (`None` while the chunk is not loaded).
pub fn samples() -> Option<Vec<Template>> {
    now(read_step(&Dump::default(), true)).map(|r| r.samples)
}

/// A ballot or count step stored: counted into, or applied to, what the window shows.
/// `false` while the chunk is not loaded (none is stored before: only its steps ask).
pub fn stored(s: &mut AppState, write: &super::state::Write) -> bool {
    now(stored_step(s, write)).unwrap_or(false)
}

/// The reducer's step for the voter screen: whether it changed the state.
pub fn vote(s: &mut AppState, a: VoteAction) -> bool {
    now(vote_step(s, a)).unwrap_or(false)
}

/// The reducer's step for the counting pad: whether it changed the state.
pub fn count(s: &mut AppState, a: CountAction) -> bool {
    now(count_step(s, a)).unwrap_or(false)
}

/// Fetches the chunk (once; a failed fetch is tried again on the next call) and tells
/// whether it is there.
pub async fn load() -> Chunk {
    // Each split function has a loader of its own (the chunk is fetched once, but each
    // loader learns of it only through its own call, a step later): all are completed here,
    // so that every one of them is ready at its first poll.
    let loaded = async {
        preload_pages().await?;
        preload_vote().await?;
        preload_count().await?;
        preload_read().await?;
        preload_parse().await?;
        preload_stored().await?;
        preload_delete().await
    };
    match loaded.await {
        Ok(()) => {
            LOADED.set(true);
            Chunk::Ready
        }
        Err(_) => Chunk::Failed,
    }
}

/// The later page of `app.page`, given where the chunk is; `retry` fetches it again. Called
/// on every render of a later page (each tap on the pad): the failure view is built only
/// when it is shown.
pub fn page(app: &AppHandle, chunk: Chunk, retry: Callback<MouseEvent>) -> Html {
    let t = app.lang.texts();
    let shown = match chunk {
        Chunk::Loading => {
            return html! {
                <main class="page"><p class="loading" role="status">{ t.opening }</p></main>
            }
        }
        Chunk::Ready => now(view(app.clone())),
        Chunk::Failed => None,
    };
    shown.unwrap_or_else(|| {
        html! {
            <main class="page">
                <section class="fatal" role="alert">
                    <p>{ t.pages_failed }</p>
                    <button type="button" class="primary" onclick={retry}>{ t.pages_retry }</button>
                </section>
            </main>
        }
    })
}

/// A split function called as a plain one: once the chunk is loaded its future is ready at
/// its first poll (the loader is a memoised, completed cell), so it is polled once here
/// instead of awaited, and a render or a reducer step stays synchronous. `None`, without
/// polling, while the chunk is not loaded (natively there is no chunk: always loaded).
fn now<T>(call: impl Future<Output = Result<T, SplitLoaderError>>) -> Option<T> {
    if cfg!(target_family = "wasm") && !LOADED.get() {
        return None;
    }
    let mut f = std::pin::pin!(call);
    match f.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(Ok(value)) => Some(value),
        Poll::Ready(Err(_)) | Poll::Pending => None,
    }
}
