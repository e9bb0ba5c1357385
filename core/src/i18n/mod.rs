//! Every string a user sees, in one typed catalogue per language.
//!
//! A plain struct of `&'static str` and `fn` fields: the compiler checks that every language
//! has every string and lookups cost nothing. Every entry of a catalogue reaches the wasm
//! binary (the static refers to all of them), so entries are added with the screens that
//! use them.
//! Messages with values are `fn` fields. Error types carry data, never text; their one
//! message per language is here (the codes, `T01` …, are in `error.rs`).

pub mod ballot;
#[cfg(feature = "exchange")]
pub mod data;
pub mod en;
#[cfg(feature = "exchange")]
pub mod exchange;
pub mod report;
pub mod studio;
mod zh_cn;

use crate::figures::FigureFlag;
use crate::form::SessionError;
use crate::session::{EventKind, Turnout};

/// The language of the screens (not of a ballot: a template's own words are its own).
///
/// English is reached only through its value, `Lang::En(&en::CATALOGUES)`: code that never
/// makes one never links the English catalogue. The app's first load does not: a device
/// that chose English gets the value from the wasm chunk that holds the catalogue
/// (src/app/later.rs), so a Chinese device never downloads it.
#[derive(Clone, Copy, Default)]
pub enum Lang {
    /// 简体中文, the default.
    #[default]
    ZhCn,
    En(&'static Catalogues),
}

/// A language's punctuation between the parts a view puts together (`Lang::punct`).
pub struct Punct {
    pub colon: &'static str,
    pub semicolon: &'static str,
    pub comma: &'static str,
    pub full_stop: &'static str,
    /// Around a note after a name: 「王秀英（书记）」, "Wang Xiuying (secretary)".
    pub open: &'static str,
    pub close: &'static str,
}

pub static ZH_PUNCT: Punct = Punct {
    colon: "：",
    semicolon: "；",
    comma: "，",
    full_stop: "。",
    open: "（",
    close: "）",
};

pub static EN_PUNCT: Punct = Punct {
    colon: ": ",
    semicolon: "; ",
    comma: ", ",
    full_stop: ". ",
    open: " (",
    close: ")",
};

impl Punct {
    /// `text` with its note after it, or alone where there is none.
    pub fn noted(&self, text: &str, note: &str) -> String {
        if note.is_empty() {
            text.to_string()
        } else {
            format!("{text}{}{note}{}", self.open, self.close)
        }
    }
}

/// One language's catalogues, by reference (a static may refer to others, not hold them).
pub struct Catalogues {
    pub texts: &'static Texts,
    pub ballot: &'static ballot::BallotTexts,
    pub report: &'static report::ReportTexts,
    pub studio: &'static studio::StudioTexts,
    #[cfg(feature = "exchange")]
    pub data: &'static data::DataTexts,
    #[cfg(feature = "exchange")]
    pub exchange: &'static exchange::ExchangeTexts,
}

impl PartialEq for Lang {
    fn eq(&self, other: &Self) -> bool {
        matches!(
            (self, other),
            (Lang::ZhCn, Lang::ZhCn) | (Lang::En(_), Lang::En(_))
        )
    }
}

impl Eq for Lang {}

impl std::fmt::Debug for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

impl Lang {
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::ZhCn => &zh_cn::TEXTS,
            Lang::En(c) => c.texts,
        }
    }

    /// The words of a ballot on screen (the voter's form, the pad, verdicts and notes).
    /// Call it only from the later pages' code, so that its catalogue stays out of the
    /// first load ([`ballot::BallotTexts`]).
    pub fn ballot(self) -> &'static ballot::BallotTexts {
        match self {
            Lang::ZhCn => &zh_cn::BALLOT,
            Lang::En(c) => c.ballot,
        }
    }

    /// The results module's words.
    pub fn report(self) -> &'static report::ReportTexts {
        match self {
            Lang::ZhCn => &report::ZH_CN,
            Lang::En(c) => c.report,
        }
    }

    /// The template studio's words.
    pub fn studio(self) -> &'static studio::StudioTexts {
        match self {
            Lang::ZhCn => &studio::ZH_CN,
            Lang::En(c) => c.studio,
        }
    }

    /// The data page's words.
    #[cfg(feature = "exchange")]
    pub fn data(self) -> &'static data::DataTexts {
        match self {
            Lang::ZhCn => &data::ZH_CN,
            Lang::En(c) => c.data,
        }
    }

    /// The results desk's words.
    #[cfg(feature = "exchange")]
    pub fn exchange(self) -> &'static exchange::ExchangeTexts {
        match self {
            Lang::ZhCn => &exchange::ZH_CN,
            Lang::En(c) => c.exchange,
        }
    }

    /// How the language punctuates what views put together: a label and its value, a
    /// list of clauses, a note after a name. A method, not a catalogue field, so that only
    /// the views that use it link it.
    pub fn punct(self) -> &'static Punct {
        match self {
            Lang::ZhCn => &ZH_PUNCT,
            Lang::En(_) => &EN_PUNCT,
        }
    }

    /// The BCP 47 tag for the page's `lang` attribute, and a device's remembered choice.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::En(_) => "en",
        }
    }

    /// The language a tag names. Links the English catalogue: for the modules loaded on
    /// demand and the chunk that holds English, never the app's first load.
    pub fn from_tag(tag: &str) -> Lang {
        if tag == "en" {
            Lang::En(&en::CATALOGUES)
        } else {
            Lang::ZhCn
        }
    }
}

/// Where a template's problem is, as a path of names (`sections[0].candidates[2].name` →
/// 第1部分 › 第3位人选 › 姓名), in a language's words: `field` names a field (the whole
/// form's or a part's: `at_root`), `item` an item of a list, `index` an item of no list.
pub(crate) fn location(
    segments: &[crate::error::Segment],
    field: fn(crate::error::Field, bool) -> &'static str,
    item: fn(crate::error::Field, usize) -> String,
    index: fn(usize) -> String,
) -> String {
    use crate::error::{Field, Segment};
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < segments.len() {
        match (segments[i], segments.get(i + 1)) {
            (Segment::Field(list), Some(Segment::Index(n))) => {
                parts.push(item(list, *n));
                i += 2;
            }
            (Segment::Field(f), _) => {
                // A round's `title` is the first round's form title, not a section's.
                let whole = i == 0 || (i == 1 && segments[0] == Segment::Field(Field::Round));
                parts.push(field(f, whole).to_string());
                i += 1;
            }
            (Segment::Index(n), _) => {
                parts.push(index(n));
                i += 1;
            }
        }
    }
    parts.join(" › ")
}

pub struct Texts {
    pub app_title: &'static str,
    pub app_tagline: &'static str,
    /// 「issuer · 模板校验码 fingerprint」 under a template's title.
    pub template_header: fn(&str, &str) -> String,
    pub back_home: &'static str,

    pub loading: &'static str,
    pub confirm: &'static str,
    pub cancel: &'static str,

    // Storage
    pub store_unavailable_title: &'static str,
    pub store_unavailable: &'static str,
    pub store_full: &'static str,
    pub store_failed: &'static str,
    pub store_elsewhere: &'static str,
    pub store_changed: &'static str,
    /// A session or count this window waits for: it is open in another window.
    pub elsewhere_title: &'static str,
    pub elsewhere_body: &'static str,
    pub opening: &'static str,
    pub storage_damaged: fn(usize) -> String,
    /// A card whose ballots are not read yet (the code that reads them could not be fetched).
    pub card_unread: &'static str,
    /// A session's or count's stored summary disagreed with its records when it was opened.
    pub checkpoint_disagreed: &'static str,
    pub data_button: &'static str,
    /// 长辈版: the large-text switch on the home and voter screens.
    pub large_mode: &'static str,
    pub data_details: &'static str,
    pub persistent_yes: &'static str,
    pub persistent_no: &'static str,
    pub update_ready: &'static str,
    pub update_now: &'static str,

    // Home: the sessions on this device
    pub sessions_heading: &'static str,
    pub new_session: &'static str,
    pub no_sessions: &'static str,
    pub status_open: &'static str,
    pub status_closed: &'static str,
    /// A damaged record leaves the state or 发出 in doubt until the organiser decides.
    pub status_uncertain: &'static str,
    pub uncertain_body: &'static str,
    pub decide_closed: &'static str,
    pub decide_open: &'static str,
    pub pin_decide_title: &'static str,
    pub pin_decide_body: fn(bool, Option<u32>) -> String,
    pub turnout: fn(Turnout) -> String,
    pub voters_choose: &'static str,
    pub start_voting: &'static str,
    pub manage: &'static str,
    pub failures_alert: fn(u32) -> String,
    pub kind_evaluation: &'static str,
    pub kind_recommendation: &'static str,
    pub kind_election: &'static str,

    // New session
    pub new_session_heading: &'static str,
    pub field_template: &'static str,
    pub field_area: &'static str,
    pub field_branch: &'static str,
    pub field_category: &'static str,
    pub field_issued: &'static str,
    pub field_idle: &'static str,
    pub field_pin: &'static str,
    pub field_pin_repeat: &'static str,
    pub pin_hint: &'static str,
    /// The browser cannot derive a PIN (no WebCrypto: the page is not served over https).
    pub pin_unavailable: &'static str,
    /// What a paper count's PIN is for.
    pub count_pin_hint: &'static str,
    pub create_session: &'static str,
    pub session_error: fn(SessionError) -> String,

    // Managing a session
    pub back_to_session: &'static str,
    pub opened_at: fn(&str) -> String,
    pub log_heading: &'static str,
    pub event_text: fn(&EventKind) -> String,
    pub close_session: &'static str,
    pub reopen_session: &'static str,
    pub view_results: &'static str,
    pub results_after_close: &'static str,
    pub set_issued: &'static str,
    pub set_attendance: &'static str,
    pub attendance_hint: &'static str,
    pub delete_session: &'static str,

    // The PIN question
    pub pin_label: &'static str,
    /// A wrong PIN, and how many in a row on this device.
    pub pin_wrong: fn(u32) -> String,
    /// PIN entry paused: wrong PINs in a row, minutes left.
    pub pin_locked: fn(u32, u64) -> String,
    /// After a right PIN: how many wrong ones came before it on this device.
    pub pin_wrong_before: fn(u32) -> String,
    pub pin_checking: &'static str,
    /// Results of a session whose close a full disk refused: ballots stored.
    pub close_not_stored: fn(u32) -> String,
    pub store_close: &'static str,
    /// A paper count some of whose steps could not be read.
    pub count_damaged: fn(u32) -> String,
    /// 「还在投票吗？」 over an unattended ballot.
    pub idle_title: &'static str,
    pub idle_body: &'static str,
    pub idle_continue: &'static str,
    pub pin_leave_title: &'static str,
    pub pin_leave_body: &'static str,
    pub pin_results_title: &'static str,
    pub pin_close_body: fn(u32) -> String,
    pub pin_reopen_body: &'static str,
    pub pin_issued_body: fn(Option<u32>) -> String,
    pub pin_attendance_body: fn(Option<u32>, Option<u32>) -> String,
    pub pin_delete_body: fn(u32) -> String,

    pub dismiss: &'static str,

    // Results
    pub results_heading: &'static str,
    pub totals: fn(u32, u32, u32, u32) -> String,
    /// The later pages (their code is a wasm chunk fetched after the first screen) could
    /// not be loaded, and the button that tries again.
    pub pages_failed: &'static str,
    pub pages_retry: &'static str,
    /// The home screen, when the store holds records and the code that reads them (the
    /// same chunk) could not be loaded; the button reloads the app.
    pub records_need_pages: &'static str,
    pub reload_app: &'static str,
    pub report_failed: &'static str,
    pub studio_failed: &'static str,
    pub templates_button: &'static str,
    pub exchange_button: &'static str,
    pub send_results: &'static str,

    // Paper count: home and starting one
    pub counts_heading: &'static str,
    pub new_count: &'static str,
    pub no_counts: &'static str,
    pub continue_count: &'static str,
    /// A count in 测试模式, on its card.
    pub test_badge: &'static str,
    pub new_count_heading: &'static str,
    pub new_count_hint: &'static str,
    pub field_count_category: &'static str,
    pub field_due: &'static str,
    pub field_present: &'static str,
    pub field_issued_paper: &'static str,
    pub field_returned: &'static str,
    pub create_count: &'static str,
    /// Ballots entered against 收回 (unknown: `None`).
    pub count_progress: fn(u32, Option<u32>) -> String,
    pub all_entered: fn(u32) -> String,

    pub ask_delete_body: fn(u32) -> String,
    pub delete_count: &'static str,
    pub figure_flag: fn(FigureFlag) -> String,
    // Template problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::count::CountOp;
    use crate::error::{Field, Path, TemplateError, TemplateErrorKind};
    use crate::template::{Item, Section, Template};
    use crate::MarkRefused;

    fn msg(path: Path, kind: TemplateErrorKind) -> String {
        (studio::ZH_CN.template_error)(&TemplateError { path, kind })
    }

    /// Each template error has exactly one message; these are the exact texts users see.
    #[test]
    fn template_error_messages_are_exact() {
        let root = Path::root();
        let cand = root
            .field(Field::Sections)
            .index(0)
            .field(Field::Candidates)
            .index(2)
            .field(Field::Name);
        let max = root.field(Field::Sections).index(1).field(Field::MaxMarks);
        let cases = [
            (
                msg(root.clone(), TemplateErrorKind::Json { line: 3, column: 7 }),
                "文件内容有误（第 3 行第 7 列），不是有效的模板文件（T01）",
            ),
            (
                msg(root.clone(), TemplateErrorKind::NotATemplate),
                "这不是本应用的模板文件（T02）",
            ),
            (
                msg(
                    root.clone(),
                    TemplateErrorKind::UnsupportedVersion { found: Some(2) },
                ),
                "模板版本 2 无法读取（本应用读取版本 1），请更新应用（T03）",
            ),
            (
                msg(
                    root.clone(),
                    TemplateErrorKind::UnsupportedVersion { found: None },
                ),
                "模板缺少版本号（T03）",
            ),
            (
                msg(
                    root.clone(),
                    TemplateErrorKind::FileTooLarge {
                        bytes: 300 * 1024,
                        limit: 256 * 1024,
                    },
                ),
                "文件太大（300 KB），模板文件最大 256 KB（T04）",
            ),
            (
                msg(root.field(Field::Title), TemplateErrorKind::Empty),
                "表格标题：不能为空（T05）",
            ),
            (
                msg(cand.clone(), TemplateErrorKind::Empty),
                "第1部分 › 第3位人选 › 姓名：不能为空（T05）",
            ),
            (
                msg(cand.clone(), TemplateErrorKind::TooLong { max: 60 }),
                "第1部分 › 第3位人选 › 姓名：太长，最多 60 个字（T06）",
            ),
            (
                msg(cand.clone(), TemplateErrorKind::ControlCharacter),
                "第1部分 › 第3位人选 › 姓名：含有不可见的控制字符（T07）",
            ),
            (
                msg(
                    root.field(Field::Sections).index(0).field(Field::Levels),
                    TemplateErrorKind::TooFew { min: 2 },
                ),
                "第1部分 › 等次：至少要有 2 项（T08）",
            ),
            (
                msg(
                    root.field(Field::Sections),
                    TemplateErrorKind::TooFew { min: 1 },
                ),
                "表格内容：至少要有 1 项（T08）",
            ),
            (
                msg(
                    root.field(Field::Categories),
                    TemplateErrorKind::TooMany { max: 10 },
                ),
                "投票人类别：最多 10 项（T09）",
            ),
            (
                msg(
                    root.field(Field::Sections)
                        .index(0)
                        .field(Field::WriteInSlots),
                    TemplateErrorKind::NumberTooHigh { max: 20 },
                ),
                "第1部分 › 另选他人栏数：最多为 20（T10）",
            ),
            (
                msg(
                    cand,
                    TemplateErrorKind::Duplicate {
                        name: "王芳".into(),
                        first: 0,
                    },
                ),
                "第1部分 › 第3位人选 › 姓名：“王芳”与第1项重复；同名的请用备注区分（T11）",
            ),
            (
                msg(
                    root.field(Field::Sections)
                        .index(0)
                        .field(Field::Candidates),
                    TemplateErrorKind::NothingToMark,
                ),
                "第1部分 › 人选名单：既没有名单也没有另选他人栏，无从推荐（T12）",
            ),
            (
                msg(max.clone(), TemplateErrorKind::MaxMarksZero),
                "第2部分 › 应推荐人数：不能为 0（T13）",
            ),
            (
                msg(
                    max.clone(),
                    TemplateErrorKind::MaxMarksAboveAvailable {
                        max_marks: 9,
                        available: 8,
                    },
                ),
                "第2部分 › 应推荐人数：9 人超过了票上可选的 8 人（名单加另选他人栏）（T14）",
            ),
            (
                msg(
                    max,
                    TemplateErrorKind::InvertedOverMarked {
                        max_marks: 5,
                        candidates: 7,
                    },
                ),
                "第2部分 › 应推荐人数：按本模板的划法，不划符号即为赞成：名单 7 人多于 5 人，原样交回的票就会超过人数而无效；请换一种划法，或调整人数（T22）",
            ),
            (
                msg(
                    root.field(Field::Round).field(Field::Sections),
                    TemplateErrorKind::RoundMismatch,
                ),
                "轮次 › 表格内容：轮次信息与选票的各部分对不上：请从上一轮的结果重新生成本轮选票（T26）",
            ),
            (
                msg(
                    (root.field(Field::Round).field(Field::Sections).index(0))
                        .field(Field::Taken)
                        .index(1),
                    TemplateErrorKind::TakenAgain {
                        name: "王建平".into(),
                    },
                ),
                "轮次 › 第1部分 › 前几轮已当选第2项：“王建平”已在前一轮当选（或列入），不能再列入本轮名单，也不能记录两次（T27）",
            ),
            (
                msg(
                    root.field(Field::Round).field(Field::Title),
                    TemplateErrorKind::TooLong { max: 60 },
                ),
                "轮次 › 表格标题：太长，最多 60 个字（T06）",
            ),
            (
                msg(root.field(Field::Round), TemplateErrorKind::BadRoundLink),
                "轮次：轮次信息有误，不是本应用生成的：请从上一轮的结果重新生成本轮选票（T28）",
            ),
        ];
        for (got, want) in cases {
            assert_eq!(got, want);
        }
    }

    #[test]
    fn item_labels_name_the_dimension_when_there_is_one() {
        let t = Lang::ZhCn.ballot();
        let item = |dimension| Item {
            subject: 0,
            subject_name: "班子整体",
            role: "",
            dimension,
        };
        assert_eq!(t.item_label(&item(Some("政治素质"))), "班子整体 · 政治素质");
        assert_eq!(t.item_label(&item(None)), "班子整体");
    }

    #[test]
    fn mark_refusals_are_exact() {
        let t = Lang::ZhCn.ballot();
        assert_eq!(
            (t.mark_refused)(&MarkRefused::LimitReached { max: 5 }),
            "最多推荐 5 人。如要改选，请先取消一人。"
        );
        assert_eq!(
            (t.mark_refused)(&MarkRefused::WriteInIsListed {
                name: "王芳".into()
            }),
            "“王芳”已在名单中，请直接在名单里选择。"
        );
        assert_eq!(
            (t.mark_refused)(&MarkRefused::WriteInTwice {
                name: "王芳".into()
            }),
            "“王芳”已经写过了。"
        );
        assert_eq!(
            (t.mark_refused)(&MarkRefused::WriteInAmbiguous {
                name: "李敏".into()
            }),
            "名单上有不止一位“李敏”，请直接在名单里选择您要推荐的那一位。"
        );
        assert_eq!(
            (t.mark_refused)(&MarkRefused::WriteInInvalid),
            "这个姓名无法使用（太长或含有特殊字符）。"
        );
    }

    /// Each session problem has one message, with its code; these are the exact texts.
    #[test]
    fn session_error_messages_are_exact() {
        use crate::form::SessionError as E;
        let t = Lang::ZhCn.texts();
        let cases = [
            (E::AreaMissing, "请填写居民区名称（S01）"),
            (
                E::UnitNameInvalid,
                "名称太长（最多 40 个字）或含有特殊字符（S02）",
            ),
            (E::CategoryUnknown, "表格里没有这个身份（S03）"),
            (E::CategoryRuleMismatch, "请选择本场投票人的身份（S04）"),
            (
                E::NumberInvalid,
                "请填写 0 到 100000 之间的整数，或留空（S05）",
            ),
            (E::PinFormat, "密码须为 6–12 位数字（S06）"),
            (E::PinMismatch, "两次输入的密码不一样（S07）"),
        ];
        for (e, text) in cases {
            assert_eq!((t.session_error)(e), text);
        }
    }

    #[test]
    fn turnout_reads_with_and_without_forms_issued() {
        use crate::session::Turnout;
        let t = Lang::ZhCn.texts();
        let known = Turnout {
            filled: 41,
            issued: Some(40),
            due: None,
            present: None,
        };
        assert_eq!((t.turnout)(known), "已投 41 张 / 发出 40 张");
        let unknown = Turnout {
            filled: 3,
            issued: None,
            due: None,
            present: None,
        };
        assert_eq!((t.turnout)(unknown), "已投 3 张（发出张数未填）");
    }

    #[test]
    fn count_messages_are_exact() {
        use crate::count::CountRefused as R;
        use crate::figures::FigureFlag as F;
        let t = Lang::ZhCn.texts();
        let flags = [
            (
                F::ReturnedExceedsIssued {
                    returned: 43,
                    issued: 42,
                },
                "收回 43 张多于发出 42 张：本次投票无效，应重新投票。（C01）",
            ),
            (
                F::PresentExceedsDue {
                    present: 41,
                    due: 40,
                },
                "实到 41 人多于应到 40 人，请核对。（C02）",
            ),
            (
                F::IssuedExceedsPresent {
                    issued: 42,
                    present: 41,
                },
                "发出 42 张多于实到 41 人，请核对。（C03）",
            ),
        ];
        for (f, text) in flags {
            assert_eq!((t.figure_flag)(f), text);
        }
        let refusals = [
            (
                R::AllReturnedEntered { returned: 30 },
                "已录入 30 张，与收回张数相同，不能再录入。如收回张数有误，请先更正。（C10）",
            ),
            (R::WrongShape, "这张票与表格不符，无法录入。（C11）"),
            (R::NoSuchBallot { seq: 9 }, "没有第 9 张票。（C12）"),
            (R::Struck { seq: 3 }, "第 3 张已划去，请先恢复。（C13）"),
            (
                R::NotStruck { seq: 3 },
                "第 3 张没有划去，无需恢复。（C14）",
            ),
            (
                R::FiguresInvalid,
                "人数和张数须为 0 到 100000 之间的整数，收回张数不能少于已录入的张数。（C15）",
            ),
        ];
        for (r, text) in refusals {
            assert_eq!((Lang::ZhCn.ballot().count_refused)(r), text);
        }
    }

    #[test]
    fn paper_ballot_verdicts_notes_and_summaries_are_exact() {
        use crate::ballot::{Ballot, DeclaredVoid};
        use crate::check::check;
        use crate::samples;
        use crate::template::OverMarkedRule;
        let t = Lang::ZhCn.ballot();
        let rec = samples::all().remove(1); // 7 names, at most 5, 2 write-in cells
        let said = |tpl: &Template, b: &Ballot| {
            let c = check(tpl, b).expect("fits");
            (t.ballot_summary(tpl, &c), t.ballot_notes(tpl, &c))
        };

        let mut b = Ballot::empty(&rec, Some(0));
        for i in [0, 1, 2, 3, 4, 5] {
            b.toggle_paper_mark(&rec, 0, i);
        }
        assert_eq!(
            said(&rec, &b),
            ("此票无效：推荐人数超过 5 人（选了 6 人）".into(), vec![])
        );
        b.toggle_paper_mark(&rec, 0, 5);
        b.toggle_paper_mark(&rec, 0, 2);
        b.set_paper_write_in(&rec, 0, 0, "赵六").expect("text");
        b.set_paper_write_in(&rec, 0, 1, "王秀英").expect("text");
        assert_eq!(
            said(&rec, &b),
            (
                "有效票：于建华、王秀英、李卫东、陈国强、赵六（另选他人）".into(),
                vec!["另选“王秀英”是名单上的人，这一栏不计".into()]
            )
        );
        b.set_paper_write_in(&rec, 0, 1, "赵 六").expect("text");
        assert_eq!(said(&rec, &b).1, vec!["“赵六”重复，只计一次".to_string()]);
        assert_eq!(
            said(&rec, &Ballot::empty(&rec, Some(0))).0,
            "空白票（没有表示任何意见）"
        );
        assert_eq!(
            said(
                &rec,
                &Ballot::declared_void(Some(0), DeclaredVoid::NonStandardMark)
            )
            .0,
            "废票：使用非规定符号"
        );

        // Over-marking that voids only its section.
        let mut spec = rec.clone().into_spec();
        if let Section::Recommendation(r) = &mut spec.sections[0] {
            r.over_marked = OverMarkedRule::VoidSection;
        }
        let lenient = spec.check().expect("valid");
        let mut b = Ballot::empty(&lenient, Some(0));
        for i in 0..6 {
            b.toggle_paper_mark(&lenient, 0, i);
        }
        assert_eq!(
            said(&lenient, &b),
            (
                "有效票".into(),
                vec![
                    "「党组织委员候选人初步人选」推荐人数超过 5 人（选了 6 人），这一部分不计"
                        .into()
                ]
            )
        );
        // The same in an election says 应选人数.
        let mut spec = lenient.into_spec();
        if let Some(Section::Recommendation(r)) = spec.sections.get_mut(0) {
            r.election = Some(crate::template::Contest::Competitive);
            r.max_marks = 5;
            // An election's seats are its max_marks, not a rule.
            r.rules.retain(|rule| !rule.starts_with("seats"));
        }
        let election = spec.check().expect("valid: 7 names for 5 seats");
        assert_eq!(
            said(&election, &b).1,
            ["「党组织委员候选人初步人选」赞成的人数超过应选人数 5 人（选了 6 人），这一部分不计"]
        );

        // An evaluation: levels counted, a doubly marked item named.
        let eval = samples::all().remove(0);
        let mut b = Ballot::empty(&eval, Some(0));
        b.toggle_paper_level(&eval, 0, 0, 0);
        b.toggle_paper_level(&eval, 0, 1, 0);
        b.toggle_paper_level(&eval, 0, 3, 1);
        b.toggle_paper_level(&eval, 0, 4, 0);
        b.toggle_paper_level(&eval, 0, 4, 2);
        let (summary, notes) = said(&eval, &b);
        assert_eq!(summary, "有效票：满意 2 · 基本满意 1");
        assert_eq!(
            notes,
            vec!["「朱建国」选了多个等次，这一项不计".to_string()]
        );
    }

    #[test]
    fn audit_entries_are_exact() {
        use crate::figures::Figures;
        let t = Lang::ZhCn.ballot();
        assert_eq!((t.audit_entry)(&CountOp::Strike { seq: 4 }), "第 4 张划去");
        assert_eq!((t.audit_entry)(&CountOp::Restore { seq: 4 }), "第 4 张恢复");
        let figures = Figures {
            due: Some(50),
            present: Some(45),
            issued: None,
            returned: Some(45),
        };
        assert_eq!(
            (t.audit_entry)(&CountOp::SetFigures { figures }),
            "人数张数改为：应到 50，实到 45，发出 未填，收回 45"
        );
        assert_eq!(
            (Lang::ZhCn.texts().count_progress)(3, Some(30)),
            "已录入 3 张 / 收回 30 张"
        );
        assert_eq!(
            (Lang::ZhCn.texts().count_progress)(3, None),
            "已录入 3 张（收回张数未填）"
        );
    }
}
