//! The template editor's operations: every change the editor can make to a
//! [`TemplateSpec`], as data. The editor's reducer only applies them; what each does is
//! here and tested natively. An edit that names something that is not there (a stale index
//! from a double tap) changes nothing and says so, never panics.
//!
//! The spec may be wrong in any way while it is edited: the checks of
//! [`TemplateSpec::check`] run after every edit, and each problem's [`Path`] is matched to
//! the field it concerns through [`Text::path`] and [`List::path`].

use crate::error::{Field, Path};
use crate::template::{
    BadWriteIn, Candidate, Contest, MarkSymbol, OverMarkedRule, Scheme, Section, Subject,
    TemplateSpec, Unmarked,
};

/// A text field of the spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    Title,
    Issuer,
    Notes,
    Category(usize),
    Rule(usize),
    SectionTitle(usize),
    /// (section, rule)
    SectionRule(usize, usize),
    /// (section, subject)
    SubjectName(usize, usize),
    SubjectRole(usize, usize),
    /// (section, subject, dimension)
    Dimension(usize, usize, usize),
    /// (section, level)
    Level(usize, usize),
    /// (section, candidate)
    CandidateName(usize, usize),
    CandidateNote(usize, usize),
}

/// A list of the spec whose items can be added, removed and reordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Categories,
    Rules,
    Sections,
    SectionRules(usize),
    Subjects(usize),
    /// (section, subject)
    Dimensions(usize, usize),
    Levels(usize),
    Candidates(usize),
}

/// A number field of a recommendation section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Number {
    MaxMarks,
    WriteInSlots,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    SetText(Text, String),
    /// Appends an empty item (the checks then ask for its text).
    Add(List),
    AddSection(Section),
    Remove(List, usize),
    /// Moves the item at `from` to position `to` (drag and drop, or ↑ ↓).
    Move(List, usize, usize),
    SetNumber(usize, Number, u16),
    SetRepeatListed(usize, bool),
    SetOverMarked(usize, OverMarkedRule),
    /// The write-in rules of a section: the written name must be marked 赞成; 另选他人 only
    /// after 反对; what breaking them voids.
    SetNeedsMark(usize, bool),
    SetAfterOppose(usize, bool),
    SetBadWriteIn(usize, BadWriteIn),
    /// An election's contest: 等额 or 差额.
    SetContest(usize, Contest),
    SetSymbol(MarkSymbol),
    SetUnmarked(Unmarked),
    /// The marking scheme: ○ only, ○ and × (赞成/反对/弃权), or inverted.
    SetScheme(Scheme),
    /// 「按姓氏笔画排序」 of a recommendation's names or an evaluation's subjects.
    SortByStrokes(usize),
    /// Names pasted at once (one per line, or separated by 、，, ; or tabs): appended to a
    /// recommendation's names or an evaluation's subjects.
    AddNames(usize, String),
}

impl Text {
    /// Where the checks report a problem with this field.
    pub fn path(self) -> Path {
        let root = Path::root();
        let sec = |s: usize| root.field(Field::Sections).index(s);
        match self {
            Text::Title => root.field(Field::Title),
            Text::Issuer => root.field(Field::Issuer),
            Text::Notes => root.field(Field::Notes),
            Text::Category(i) => root.field(Field::Categories).index(i),
            Text::Rule(i) => root.field(Field::Rules).index(i),
            Text::SectionTitle(s) => sec(s).field(Field::Title),
            Text::SectionRule(s, i) => sec(s).field(Field::Rules).index(i),
            Text::SubjectName(s, i) => sec(s).field(Field::Subjects).index(i).field(Field::Name),
            Text::SubjectRole(s, i) => sec(s).field(Field::Subjects).index(i).field(Field::Role),
            Text::Dimension(s, i, j) => sec(s)
                .field(Field::Subjects)
                .index(i)
                .field(Field::Dimensions)
                .index(j),
            Text::Level(s, i) => sec(s).field(Field::Levels).index(i),
            Text::CandidateName(s, i) => {
                sec(s).field(Field::Candidates).index(i).field(Field::Name)
            }
            Text::CandidateNote(s, i) => {
                sec(s).field(Field::Candidates).index(i).field(Field::Note)
            }
        }
    }
}

impl List {
    /// Where the checks report a problem with the list as a whole (too few, too many).
    pub fn path(self) -> Path {
        let root = Path::root();
        let sec = |s: usize| root.field(Field::Sections).index(s);
        match self {
            List::Categories => root.field(Field::Categories),
            List::Rules => root.field(Field::Rules),
            List::Sections => root.field(Field::Sections),
            List::SectionRules(s) => sec(s).field(Field::Rules),
            List::Subjects(s) => sec(s).field(Field::Subjects),
            List::Dimensions(s, i) => sec(s)
                .field(Field::Subjects)
                .index(i)
                .field(Field::Dimensions),
            List::Levels(s) => sec(s).field(Field::Levels),
            List::Candidates(s) => sec(s).field(Field::Candidates),
        }
    }

    /// How many items the list has now (0 when it does not exist).
    pub fn len(self, spec: &TemplateSpec) -> usize {
        let mut spec = spec.clone();
        with_list(&mut spec, self, |l| l.len()).unwrap_or(0)
    }
}

impl Number {
    pub fn path(self, section: usize) -> Path {
        let field = match self {
            Number::MaxMarks => Field::MaxMarks,
            Number::WriteInSlots => Field::WriteInSlots,
        };
        Path::root()
            .field(Field::Sections)
            .index(section)
            .field(field)
    }
}

/// The operations every list supports, whatever its items.
trait Items {
    fn len(&self) -> usize;
    fn push_empty(&mut self);
    fn remove_at(&mut self, i: usize) -> bool;
    fn move_item(&mut self, from: usize, to: usize) -> bool;
}

impl<T: Default> Items for Vec<T> {
    fn len(&self) -> usize {
        Vec::len(self)
    }
    fn push_empty(&mut self) {
        self.push(T::default());
    }
    fn remove_at(&mut self, i: usize) -> bool {
        if i < self.len() {
            self.remove(i);
            true
        } else {
            false
        }
    }
    fn move_item(&mut self, from: usize, to: usize) -> bool {
        if from >= self.len() || to >= self.len() || from == to {
            return false;
        }
        let item = self.remove(from);
        self.insert(to, item);
        true
    }
}

/// Sections have no empty default: they are added with [`Edit::AddSection`].
struct SectionList<'a>(&'a mut Vec<Section>);

impl Items for SectionList<'_> {
    fn len(&self) -> usize {
        self.0.len()
    }
    fn push_empty(&mut self) {}
    fn remove_at(&mut self, i: usize) -> bool {
        if i < self.0.len() {
            self.0.remove(i);
            true
        } else {
            false
        }
    }
    fn move_item(&mut self, from: usize, to: usize) -> bool {
        if from >= self.0.len() || to >= self.0.len() || from == to {
            return false;
        }
        let item = self.0.remove(from);
        self.0.insert(to, item);
        true
    }
}

fn section_rules(s: &mut Section) -> &mut Vec<String> {
    match s {
        Section::Evaluation(e) => &mut e.rules,
        Section::Recommendation(r) => &mut r.rules,
    }
}

fn with_list<R>(
    spec: &mut TemplateSpec,
    list: List,
    f: impl FnOnce(&mut dyn Items) -> R,
) -> Option<R> {
    let sections = &mut spec.sections;
    Some(match list {
        List::Categories => f(&mut spec.categories),
        List::Rules => f(&mut spec.rules),
        List::Sections => f(&mut SectionList(sections)),
        List::SectionRules(s) => f(section_rules(sections.get_mut(s)?)),
        List::Subjects(s) => match sections.get_mut(s)? {
            Section::Evaluation(e) => f(&mut e.subjects),
            Section::Recommendation(_) => return None,
        },
        List::Dimensions(s, i) => match sections.get_mut(s)? {
            Section::Evaluation(e) => f(&mut e.subjects.get_mut(i)?.dimensions),
            Section::Recommendation(_) => return None,
        },
        List::Levels(s) => match sections.get_mut(s)? {
            Section::Evaluation(e) => f(&mut e.levels),
            Section::Recommendation(_) => return None,
        },
        List::Candidates(s) => match sections.get_mut(s)? {
            Section::Recommendation(r) => f(&mut r.candidates),
            Section::Evaluation(_) => return None,
        },
    })
}

fn text_mut(spec: &mut TemplateSpec, text: Text) -> Option<&mut String> {
    let sections = &mut spec.sections;
    Some(match text {
        Text::Title => &mut spec.title,
        Text::Issuer => &mut spec.issuer,
        Text::Notes => &mut spec.notes,
        Text::Category(i) => spec.categories.get_mut(i)?,
        Text::Rule(i) => spec.rules.get_mut(i)?,
        Text::SectionTitle(s) => match sections.get_mut(s)? {
            Section::Evaluation(e) => &mut e.title,
            Section::Recommendation(r) => &mut r.title,
        },
        Text::SectionRule(s, i) => section_rules(sections.get_mut(s)?).get_mut(i)?,
        Text::SubjectName(s, i) | Text::SubjectRole(s, i) | Text::Dimension(s, i, _) => {
            let Section::Evaluation(e) = sections.get_mut(s)? else {
                return None;
            };
            let subject = e.subjects.get_mut(i)?;
            match text {
                Text::SubjectName(..) => &mut subject.name,
                Text::SubjectRole(..) => &mut subject.role,
                Text::Dimension(_, _, j) => subject.dimensions.get_mut(j)?,
                _ => return None,
            }
        }
        Text::Level(s, i) => match sections.get_mut(s)? {
            Section::Evaluation(e) => e.levels.get_mut(i)?,
            Section::Recommendation(_) => return None,
        },
        Text::CandidateName(s, i) | Text::CandidateNote(s, i) => {
            let Section::Recommendation(r) = sections.get_mut(s)? else {
                return None;
            };
            let c = r.candidates.get_mut(i)?;
            if matches!(text, Text::CandidateName(..)) {
                &mut c.name
            } else {
                &mut c.note
            }
        }
    })
}

/// The names in a pasted text: one per line, or separated by 、，, ; or tabs. Spaces inside
/// a name stay (「周  敏」 is printed so).
pub fn split_names(text: &str) -> Vec<String> {
    text.split(['\n', '\r', '、', '，', ',', '；', ';', '\t'])
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

/// Applies one edit; `false` when it named nothing that exists (the spec is unchanged).
pub fn apply(spec: &mut TemplateSpec, edit: Edit) -> bool {
    match edit {
        Edit::SetText(text, value) => match text_mut(spec, text) {
            Some(field) => {
                *field = value;
                true
            }
            None => false,
        },
        Edit::Add(list) => {
            with_list(spec, list, |l| l.push_empty()).is_some() && list != List::Sections
        }
        Edit::AddSection(section) => {
            spec.sections.push(section);
            true
        }
        Edit::Remove(list, i) => with_list(spec, list, |l| l.remove_at(i)).unwrap_or(false),
        Edit::Move(list, from, to) => {
            with_list(spec, list, |l| l.move_item(from, to)).unwrap_or(false)
        }
        Edit::SetNumber(s, number, value) => match spec.sections.get_mut(s) {
            Some(Section::Recommendation(r)) => {
                match number {
                    Number::MaxMarks => r.max_marks = value,
                    Number::WriteInSlots => r.write_in_slots = value,
                }
                true
            }
            _ => false,
        },
        Edit::SetRepeatListed(s, value) => match spec.sections.get_mut(s) {
            Some(Section::Recommendation(r)) => {
                r.write_in_may_repeat_listed = value;
                true
            }
            _ => false,
        },
        Edit::SetOverMarked(s, value) => match spec.sections.get_mut(s) {
            Some(Section::Recommendation(r)) => {
                r.over_marked = value;
                true
            }
            _ => false,
        },
        Edit::SetNeedsMark(s, value) => match spec.sections.get_mut(s) {
            Some(Section::Recommendation(r)) => {
                r.write_in_needs_mark = value;
                true
            }
            _ => false,
        },
        Edit::SetAfterOppose(s, value) => match spec.sections.get_mut(s) {
            Some(Section::Recommendation(r)) => {
                r.write_in_after_oppose = value;
                true
            }
            _ => false,
        },
        Edit::SetBadWriteIn(s, value) => match spec.sections.get_mut(s) {
            Some(Section::Recommendation(r)) => {
                r.bad_write_in = value;
                true
            }
            _ => false,
        },
        Edit::SetContest(s, value) => match spec.sections.get_mut(s) {
            Some(Section::Recommendation(r)) if r.election.is_some() => {
                r.election = Some(value);
                true
            }
            _ => false,
        },
        Edit::SetSymbol(symbol) => {
            spec.marking.symbol = symbol;
            true
        }
        Edit::SetUnmarked(unmarked) => {
            spec.marking.unmarked = unmarked;
            true
        }
        Edit::SetScheme(scheme) => {
            spec.marking.scheme = scheme;
            true
        }
        Edit::SortByStrokes(s) => match spec.sections.get_mut(s) {
            Some(Section::Recommendation(r)) => {
                r.sort_by_strokes();
                true
            }
            Some(Section::Evaluation(e)) => {
                crate::strokes::sort_by_strokes(&mut e.subjects, |x| &x.name);
                true
            }
            None => false,
        },
        Edit::AddNames(s, text) => {
            let names = split_names(&text);
            match spec.sections.get_mut(s) {
                Some(Section::Recommendation(r)) => {
                    r.candidates.extend(names.into_iter().map(|name| Candidate {
                        name,
                        note: String::new(),
                    }));
                    true
                }
                Some(Section::Evaluation(e)) => {
                    e.subjects.extend(names.into_iter().map(|name| Subject {
                        name,
                        ..Subject::default()
                    }));
                    true
                }
                None => false,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::TemplateErrorKind;
    use crate::samples;
    use crate::template::{EvaluationSection, RecommendationSection};

    fn rec() -> TemplateSpec {
        samples::all()[1].clone().into_spec()
    }

    fn names(spec: &TemplateSpec) -> Vec<String> {
        match &spec.sections[0] {
            Section::Recommendation(r) => r.candidates.iter().map(|c| c.name.clone()).collect(),
            Section::Evaluation(e) => e.subjects.iter().map(|c| c.name.clone()).collect(),
        }
    }

    #[test]
    fn texts_are_set_where_their_paths_point() {
        let mut spec = rec();
        assert!(apply(
            &mut spec,
            Edit::SetText(Text::CandidateName(0, 1), String::new())
        ));
        let errors = spec.clone().check().expect_err("empty name");
        assert_eq!(errors[0].path, Text::CandidateName(0, 1).path());
        assert_eq!(errors[0].path.to_string(), "sections[0].candidates[1].name");
        assert_eq!(errors[0].kind, TemplateErrorKind::Empty);
        // Names that are not there change nothing.
        let before = spec.clone();
        assert!(!apply(
            &mut spec,
            Edit::SetText(Text::CandidateName(0, 99), "x".into())
        ));
        assert!(!apply(
            &mut spec,
            Edit::SetText(Text::Level(0, 0), "x".into())
        ));
        assert!(!apply(
            &mut spec,
            Edit::SetText(Text::SectionTitle(5), "x".into())
        ));
        assert_eq!(spec, before);
    }

    #[test]
    fn add_remove_and_move_items() {
        let mut spec = rec();
        let n = List::Candidates(0).len(&spec);
        assert!(apply(&mut spec, Edit::Add(List::Candidates(0))));
        assert_eq!(List::Candidates(0).len(&spec), n + 1);
        let errors = spec.clone().check().expect_err("new name is empty");
        assert_eq!(errors[0].path, Text::CandidateName(0, n).path());
        assert!(apply(&mut spec, Edit::Remove(List::Candidates(0), n)));
        assert_eq!(spec, rec());

        let first = names(&spec)[0].clone();
        assert!(apply(&mut spec, Edit::Move(List::Candidates(0), 0, 2)));
        assert_eq!(names(&spec)[2], first);
        assert!(!apply(&mut spec, Edit::Move(List::Candidates(0), 0, 99)));
        assert!(!apply(&mut spec, Edit::Remove(List::Levels(0), 0)));
        assert!(!apply(&mut spec, Edit::Add(List::Sections)));

        assert!(apply(&mut spec, Edit::Add(List::Categories)));
        assert_eq!(spec.categories.len(), 3);
        assert!(apply(&mut spec, Edit::Remove(List::Sections, 0)));
        let errors = spec.check().expect_err("no sections");
        assert!(errors.iter().any(|e| e.path == List::Sections.path()));
    }

    #[test]
    fn sections_of_both_kinds_are_edited() {
        let mut spec = TemplateSpec::new("测评表", "某街道");
        apply(
            &mut spec,
            Edit::AddSection(Section::Evaluation(EvaluationSection {
                title: "测评".into(),
                subjects: vec![],
                levels: vec!["满意".into(), "不满意".into()],
                rules: vec![],
            })),
        );
        apply(
            &mut spec,
            Edit::AddSection(Section::Recommendation(RecommendationSection {
                title: "推荐".into(),
                candidates: vec![],
                max_marks: 1,
                election: None,
                write_in_slots: 0,
                write_in_may_repeat_listed: false,
                write_in_needs_mark: false,
                write_in_after_oppose: false,
                bad_write_in: Default::default(),
                over_marked: OverMarkedRule::VoidBallot,
                rules: vec![],
            })),
        );
        assert!(apply(
            &mut spec,
            Edit::AddNames(0, "张三\n李四、 王五 ".into())
        ));
        assert!(apply(&mut spec, Edit::Add(List::Dimensions(0, 0))));
        assert!(apply(
            &mut spec,
            Edit::SetText(Text::Dimension(0, 0, 0), "廉洁".into())
        ));
        assert!(apply(
            &mut spec,
            Edit::SetText(Text::SubjectRole(0, 0), "书记".into())
        ));
        assert!(apply(&mut spec, Edit::AddNames(1, "甲，乙".into())));
        assert!(apply(&mut spec, Edit::SetNumber(1, Number::MaxMarks, 2)));
        assert!(apply(
            &mut spec,
            Edit::SetNumber(1, Number::WriteInSlots, 1)
        ));
        assert!(apply(&mut spec, Edit::SetRepeatListed(1, true)));
        assert!(!apply(&mut spec, Edit::SetNumber(0, Number::MaxMarks, 2)));
        assert!(apply(&mut spec, Edit::SetSymbol(MarkSymbol::Tick)));
        assert!(apply(&mut spec, Edit::SetScheme(Scheme::AgreeOppose)));
        assert!(apply(&mut spec, Edit::SetNeedsMark(1, true)));
        assert!(apply(&mut spec, Edit::SetAfterOppose(1, true)));
        assert!(apply(
            &mut spec,
            Edit::SetBadWriteIn(1, BadWriteIn::VoidBallot)
        ));
        assert!(!apply(&mut spec, Edit::SetNeedsMark(0, true)));
        let t = spec.clone().check().expect("valid");
        assert_eq!(t.spec().marking.scheme, Scheme::AgreeOppose);
        let Section::Evaluation(e) = &t.sections()[0] else {
            panic!()
        };
        assert_eq!(e.subjects[0].dimensions, ["廉洁"]);
        assert_eq!(e.subjects[0].role, "书记");
        assert_eq!(names(&spec), ["张三", "李四", "王五"]);

        assert!(apply(&mut spec, Edit::SetNumber(1, Number::MaxMarks, 4)));
        let errors = spec.check().expect_err("4 > 2 names + 1 slot");
        assert_eq!(errors[0].path, Number::MaxMarks.path(1));
    }

    #[test]
    fn stroke_order_sorts_names_and_subjects() {
        let mut spec = rec();
        let sorted = names(&spec);
        apply(&mut spec, Edit::Move(List::Candidates(0), 0, 6));
        assert_ne!(names(&spec), sorted);
        assert!(apply(&mut spec, Edit::SortByStrokes(0)));
        assert_eq!(names(&spec), sorted);
        assert!(!apply(&mut spec, Edit::SortByStrokes(3)));
    }

    #[test]
    fn pasted_names_split_on_common_separators() {
        assert_eq!(
            split_names("王一\r\n王二、王三，王四,王五；王六;王七\t周  敏\n\n"),
            ["王一", "王二", "王三", "王四", "王五", "王六", "王七", "周  敏"]
        );
        assert!(split_names(" 、\n").is_empty());
    }
}
