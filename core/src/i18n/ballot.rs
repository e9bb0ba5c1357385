//! The words of a ballot on screen: the voter's form and its review, the counter's pad,
//! what a ballot counts as and why. Only the later pages use them (the voter screen, the
//! counting pad, the studio's preview), so they are a catalogue of their own: its strings
//! and formatting code are reached only from the pages' wasm chunk, not from the first
//! load (docs/size.md, "The catalogue in two").

use crate::ballot::{Ballot, BallotContent, DeclaredVoid, MarkRefused, SectionMarks};
use crate::check::{Checked, Rating, RecommendationOutcome, SectionOutcome, Verdict, VoidReason};
use crate::count::{BallotStep, CountOp, CountRefused};
/// A ballot of a test deck or of its count: its number (from 1) and what it shows.
pub type DeckBallot<'a> = (usize, &'a str);

use crate::omr::propose::{BoxMarks, Doubt};
use crate::omr::read::Mark;
use crate::omr::seen::NotSeen;
use crate::template::{Item, MarkSymbol, Section, Template, Vote};

pub struct BallotTexts {
    // Voter form
    pub choose_category: &'static str,
    pub change_category: &'static str,
    pub your_category: fn(&str) -> String,
    pub evaluation_instructions: fn(&str) -> String,
    pub recommendation_instructions: fn(u16, &str) -> String,
    /// An election's, where ○ is the only mark (the most 赞成, the symbol).
    pub election_instructions: fn(u16, &str) -> String,
    pub selected_count: fn(usize, u16) -> String,
    /// Under a scheme with × (赞成/反对/弃权), on the tablet: the instructions (the most
    /// 赞成, whether the scheme is the inverted one, the symbol), each choice's name, and
    /// the 赞成 so far against the most allowed.
    pub choice_instructions: fn(u16, bool, &str) -> String,
    pub vote_name: fn(Vote) -> &'static str,
    pub agreed_count: fn(usize, u16) -> String,
    pub write_in_label: fn(usize) -> String,
    pub write_in_placeholder: &'static str,
    pub dimension_of: fn(&str, &str) -> String,
    pub submit: &'static str,
    pub saving: &'static str,
    pub staff: &'static str,
    /// 语音朗读: the voter's switch, what it says where the device has no Chinese voice,
    /// and the words a control's state is spoken in (a mark; a switch).
    pub voice_reading: &'static str,
    pub voice_none: &'static str,
    pub voice_chosen: &'static str,
    pub voice_unchosen: &'static str,
    pub voice_on: &'static str,
    pub voice_off: &'static str,
    pub review_title: &'static str,
    pub review_recommended: fn(usize, u16) -> String,
    /// The review under a scheme with ×: 赞成 (of at most n), 反对, 弃权.
    pub review_agreed: fn(usize, u16) -> String,
    pub review_opposed: fn(usize) -> String,
    pub review_abstained: fn(usize) -> String,
    pub review_nobody: &'static str,
    pub review_write_ins: &'static str,
    pub review_unrated: &'static str,
    pub blank_warning: &'static str,
    pub unrated_warning: fn(&[String]) -> String,
    pub confirm_submit: &'static str,
    pub confirm_blank: &'static str,
    pub back_to_edit: &'static str,
    pub recorded_title: &'static str,
    pub recorded_next: &'static str,
    pub not_recorded_title: &'static str,
    pub not_recorded_body: &'static str,
    pub mark_refused: fn(&MarkRefused) -> String,
    // Paper count: the counting screen
    pub tab_entry: &'static str,
    pub tab_board: &'static str,
    /// The ballots that stand, as the status line counts them.
    pub tab_list: fn(u32) -> String,
    pub tab_figures: &'static str,
    pub entering: fn(u32) -> String,
    pub correcting: fn(u32) -> String,
    /// The last ballot step stored: always in view above the pad.
    pub saved_step: fn(BallotStep) -> String,
    pub cancel_correction: &'static str,
    pub paper_marked: fn(usize, u16) -> String,
    /// The pad in an election with ○ only: names marked against 应选人数.
    pub paper_marked_seats: fn(usize, u16) -> String,
    /// The pad under a scheme with ×: 赞成 and 反对 on this ballot, against the most 赞成;
    /// and the name of one mark button of a name's box (the name, the mark).
    pub paper_marked_three: fn(usize, usize, u16) -> String,
    pub pad_box_label: fn(&str, &str) -> String,
    pub write_in_suggestions: &'static str,
    /// Beside a write-in cell whose text the rules do not take (on the voter's screen).
    pub write_in_not_counted: fn(&str) -> String,
    /// On the review: typed write-ins that are not counted.
    pub review_not_counted: fn(&[&str]) -> String,
    pub fill_in: fn(&str) -> String,
    pub next_ballot: &'static str,
    pub save_correction: &'static str,
    pub blank_ballot: &'static str,
    /// The same button under the inverted scheme, where a paper without marks agrees with
    /// every name: it enters that paper, which is not a 空白票 there.
    pub unmarked_ballot: &'static str,
    pub void_ballot: &'static str,
    pub void_reason_prompt: &'static str,
    pub void_reason: fn(DeclaredVoid) -> &'static str,
    pub clear_ballot: &'static str,
    pub undo_last: &'static str,
    pub not_saved: fn(&str) -> String,
    // Paper count: 拍照计票 (the camera reads printed 读票版 ballots)
    pub camera_start: &'static str,
    pub camera_stop: &'static str,
    pub camera_photo: &'static str,
    pub camera_view: &'static str,
    pub camera_picture: &'static str,
    pub camera_starting: &'static str,
    pub camera_failed: fn(&str) -> String,
    pub camera_unavailable: fn(&str) -> String,
    pub camera_not_photo: &'static str,
    pub camera_not_seen: fn(NotSeen) -> &'static str,
    pub camera_hold: &'static str,
    pub camera_next: &'static str,
    pub camera_busy: &'static str,
    pub camera_done: &'static str,
    pub decide_heading: fn(usize) -> String,
    /// What the reader saw in a box the counter decides, and why it asks.
    pub decide_box: fn(&str, Mark, Doubt, MarkSymbol) -> String,
    /// A choice for a box: the marks it holds.
    pub decide_choice: fn(BoxMarks, MarkSymbol) -> String,
    pub decide_name: fn(usize) -> String,
    pub decide_name_ok: &'static str,
    pub write_in_box: fn(usize) -> String,
    pub write_in_cell: fn(usize) -> String,
    /// A name written earlier in the count, offered for a 另选他人 cell the camera saw written.
    pub decide_fill: fn(usize, &str) -> String,
    /// The alternative text of a part of the photo shown to the counter.
    pub decide_image: fn(&str) -> String,
    // Paper count: 测试模式 and its test deck
    pub test_mode_option: &'static str,
    pub test_mode_hint: &'static str,
    pub test_banner: &'static str,
    // Tablet session: 测试模式
    pub session_test_option: &'static str,
    pub session_test_hint: &'static str,
    pub session_test_banner: &'static str,
    pub tab_deck: &'static str,
    pub deck_heading: &'static str,
    pub deck_intro: &'static str,
    /// Ballot n of the deck and what it shows.
    pub deck_line: fn(usize, &str) -> String,
    pub deck_blank: &'static str,
    pub deck_void: fn(&str) -> String,
    pub deck_written: fn(&str) -> String,
    pub deck_compare_heading: &'static str,
    /// How many ballots are entered of the deck's.
    pub deck_progress: fn(usize, usize) -> String,
    pub deck_same: fn(usize) -> String,
    pub deck_differs: fn(usize) -> String,
    /// One difference: the deck's ballot and the one entered, where there is one.
    pub deck_difference: fn(Option<DeckBallot>, Option<DeckBallot>) -> String,
    pub verdict_valid: &'static str,
    pub verdict_blank: &'static str,
    pub verdict_void: fn(VoidReason) -> String,
    pub note_section_void: fn(&str, usize, u16) -> String,
    /// The same in an election (应选人数).
    pub note_seats_void: fn(&str, usize, u16) -> String,
    pub note_write_in_rejected: fn(&str) -> String,
    pub note_write_in_repeated: fn(&str) -> String,
    pub note_write_in_ambiguous: fn(&str) -> String,
    /// A written name whose box does not read 赞成 (× or ○ where they mean 反对 or 弃权).
    pub note_write_in_declined: fn(&str) -> String,
    /// A listed name whose box holds both marks (○ and ×).
    pub note_box_unreadable: fn(&str, &str) -> String,
    /// A written name with an empty box where the template wants it marked (the name, the
    /// symbol); and one beyond the listed names voted against.
    pub note_write_in_unmarked: fn(&str, &str) -> String,
    /// A written name several listed persons share, decided by the counters (the name, the
    /// person with their note); the pad's question and its "cannot tell" answer.
    pub note_write_in_decided: fn(&str, &str) -> String,
    pub decide_same_name: fn(&str) -> String,
    pub decide_none: &'static str,
    pub note_write_in_excess: fn(&str) -> String,
    /// In a ballot's summary: the names it is against.
    pub summary_opposed: fn(&str) -> String,
    pub note_item_spoiled: fn(&str) -> String,
    pub ballot_number: fn(u32) -> String,
    pub struck_label: &'static str,
    pub corrected_times: fn(u32) -> String,
    pub correct: &'static str,
    pub strike: &'static str,
    pub restore: &'static str,
    pub audit_heading: &'static str,
    pub audit_none: &'static str,
    pub audit_entry: fn(&CountOp) -> String,
    pub figures_heading: &'static str,
    pub save: &'static str,
    pub ask_undo_title: fn(u32) -> String,
    pub ask_strike_title: fn(u32) -> String,
    pub ask_strike_body: &'static str,
    pub ask_delete_title: &'static str,
    pub count_refused: fn(CountRefused) -> String,
}

impl BallotTexts {
    /// How a rated item is named everywhere (form, questions, results): the subject, or
    /// subject · dimension.
    pub fn item_label(&self, item: &Item) -> String {
        match item.dimension {
            Some(d) => (self.dimension_of)(item.subject_name, d),
            None => item.subject_name.to_string(),
        }
    }

    /// What a checked ballot counts as, in one line: 有效票 / 空白票 / why it is void.
    pub fn verdict(&self, verdict: &Verdict) -> String {
        match verdict {
            Verdict::Valid => self.verdict_valid.to_string(),
            Verdict::Blank => self.verdict_blank.to_string(),
            Verdict::Void(reason) => (self.verdict_void)(*reason),
        }
    }

    /// Every part of a counted ballot that does not count, in template order: an
    /// over-marked section (where only that section is void), a write-in that is not
    /// counted or counted once, an item with several levels. Empty for a void ballot (the
    /// verdict says it all) and for a ballot that counts in full.
    pub fn ballot_notes(&self, template: &Template, checked: &Checked) -> Vec<String> {
        let mut notes = Vec::new();
        if matches!(checked.verdict, Verdict::Void(_)) {
            return notes;
        }
        for (section, outcome) in template.sections().iter().zip(&checked.sections) {
            match (section, outcome) {
                (
                    Section::Recommendation(s),
                    SectionOutcome::Recommendation(RecommendationOutcome::Void { marked, allowed }),
                ) => {
                    let said = match s.election {
                        Some(_) => self.note_seats_void,
                        None => self.note_section_void,
                    };
                    notes.push(said(&s.title, *marked, *allowed))
                }
                (
                    Section::Recommendation(s),
                    SectionOutcome::Recommendation(
                        RecommendationOutcome::Counted(r) | RecommendationOutcome::Blank(r),
                    ),
                ) => {
                    let names = r.unreadable.iter();
                    let names = names.filter_map(|&i| s.candidates.get(usize::from(i)));
                    let glyph = template.spec().marking.symbol.glyph();
                    notes.extend(names.map(|c| (self.note_box_unreadable)(&c.label(), glyph)));
                    let notes_of = |list: &[String], f: fn(&str) -> String| {
                        list.iter().map(move |n| f(n)).collect::<Vec<_>>()
                    };
                    notes.extend(notes_of(&r.rejected_write_ins, self.note_write_in_rejected));
                    notes.extend(notes_of(
                        &r.ambiguous_write_ins,
                        self.note_write_in_ambiguous,
                    ));
                    notes.extend(r.decided_write_ins.iter().filter_map(|(n, who)| {
                        let person = s.candidates.get(usize::from(*who))?;
                        Some((self.note_write_in_decided)(n, &person.label()))
                    }));
                    notes.extend(notes_of(&r.declined_write_ins, self.note_write_in_declined));
                    let unmarked = r.unmarked_write_ins.iter();
                    notes.extend(unmarked.map(|n| (self.note_write_in_unmarked)(n, glyph)));
                    notes.extend(notes_of(&r.excess_write_ins, self.note_write_in_excess));
                    notes.extend(notes_of(&r.repeated_write_ins, self.note_write_in_repeated));
                }
                (Section::Evaluation(e), SectionOutcome::Evaluation(ratings)) => {
                    for (item, rating) in e.items().zip(ratings) {
                        if *rating == Rating::Spoiled {
                            notes.push((self.note_item_spoiled)(&self.item_label(&item)));
                        }
                    }
                }
                _ => {}
            }
        }
        notes
    }

    /// Who or what a counted ballot is for, in a few words: the names it counts for
    /// (write-ins marked as such), and for an evaluation the count of each level.
    pub fn ballot_summary(&self, template: &Template, checked: &Checked) -> String {
        let mut parts: Vec<String> = Vec::new();
        for (section, outcome) in template.sections().iter().zip(&checked.sections) {
            match (section, outcome) {
                (
                    Section::Recommendation(s),
                    SectionOutcome::Recommendation(RecommendationOutcome::Counted(r)),
                ) => {
                    let names = r
                        .votes
                        .iter()
                        .filter_map(|&i| s.candidates.get(usize::from(i)))
                        .map(|c| c.name.clone())
                        .chain(
                            r.write_ins
                                .iter()
                                .map(|w| format!("{w}（{}）", self.review_write_ins)),
                        );
                    parts.push(names.collect::<Vec<_>>().join("、"));
                    let opposed: Vec<&str> = (r.opposed.iter())
                        .filter_map(|&i| s.candidates.get(usize::from(i)))
                        .map(|c| c.name.as_str())
                        .collect();
                    if !opposed.is_empty() {
                        parts.push((self.summary_opposed)(&opposed.join("、")));
                    }
                }
                (Section::Evaluation(e), SectionOutcome::Evaluation(ratings)) => {
                    let mut counts = vec![0usize; e.levels.len()];
                    for r in ratings {
                        if let Rating::Level(l) = r {
                            if let Some(n) = counts.get_mut(*l) {
                                *n += 1;
                            }
                        }
                    }
                    let levels: Vec<String> = e
                        .levels
                        .iter()
                        .zip(counts)
                        .filter(|(_, n)| *n > 0)
                        .map(|(l, n)| format!("{l} {n}"))
                        .collect();
                    if !levels.is_empty() {
                        parts.push(levels.join(" · "));
                    }
                }
                _ => {}
            }
        }
        parts.retain(|p| !p.is_empty());
        let verdict = self.verdict(&checked.verdict);
        if parts.is_empty() {
            verdict
        } else {
            format!("{verdict}：{}", parts.join("；"))
        }
    }

    /// What a paper ballot shows, mark by mark, as a test deck's script reads it aloud
    /// (not what it counts for: an over-marked ballot is read as it is).
    pub fn paper_marks(&self, template: &Template, ballot: &Ballot) -> String {
        let sections = match &ballot.content {
            BallotContent::Void(reason) => return (self.deck_void)((self.void_reason)(*reason)),
            BallotContent::Marked(s) => s,
        };
        let symbol = template.spec().marking.symbol.glyph();
        let mut parts: Vec<String> = Vec::new();
        for (section, marks) in template.sections().iter().zip(sections) {
            match (section, marks) {
                (Section::Recommendation(s), SectionMarks::Recommendation(r)) => {
                    let names = |set: &crate::sorted::SortedSet<u16>| -> Vec<&str> {
                        (set.iter())
                            .filter_map(|&i| s.candidates.get(usize::from(i)))
                            .map(|c| c.name.as_str())
                            .collect()
                    };
                    let (marked, crossed) = (names(&r.marked), names(&r.crossed));
                    if !marked.is_empty() {
                        parts.push(format!("{symbol} {}", marked.join("、")));
                    }
                    if !crossed.is_empty() {
                        parts.push(format!("× {}", crossed.join("、")));
                    }
                    for w in r.write_ins.iter().filter(|w| !w.is_empty()) {
                        parts.push((self.deck_written)(w));
                    }
                }
                (Section::Evaluation(e), SectionMarks::Evaluation(items)) => {
                    for (item, levels) in e.items().zip(items) {
                        let chosen: Vec<&str> = (e.levels.iter().enumerate())
                            .filter(|(l, _)| levels.contains(*l))
                            .map(|(_, name)| name.as_str())
                            .collect();
                        if !chosen.is_empty() {
                            parts.push(format!("{} {}", self.item_label(&item), chosen.join("、")));
                        }
                    }
                }
                _ => {}
            }
        }
        if parts.is_empty() {
            self.deck_blank.to_string()
        } else {
            parts.join("；")
        }
    }
}
