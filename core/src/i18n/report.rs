//! The strings of the results, report and export module (loaded on demand). A catalogue of
//! its own, so that none of it reaches the first-load app, which never refers to it.
//! The flag messages (codes C01–C03, R01–R06) are here, one per code.

use crate::results::Flag;
use crate::rules::{Base, Compare};

pub struct ReportTexts {
    /// How the module's views join a label and its value, clauses, a note.
    pub punct: &'static super::Punct,
    pub report_title: &'static str,
    /// A rehearsal's result (测试模式), on every view and export of it.
    pub test_result: &'static str,
    pub test_word: &'static str,
    pub form_title: &'static str,
    pub votes_of: fn(u32) -> String,
    /// Beside a listed name's votes under a scheme with ×: its 反对 and 弃权.
    pub against_of: fn(u32, u32) -> String,
    pub signature: fn(&str) -> String,
    pub date_of: fn(u32, u32, u32) -> String,
    pub input_unreadable: fn(&str) -> String,
    pub input_template: fn(&[String]) -> String,
    /// A template's problem, with where it is (the app's first load does not carry these).
    pub template_error: fn(&crate::error::TemplateError) -> String,
    pub input_shape: &'static str,
    pub announce: &'static str,
    pub close_announce: &'static str,
    pub print_report: &'static str,
    pub export_csv: &'static str,
    pub export_xlsx: &'static str,
    pub xlsx_preparing: &'static str,
    pub file_saved: fn(&str) -> String,
    pub failed: fn(&str) -> String,
    pub results_heading: &'static str,
    pub announce_heading: &'static str,
    pub unit: &'static str,
    pub category: &'static str,
    pub date: &'static str,
    pub template_code: &'static str,
    pub result_code: &'static str,
    pub result_code_hint: &'static str,
    pub issuer: &'static str,
    pub combined: &'static str,
    pub uncategorised: &'static str,
    pub view: &'static str,
    pub due: &'static str,
    pub present: &'static str,
    pub issued: &'static str,
    pub returned: &'static str,
    pub valid: &'static str,
    pub blank: &'static str,
    pub void: &'static str,
    pub persons: &'static str,
    pub not_entered: &'static str,
    pub sheets: &'static str,
    pub col_rank: &'static str,
    pub col_name: &'static str,
    pub col_votes: &'static str,
    /// Under a scheme with ×: 反对, 弃权, and boxes that could not be read.
    pub col_opposed: &'static str,
    pub col_abstained: &'static str,
    pub col_unreadable: &'static str,
    pub col_score: &'static str,
    pub col_rate: &'static str,
    pub col_majority: &'static str,
    pub col_status: &'static str,
    pub col_tally: &'static str,
    pub col_subject: &'static str,
    pub col_unrated: &'static str,
    pub col_spoiled: &'static str,
    pub col_outside: &'static str,
    pub col_base: &'static str,
    /// The alert column's mark: a word beside the sign, never the sign alone.
    pub alert_mark: &'static str,
    pub col_positive_rate: &'static str,
    pub col_alert: &'static str,
    pub write_in_mark: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub status_taken: &'static str,
    pub status_tied: &'static str,
    pub status_not_taken: &'static str,
    /// An election's statuses, and the line under its title (等额 or 差额, seats).
    pub status_elected: &'static str,
    pub status_not_elected: &'static str,
    pub election_line: fn(crate::template::Contest, u16) -> String,
    pub flags_heading: &'static str,
    pub corrections_heading: &'static str,
    pub paper_code: &'static str,
    pub paper_code_label: &'static str,
    pub correction: fn(&str, Option<u32>, Option<u32>, &str) -> String,
    pub corrected_flag: fn(&str) -> String,
    pub no_flags: &'static str,
    pub blocking: &'static str,
    pub warning: &'static str,
    pub signatures: [&'static str; 3],
    pub signature_date: &'static str,
    pub no_ballots: &'static str,
    pub sources_heading: &'static str,
    pub source_unit: &'static str,
    pub sources_total: &'static str,
    pub chart_label: fn(&str) -> String,
    pub levels_chart_label: fn(&str) -> String,
    pub section_counts: fn(u32, u32, u32) -> String,
    pub rate_of: fn(Base, Option<u32>) -> String,
    pub rate_base_is: fn(Base) -> String,
    pub item: fn(&str, &str, Option<&str>) -> String,
    pub shortlist: fn(u16, u64) -> String,
    pub positive_levels: fn(&[&str]) -> String,
    pub base_name: fn(Base) -> &'static str,
    pub flag: fn(&Flag, &[String]) -> String,
    /// A results file's name from its parts (template, unit, category, kind, date) and its
    /// extension: 「…推荐票-长乐居民区-第一支部-党员-纸质计票-2026-12-03-计票结果.csv」.
    pub results_file: fn(&[&str], &str) -> String,
    /// What a result is, in its file name.
    pub kind_tablet: &'static str,
    pub kind_paper: &'static str,
    pub kind_merged: &'static str,
    /// Rounds: the button that makes the next round's ballot, what it does, why none is
    /// made (N01–N05), the new round's title, the line that links a round to the rounds
    /// before it, and the list combined over the rounds.
    pub next_round: fn(u16) -> String,
    pub next_round_hint: &'static str,
    pub derive_refused: fn(&crate::round::DeriveRefused, &[String]) -> String,
    pub round_title: fn(&str, u16) -> String,
    pub round_line: fn(u16, crate::template::RoundKind, &str, &str) -> String,
    pub combined_heading: fn(bool) -> &'static str,
    pub col_round: &'static str,
    pub round_of: fn(u16) -> String,
    pub still_open: fn(u16, &[String], bool) -> String,
}

pub static ZH_CN: ReportTexts = ReportTexts {
    punct: &super::ZH_PUNCT,
    next_round: |n| format!("生成第{n}轮选票"),
    next_round_hint: "根据本结果生成下一轮的选票：只列需要再投的人选，名额为尚未确定的名额，作为新模板导入模板库，可打印，也可用于平板投票和唱票。请先确认本结果是全部选票的结果。",
    derive_refused: |e, sections| {
        use crate::round::DeriveRefused as D;
        let name = |i: &usize| sections.get(*i).map_or(String::new(), |s| format!("“{s}”"));
        let text = match e {
            D::NothingToDecide => "本结果已确定全部名额，不需要下一轮投票。".to_string(),
            D::NotStanding => {
                "本次投票有须先处理的问题（见说明），不能据此进行下一轮投票。".to_string()
            }
            D::TooFewNames {
                section,
                needed,
                have,
            } => format!(
                "{}另行选举需要 {needed} 名候选人，未当选的只有 {have} 名：请另行提名，在模板编辑器中制作下一轮选票。",
                name(section)
            ),
            D::TieForNames { section } => format!(
                "{}等额另行选举的候选人要在得票相等的人中确定，应由会议决定：请在模板编辑器中制作下一轮选票。",
                name(section)
            ),
            D::Invalid { code } => {
                format!("无法生成下一轮选票（{code}）：请在模板编辑器中制作。")
            }
            D::Unfinished { entered, returned } => format!(
                "已录入 {entered} 张，收回 {returned} 张：全部录入后才能生成下一轮选票。"
            ),
        };
        format!("{text}（{}）", e.code())
    },
    round_title: |first, n| format!("{first}（第{n}轮）"),
    round_line: |n, kind, first, after| {
        let kind = match kind {
            crate::template::RoundKind::Revote => "再次投票",
            crate::template::RoundKind::Further => "另行选举",
        };
        format!(
            "第{n}轮投票（{kind}）。第1轮模板校验码 {first}，上一轮 {after}；前几轮当选的人以各轮签字的报告单为准。"
        )
    },
    combined_heading: |election| {
        if election {
            "各轮合并当选名单"
        } else {
            "各轮合并初步人选名单"
        }
    },
    col_round: "轮次",
    round_of: |n| format!("第{n}轮"),
    still_open: |places, tied, election| {
        if !tied.is_empty() {
            format!("尚有 {places} 个名额未定：{} 得票相等，需再次投票。", tied.join("、"))
        } else if election {
            format!("尚有 {places} 个名额未选出，需另行选举。")
        } else {
            format!("尚有 {places} 个名额未确定，需另行推荐。")
        }
    },
    report_title: "计票结果报告单",
    test_result: "测试：演练计票的结果，不作数",
    test_word: "测试",
    form_title: "表格",
    votes_of: |n| format!("{n} 票"),
    against_of: |opposed, abstained| format!("反对 {opposed}，弃权 {abstained}"),
    signature: |who| format!("{who}（签名）："),
    date_of: |y, m, d| format!("{y}年{m}月{d}日"),
    input_unreadable: |detail| format!("结果数据无法读取：{detail}（E01）"),
    input_template: |problems| format!("结果所用的模板有误：{}（E02）", problems.join("；")),
    template_error: super::zh_cn::template_error,
    input_shape: "计数与模板不符（E03）",
    announce: "公布结果",
    close_announce: "关闭公布",
    print_report: "打印报告单",
    export_csv: "导出 CSV",
    export_xlsx: "导出 Excel",
    xlsx_preparing: "正在生成 Excel 文件…",
    file_saved: |name| format!("已导出：{name}"),
    failed: |why| format!("操作没有完成：{why}"),
    results_heading: "计票结果",
    announce_heading: "公布结果",
    unit: "单位",
    category: "投票人类别",
    date: "日期",
    template_code: "模板编号",
    result_code: "结果校验码",
    result_code_hint:
        "结果文件、二维码和汇总中的这份结果，结果校验码都应与此相同；不同即被改动过。",
    issuer: "发布单位",
    combined: "合计",
    uncategorised: "未分类",
    view: "查看",
    due: "应到",
    present: "实到",
    issued: "发出",
    returned: "收回",
    valid: "有效",
    blank: "空白",
    void: "无效",
    persons: "人",
    not_entered: "未填",
    sheets: "张",
    col_rank: "名次",
    col_name: "姓名",
    col_votes: "得票",
    col_opposed: "反对",
    col_abstained: "弃权",
    col_unreadable: "无法辨认",
    col_score: "加权得票",
    col_rate: "得票率",
    col_majority: "过半数",
    col_status: "结果",
    col_tally: "正字",
    col_subject: "测评对象",
    col_unrated: "未评",
    col_spoiled: "多选无效",
    col_outside: "空白、废票或未投",
    col_base: "基数",
    alert_mark: "⚠ 预警",
    col_positive_rate: "满意率",
    col_alert: "提示",
    write_in_mark: "（另选）",
    yes: "是",
    no: "否",
    status_taken: "列入",
    status_tied: "并列，需再次投票",
    status_not_taken: "未列入",
    status_elected: "当选",
    status_not_elected: "未当选",
    election_line: |contest, seats| match contest {
        crate::template::Contest::Equal => format!("等额选举，应选 {seats} 人，得票超过规定的当选"),
        crate::template::Contest::Competitive => {
            format!("差额选举，应选 {seats} 人，得票超过规定的按得票多少当选")
        }
    },
    flags_heading: "说明",
    corrections_heading: "修改记录",
    paper_code: "本表结果的二维码（带本机签名）：汇总时在“结果汇总与核对 → 汇总”中扫描或拍照读取，结果校验码应与上方相同。",
    paper_code_label: "本表结果的二维码",
    correction: |figure, from, to, at| {
        let v = |n: Option<u32>| n.map_or_else(|| "未填".to_string(), |n| n.to_string());
        let at = if at.is_empty() {
            String::new()
        } else {
            format!("（{at} 修改）")
        };
        format!("{figure}：{} → {}{at}", v(from), v(to))
    },
    corrected_flag: |text| format!("修改前：{text}（已修改）"),
    no_flags: "无",
    blocking: "不能成立",
    warning: "请注意",
    signatures: ["监票人", "计票人", "唱票人"],
    signature_date: "年　　月　　日",
    no_ballots: "还没有选票。",
    sources_heading: "各来源",
    source_unit: "单位",
    sources_total: "合计",
    chart_label: |title| format!("{title}：得票条形图"),
    levels_chart_label: |title| format!("{title}：各等次比例图"),
    section_counts: |counted, blank, void| {
        format!("计入 {counted} 张，本部分未选 {blank} 张，无效 {void} 张")
    },
    rate_base_is: |base| format!("比例以{}为基数", base_name(base)),
    item,
    rate_of: |base, value| match value {
        Some(v) => format!("比例以{} {v} 为基数", base_name(base)),
        None => format!("比例以{}为基数（未填写）", base_name(base)),
    },
    shortlist: |seats, take| format!("应选 {seats} 人，按得票多少取 {take} 名初步人选（含差额）"),
    positive_levels: |levels| format!("满意率 = ({}) ÷ 基数", levels.join(" + ")),
    base_name,
    flag,
    results_file: |parts, ext| {
        let mut all = parts.to_vec();
        all.push("计票结果");
        crate::names::file_name(&all, ext)
    },
    kind_tablet: "平板投票",
    kind_paper: "纸质计票",
    kind_merged: "汇总",
};

#[cfg(feature = "exchange")]
impl ReportTexts {
    /// What a result is, in its file name: one word per kind, for the results module's
    /// exports and the desk's results files alike.
    pub fn kind(&self, kind: crate::exchange::Kind) -> &'static str {
        use crate::exchange::Kind;
        match kind {
            Kind::Tablet => self.kind_tablet,
            Kind::Paper => self.kind_paper,
            Kind::Merged => self.kind_merged,
        }
    }
}

/// An evaluation item as the app's catalogue names it (「班子整体 · 政治素质」), with the
/// subject's role when there is one (「王秀英（书记）」).
fn item(name: &str, role: &str, dimension: Option<&str>) -> String {
    let label = crate::Lang::default()
        .ballot()
        .item_label(&crate::template::Item {
            subject: 0,
            subject_name: name,
            role,
            dimension,
        });
    if role.is_empty() {
        label
    } else {
        format!("{label}（{role}）")
    }
}

fn base_name(b: Base) -> &'static str {
    match b {
        Base::Due => "应到人数",
        Base::Present => "实到人数",
        Base::Issued => "发出票数",
        Base::Returned => "收回票数",
        Base::Valid => "有效票数",
    }
}

fn compare_words(c: Compare) -> &'static str {
    match c {
        Compare::Above => "超过",
        Compare::AtLeast => "达到",
        Compare::Below => "低于",
        Compare::AtMost => "不超过",
    }
}

/// One message per flag code. `sections` are the section titles, for messages that name one.
fn flag(f: &Flag, sections: &[String]) -> String {
    super::zh_cn::coded(&flag_text(f, sections), f.code())
}

fn flag_text(f: &Flag, sections: &[String]) -> String {
    let title = |i: &usize| sections.get(*i).cloned().unwrap_or_default();
    match f {
        Flag::Figures(f) => super::zh_cn::figure_flag_text(*f),
        Flag::Source { unit, flag: f } => {
            format!("{unit}：{}", super::zh_cn::figure_flag_text(*f))
        }
        Flag::QuorumNotMet { present, due, rule } => format!(
            "实到 {present} 人，未{}应到 {due} 人的 {}：会议无效。",
            compare_words(rule.compare),
            rule.share
        ),
        Flag::FigureMissing { base } => {
            format!("未填写{}，与它有关的规则未判断。", base_name(*base))
        }
        Flag::ZeroBase { base } => format!("{}为 0，无法计算比例。", base_name(*base)),
        Flag::TieAtCut {
            section,
            names,
            places,
        } => format!(
            "{}：{} 得票相同，并列争 {places} 个名额，需再次投票。",
            title(section),
            names.join("、")
        ),
        Flag::TooFewQualify {
            section,
            needed,
            qualified,
            election: true,
        } => format!(
            "{}：应选 {needed} 名，当选的只有 {qualified} 名，不足的名额需另行选举。",
            title(section)
        ),
        Flag::TooFewQualify {
            section,
            needed,
            qualified,
            election: false,
        } => format!(
            "{}：应取 {needed} 名，符合条件的只有 {qualified} 名，差额不足，需另行投票。",
            title(section)
        ),
        Flag::Alert {
            section,
            name,
            dimension,
            category,
            alert,
            count,
            base,
        } => {
            let item = item(name, "", dimension.as_deref());
            let who = match category {
                Some(c) => format!("{item}（{c}）"),
                None => item,
            };
            format!(
                "{}：{who} {} {count} 票，占 {base} 的 {}，{}规定的 {}。",
                title(section),
                alert.levels.join("+"),
                crate::results::percent(u64::from(*count), u64::from(*base)).unwrap_or_default(),
                compare_words(alert.compare),
                alert.share
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Alert, Quorum, Ratio};

    #[test]
    fn every_flag_has_one_exact_message() {
        let sections = vec!["党组织委员候选人初步人选".to_string()];
        let r = |t: &str| Ratio::parse(t).expect("ratio");
        let cases = [
            (
                Flag::Figures(crate::figures::FigureFlag::ReturnedExceedsIssued { returned: 43, issued: 42 }),
                "收回 43 张多于发出 42 张：本次投票无效，应重新投票。（C01）",
            ),
            (
                Flag::QuorumNotMet {
                    present: 40,
                    due: 50,
                    rule: Quorum { compare: Compare::Above, share: r("4/5") },
                },
                "实到 40 人，未超过应到 50 人的 4/5：会议无效。（R01）",
            ),
            (
                Flag::FigureMissing { base: Base::Due },
                "未填写应到人数，与它有关的规则未判断。（R02）",
            ),
            (Flag::ZeroBase { base: Base::Valid }, "有效票数为 0，无法计算比例。（R03）"),
            (
                Flag::TieAtCut { section: 0, names: vec!["丁".into(), "戊".into()], places: 1 },
                "党组织委员候选人初步人选：丁、戊 得票相同，并列争 1 个名额，需再次投票。（R04）",
            ),
            (
                Flag::TooFewQualify { section: 0, needed: 6, qualified: 4, election: false },
                "党组织委员候选人初步人选：应取 6 名，符合条件的只有 4 名，差额不足，需另行投票。（R05）",
            ),
            (
                Flag::TooFewQualify { section: 0, needed: 5, qualified: 3, election: true },
                "党组织委员候选人初步人选：应选 5 名，当选的只有 3 名，不足的名额需另行选举。（R05）",
            ),
            (
                Flag::Alert {
                    section: 0,
                    name: "张三".into(),
                    dimension: None,
                    category: Some("党员".into()),
                    alert: Alert { levels: vec!["不称职".into()], compare: Compare::Above, share: r("1/3") },
                    count: 11,
                    base: 30,
                },
                "党组织委员候选人初步人选：张三（党员） 不称职 11 票，占 30 的 36.7%，超过规定的 1/3。（R06）",
            ),
        ];
        for (f, want) in cases {
            assert_eq!((ZH_CN.flag)(&f, &sections), want);
        }
    }

    /// Why no next round was made: the exact texts, each with its code.
    #[test]
    fn round_refusals_are_exact() {
        use crate::round::DeriveRefused as D;
        let sections = ["委员".to_string()];
        let cases = [
            (D::NothingToDecide, "本结果已确定全部名额，不需要下一轮投票。（N01）"),
            (
                D::NotStanding,
                "本次投票有须先处理的问题（见说明），不能据此进行下一轮投票。（N02）",
            ),
            (
                D::TooFewNames { section: 0, needed: 4, have: 2 },
                "“委员”另行选举需要 4 名候选人，未当选的只有 2 名：请另行提名，在模板编辑器中制作下一轮选票。（N03）",
            ),
            (
                D::TieForNames { section: 0 },
                "“委员”等额另行选举的候选人要在得票相等的人中确定，应由会议决定：请在模板编辑器中制作下一轮选票。（N04）",
            ),
            (
                D::Invalid { code: "T22" },
                "无法生成下一轮选票（T22）：请在模板编辑器中制作。（N05）",
            ),
            (
                D::Unfinished { entered: 3, returned: 5 },
                "已录入 3 张，收回 5 张：全部录入后才能生成下一轮选票。（N06）",
            ),
        ];
        for (e, want) in cases {
            assert_eq!((ZH_CN.derive_refused)(&e, &sections), want);
        }
        assert_eq!(
            (ZH_CN.still_open)(1, &["张国华".into(), "陈丽娟".into()], true),
            "尚有 1 个名额未定：张国华、陈丽娟 得票相等，需再次投票。"
        );
        assert_eq!(
            (ZH_CN.still_open)(2, &[], true),
            "尚有 2 个名额未选出，需另行选举。"
        );
    }
}
