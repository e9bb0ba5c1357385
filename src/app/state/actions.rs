//! What can happen to the app, by concern. [`AppState::reduce`](super::AppState) hands each
//! concern to its own reducer, which matches every one of its actions: a new action is a
//! compile error until its concern handles it.

use ballot_core::ballot::DeclaredVoid;

use super::{CountAsk, CountForm, Dump, FiguresForm, Intent, PadAction, SessionForm, StoreError};

pub enum Action {
    /// The store, the browser and other windows report ([`super::store`]).
    Store(StoreEvent),
    /// The organiser moves between pages ([`super::navigation`]).
    Go(Go),
    /// The organiser's PIN ([`super::pin`]).
    Pin(PinAction),
    /// Voting sessions: opening one, starting voting, storing a refused close
    /// ([`super::sessions`]).
    Session(SessionAction),
    /// The voter, on the voter screen ([`super::voting`]).
    Vote(VoteAction),
    /// A paper count ([`super::paper`]).
    Count(CountAction),
    /// 长辈版 on or off (the home screen's and the voter screen's switch).
    Large(bool),
}

pub enum StoreEvent {
    Loaded(Result<Dump, StoreError>),
    /// Another window holds the session or count of claim `round`.
    ClaimBusy {
        round: u32,
    },
    /// This window now holds the session or count of claim `round`, and the store as read
    /// right after.
    Claimed {
        round: u32,
        dump: Result<Dump, StoreError>,
    },
    /// The store read again once the later chunk is loaded, because something shown needed
    /// its code to be read ([`AppState::unread`]).
    Reread(Result<Dump, StoreError>),
    /// The later chunk is loaded: the built-in samples can be read (parsed by its code). Sent
    /// in a task of its own, not the one that instantiates the chunk, so that neither is a
    /// long task on a slow phone.
    Samples,
    /// The write of request `seq` is done (or refused).
    Written {
        seq: u32,
        result: Result<(), StoreError>,
    },
    /// A problem to show the organiser (a failed write, no random numbers).
    Notice(StoreError),
    DismissNotice,
    /// The home screen's word that a checkpoint disagreed, read.
    DismissResummed,
    /// A newer build of the app is installed and waiting.
    UpdateReady,
}

/// The organiser pages. Never from the voter screen (that needs the PIN), never while a
/// write is in flight.
pub enum Go {
    Home,
    Templates,
    /// The data page (damage, backup, restore).
    Data,
    /// The results desk; with a session only from that session's results.
    Exchange(Option<String>),
    NewSession,
    Manage(String),
    NewCount,
    OpenCount(String),
}

pub enum PinAction {
    /// Ask for the PIN of session (or count) `session`, for `intent`.
    Ask {
        session: String,
        intent: Intent,
    },
    Enter {
        pin: String,
        now_ms: u64,
    },
    Cancel,
    /// The PIN of [`super::AppState::deriving`] round `round`, derived (hex), or `None`: the
    /// browser could not.
    Derived {
        round: u32,
        derived: Option<String>,
    },
}

// Made and used once per tap: boxing the form would add code, not save memory.
#[allow(clippy::large_enum_variant)]
pub enum SessionAction {
    Create {
        form: SessionForm,
        id: String,
        salt: [u8; 16],
        now_ms: u64,
    },
    StartVoting(String),
    /// Store the close that a full disk refused (the PIN was given for it).
    RetryClose {
        now_ms: u64,
    },
}

pub enum VoteAction {
    ChooseCategory(Option<u16>),
    ToggleCandidate {
        section: usize,
        candidate: u16,
    },
    /// 赞成, 反对 or 弃权 for a listed name, under a scheme with ×.
    Choose {
        section: usize,
        candidate: u16,
        vote: ballot_core::template::Vote,
    },
    SetWriteIn {
        section: usize,
        slot: usize,
        text: String,
    },
    Rate {
        section: usize,
        item: usize,
        level: usize,
    },
    /// No tap on the voter screen since `activity`: ask 「还在投票吗？」, or, asked already,
    /// discard the ballot (nothing is submitted).
    Idle {
        activity: u32,
    },
    /// The voter answers 「继续投票」.
    StillHere,
    /// The voter turns 语音朗读 on or off, for their own ballot.
    Voice(bool),
    /// Done filling: show the review.
    Submit,
    /// Back from the review or the not-recorded alert to the form.
    BackToForm,
    /// Confirmed on the review: store it.
    ConfirmSubmit,
    NextVoter,
}

/// Steps on the count on screen; each waits for the last one to be stored.
// Made and used once per tap: boxing the form would add code, not save memory.
#[allow(clippy::large_enum_variant)]
pub enum CountAction {
    Create {
        form: CountForm,
        id: String,
        salt: [u8; 16],
        now_ms: u64,
    },
    Pad(PadAction),
    /// 下一张, or 保存更正 while correcting: the pad's ballot as tapped.
    Commit {
        now_ms: u64,
    },
    CommitBlank {
        now_ms: u64,
    },
    CommitVoid {
        reason: DeclaredVoid,
        now_ms: u64,
    },
    Correct(u32),
    CancelCorrection,
    Restore {
        seq: u32,
        now_ms: u64,
    },
    SetFigures {
        form: FiguresForm,
        now_ms: u64,
    },
    Ask(CountAsk),
    Answer {
        yes: bool,
        now_ms: u64,
    },
    /// A ballot the camera read (拍照计票), with the images of what the counter decides.
    CameraRead {
        proposal: ballot_core::omr::propose::Proposal,
        images: Vec<String>,
    },
    /// The counter's decision on the `k`-th thing the camera left open.
    CameraDecide {
        k: usize,
        marks: Option<ballot_core::omr::propose::BoxMarks>,
    },
}

macro_rules! into_action {
    ($($concern:ident => $variant:ident),*) => {$(
        impl From<$concern> for Action {
            fn from(a: $concern) -> Action {
                Action::$variant(a)
            }
        }
    )*};
}

into_action!(
    StoreEvent => Store,
    Go => Go,
    PinAction => Pin,
    SessionAction => Session,
    VoteAction => Vote,
    CountAction => Count
);
