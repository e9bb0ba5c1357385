//! The strings of moving results between devices (send, merge, two-counter cross-check),
//! drawn by the studio module: a catalogue the first-load app never links. The refusals
//! X01–X22 are here, one message each.

use crate::ballot::{Ballot, BallotContent, SectionMarks};
use crate::check::check;
use crate::crosscheck::{CompareRefused, Figure};
use crate::exchange::{ExchangeError, Kind};
use crate::merge::MergeRefused;
use crate::template::{Section, Template};

pub struct ExchangeTexts {
    pub title: &'static str,
    pub lead: &'static str,
    pub tab_send: &'static str,
    pub tab_merge: &'static str,
    pub tab_check: &'static str,
    pub kind: fn(Kind) -> &'static str,
    pub ballots: fn(u32) -> String,
    pub fingerprint: fn(&str) -> String,

    // Send
    pub local_heading: &'static str,
    pub local_none: &'static str,
    pub tablet_hint: &'static str,
    pub save_file: &'static str,
    pub show_codes: &'static str,
    pub file_saved: fn(&str) -> String,
    pub codes_heading: fn(&str) -> String,
    pub code_of: fn(usize, usize) -> String,
    pub codes_hint: fn(usize) -> String,
    pub previous_code: &'static str,
    pub next_code: &'static str,
    pub close_codes: &'static str,

    // Receive
    pub import_file: &'static str,
    pub scan: &'static str,
    pub scan_progress: fn(usize, usize) -> String,
    pub scan_restarted: &'static str,
    pub stop_scan: &'static str,
    pub file_unreadable: &'static str,
    pub file_not_text: &'static str,
    pub refused: fn(&str) -> String,

    // Merge
    pub merge_lead: &'static str,
    pub add_local: &'static str,
    pub added: fn(&str, u32) -> String,
    pub sources_heading: &'static str,
    pub sources_none: &'static str,
    pub col_unit: &'static str,
    pub col_kind: &'static str,
    pub col_issued: &'static str,
    pub col_returned: &'static str,
    pub col_ballots: &'static str,
    pub col_check: &'static str,
    pub check_ok: &'static str,
    pub remove: &'static str,
    pub removed: fn(&str) -> String,
    pub total_row: &'static str,
    pub unit_label: &'static str,
    pub unit_default: &'static str,
    pub save_merged: &'static str,
    pub merged_codes: &'static str,
    pub combined_heading: &'static str,
    pub report_failed: &'static str,

    // Signatures, codes, conflicts
    pub result_code: fn(&str) -> String,
    pub own_device: fn(&str) -> String,
    pub cannot_sign: &'static str,
    pub verifying: &'static str,
    pub col_code: &'static str,
    pub col_device: &'static str,
    pub signed_by: fn(&str) -> String,
    pub unsigned: &'static str,
    pub other_device: fn(&str, &str) -> String,
    pub conflict_heading: &'static str,
    pub conflict_lead: fn(&str) -> String,
    pub conflict_files: fn(usize) -> String,
    pub pick_this: &'static str,
    pub picked: &'static str,
    pub picked_done: fn(&str, &str) -> String,
    pub unsettled: &'static str,

    // Cross-check
    pub check_lead: &'static str,
    pub check_pick: &'static str,
    pub check_none: &'static str,
    pub check_other: &'static str,
    pub check_identical: fn(usize) -> String,
    pub check_found: fn(usize) -> String,
    pub check_hint: &'static str,
    pub col_ballot: &'static str,
    pub col_ours: &'static str,
    pub col_theirs: &'static str,
    pub ballot_number: fn(usize) -> String,
    pub no_ballot: &'static str,
    pub figure_name: fn(Figure) -> &'static str,
    pub figure_value: fn(Option<u32>) -> String,
    pub counts_of: fn(usize, usize) -> String,
    pub other_unit: fn(&str) -> String,
    pub marked: &'static str,
    pub written_in: &'static str,
    /// Before the names whose box holds × (a scheme with ×).
    pub crossed: &'static str,
    /// After a written name the counters decided on: the person it is counted for.
    pub decided_for: fn(&str) -> String,
    pub nothing_marked: &'static str,
    pub declared_void: &'static str,

    /// A ballot as entered: the words of its verdict (the ballot catalogue of the same
    /// language), how its names, a section's parts and its sections are joined, and the
    /// line from its category, verdict and marks.
    pub ballot: &'static crate::i18n::ballot::BallotTexts,
    pub joins: [&'static str; 3],
    pub ballot_line: fn(&str, &str, &str) -> String,

    pub exchange_error: fn(&ExchangeError) -> String,
    pub merge_refused: fn(&MergeRefused) -> String,
    pub compare_refused: fn(&CompareRefused) -> String,
}

impl ExchangeTexts {
    /// What one paper ballot shows, as entered: the verdict, then the names marked and
    /// written in, or each item's level, so two counters see exactly where they differ.
    pub fn ballot_marks(&self, template: &Template, ballot: &Ballot) -> String {
        let [names_join, parts_join, sections_join] = self.joins;
        let verdict = check(template, ballot)
            .map(|c| self.ballot.verdict(&c.verdict))
            .unwrap_or_default();
        let category = ballot
            .category
            .and_then(|c| template.categories().get(usize::from(c)))
            .map_or("", String::as_str);
        let mut parts = Vec::new();
        match &ballot.content {
            BallotContent::Void(_) => parts.push(self.declared_void.to_string()),
            BallotContent::Marked(sections) => {
                for (section, marks) in template.sections().iter().zip(sections) {
                    match (section, marks) {
                        (Section::Recommendation(s), SectionMarks::Recommendation(m)) => {
                            let names: Vec<&str> = m
                                .marked
                                .iter()
                                .filter_map(|&i| s.candidates.get(usize::from(i)))
                                .map(|c| c.name.as_str())
                                .collect();
                            // Under a scheme with ×, each write-in with the marks in its box.
                            let glyph = template.spec().marking.symbol.glyph();
                            let written: Vec<String> = (m.write_ins.iter().enumerate())
                                .filter(|(_, w)| !w.trim().is_empty())
                                .map(|(slot, w)| {
                                    let slot = u16::try_from(slot).unwrap_or(u16::MAX);
                                    let mut w = w.clone();
                                    if m.write_ins_marked.contains(&slot) {
                                        w.push_str(glyph);
                                    }
                                    if m.write_ins_crossed.contains(&slot) {
                                        w.push('×');
                                    }
                                    // The counters' decision is part of what was entered.
                                    let decided = m.decided.get(&slot);
                                    if let Some(c) =
                                        decided.and_then(|&i| s.candidates.get(usize::from(i)))
                                    {
                                        w.push_str(&(self.decided_for)(&c.label()));
                                    }
                                    w
                                })
                                .collect();
                            let crossed: Vec<&str> = (m.crossed.iter())
                                .filter_map(|&i| s.candidates.get(usize::from(i)))
                                .map(|c| c.name.as_str())
                                .collect();
                            let mut p: Vec<String> = Vec::new();
                            if !names.is_empty() {
                                p.push(format!("{}{}", self.marked, names.join(names_join)));
                            }
                            if !crossed.is_empty() {
                                p.push(format!("{}{}", self.crossed, crossed.join(names_join)));
                            }
                            if !written.is_empty() {
                                p.push(format!("{}{}", self.written_in, written.join(names_join)));
                            }
                            parts.push(p.join(parts_join));
                        }
                        (Section::Evaluation(e), SectionMarks::Evaluation(items)) => {
                            let rated: Vec<String> = items
                                .iter()
                                .enumerate()
                                .filter(|(_, l)| !l.is_empty())
                                .map(|(i, l)| {
                                    let levels: Vec<&str> = (0..e.levels.len())
                                        .filter(|&x| l.contains(x))
                                        .filter_map(|x| e.levels.get(x).map(String::as_str))
                                        .collect();
                                    format!("{}{}", i + 1, levels.join("+"))
                                })
                                .collect();
                            parts.push(rated.join(" "));
                        }
                        _ => {}
                    }
                }
            }
        }
        parts.retain(|p| !p.is_empty());
        let marks = if parts.is_empty() {
            self.nothing_marked.to_string()
        } else {
            parts.join(sections_join)
        };
        (self.ballot_line)(category, &verdict, &marks)
    }
}

pub static ZH_CN: ExchangeTexts = ExchangeTexts {
    title: "结果汇总与核对",
    lead: "没有网络也能在设备之间传递计票结果：用结果文件（微信、U盘）或二维码。",
    tab_send: "发送结果",
    tab_merge: "汇总",
    tab_check: "双人核对",
    kind: |k| match k {
        Kind::Tablet => "平板投票",
        Kind::Paper => "唱票计票",
        Kind::Merged => "汇总结果",
    },
    ballots: |n| format!("{n} 张选票"),
    fingerprint: |f| format!("模板校验码 {f}"),

    local_heading: "本机的计票结果",
    local_none: "本机还没有唱票计票。",
    tablet_hint: "平板投票的结果须凭密码查看：在该场投票的“查看结果”页面发送。",
    save_file: "保存结果文件",
    show_codes: "显示二维码",
    file_saved: |name| format!("已保存：{name}。可用微信、U盘等发给汇总的人。"),
    codes_heading: |unit| format!("结果二维码：{unit}"),
    code_of: |k, n| format!("第 {k} 个，共 {n} 个"),
    codes_hint: |n| {
        if n == 1 {
            "请对方在“汇总”或“双人核对”中点“扫描二维码”，对准这个码。".into()
        } else {
            format!("请对方在“汇总”或“双人核对”中点“扫描二维码”，依次扫完全部 {n} 个码（顺序不限）。")
        }
    },
    previous_code: "上一个",
    next_code: "下一个",
    close_codes: "关闭二维码",

    import_file: "导入结果文件",
    scan: "扫描二维码",
    scan_progress: |have, of| format!("已扫描 {have} 个，共 {of} 个。请继续扫描下一个。"),
    scan_restarted: "这是另一份结果的二维码：已从这一份重新开始。",
    stop_scan: "停止扫描",
    file_unreadable: "这个文件无法读取。",
    file_not_text: "这个文件不是文本（不是 UTF-8 编码），不是结果文件。",
    refused: |why| format!("未导入：{why}"),

    merge_lead: "把各平板、各支部或各居民区的结果加在一起。同一份结果不会被计入两次。",
    add_local: "加入汇总",
    added: |unit, n| format!("已加入汇总：{unit}（{n} 张选票）"),
    sources_heading: "已加入的结果",
    sources_none: "还没有加入任何结果。",
    col_unit: "单位",
    col_kind: "来源",
    col_issued: "发出",
    col_returned: "收回",
    col_ballots: "选票",
    col_check: "核对",
    check_ok: "✓ 无误",
    remove: "移除",
    removed: |unit| format!("已移除：{unit}"),
    total_row: "合计",
    unit_label: "汇总单位（印在报告单上）",
    unit_default: "汇总",
    save_merged: "保存汇总结果文件",
    merged_codes: "显示汇总二维码",
    combined_heading: "汇总结果",
    report_failed: "结果无法显示：",

    result_code: |c| format!("结果校验码 {c}"),
    own_device: |c| format!("本机设备码 {c}（本机发出的结果都带这个设备的签名）"),
    cannot_sign: "本机无法签名（页面须通过 https 打开）：结果文件和二维码不带签名，对方会看到“未签名”。",
    verifying: "正在核验签名……",
    col_code: "结果校验码",
    col_device: "发送设备",
    signed_by: |c| format!("✓ 设备码 {c}"),
    unsigned: "⚠ 未签名：无法确认来源，请与签字的报告单核对结果校验码",
    other_device: |now, before| format!(
        "⚠ 设备码 {now}：此前发送这个单位结果的是设备 {before}，请核实"
    ),
    conflict_heading: "同一单位有两份不同的结果",
    conflict_lead: |unit| format!(
        "“{unit}”收到了不同的结果，它们都还没有计入。请与签字的报告单核对结果校验码，选出以哪一份为准。"
    ),
    conflict_files: |n| format!("来自 {n} 个文件"),
    pick_this: "以此份为准",
    picked: "已选为准",
    picked_done: |unit, code| format!("已选定：“{unit}”以结果校验码 {code} 的一份为准。"),
    unsettled: "还有单位收到了两份不同的结果：选定以哪一份为准之后，才能得出汇总结果。",

    check_lead: "两位计票人按同一唱票顺序各自在手机上录入。在一台手机上选择本机的计票，再导入另一位计票人的结果文件或二维码，逐张比对。",
    check_pick: "本机的计票",
    check_none: "本机还没有唱票计票：请在录入选票的手机上核对。",
    check_other: "另一位计票人的结果",
    check_identical: |n| format!("两份计票完全一致：{n} 张选票逐张相同，各项数字相同。"),
    check_found: |n| format!("发现 {n} 处不同。请监票人取出这些选票核对，改正后再签字。"),
    check_hint: "选票编号按唱票顺序，从 1 起（已删除的误录不计）。",
    col_ballot: "选票",
    col_ours: "本机录入",
    col_theirs: "对方录入",
    ballot_number: |n| format!("第 {n} 张"),
    no_ballot: "（没有这张）",
    figure_name: |f| match f {
        Figure::Due => "应到",
        Figure::Present => "实到",
        Figure::Issued => "发出",
        Figure::Returned => "收回",
    },
    figure_value: |v| v.map_or_else(|| "未填".into(), |n| n.to_string()),
    counts_of: |ours, theirs| format!("本机 {ours} 张，对方 {theirs} 张"),
    other_unit: |unit| format!("对方：{unit}"),
    marked: "划：",
    written_in: "另选：",
    crossed: "划×：",
    decided_for: |person| format!("→{person}"),
    nothing_marked: "未划",
    declared_void: "整张作废",

    ballot: &super::zh_cn::BALLOT,
    joins: ["、", "，", "；"],
    ballot_line: |category, verdict, marks| {
        if category.is_empty() {
            format!("{verdict}（{marks}）")
        } else {
            format!("［{category}］{verdict}（{marks}）")
        }
    },
    exchange_error: |e| {
        let text = match e {
            ExchangeError::NotResults { template: true } => {
                "这是模板，不是计票结果：请在“模板库”中导入。".to_string()
            }
            ExchangeError::NotResults { template: false } => {
                "这不是本应用的计票结果文件或二维码。".into()
            }
            ExchangeError::Damaged => {
                "内容已损坏或不完整（校验不符）。请对方重新发送原文件，或重新显示二维码。".into()
            }
            ExchangeError::NewerVersion(v) => {
                format!("这是新版本（第 {v} 版）应用生成的结果，请先更新本应用。")
            }
            ExchangeError::TooLarge => "文件太大，不是计票结果文件。".into(),
            ExchangeError::TemplateMissing { fingerprint } => format!(
                "本机没有校验码为 {fingerprint} 的模板。请先在“模板库”导入该模板，或改用结果文件（文件里带有模板）。"
            ),
            ExchangeError::TemplateInvalid => {
                "文件中的模板与结果不符，或模板本身有误。".into()
            }
            ExchangeError::Shape => "结果与模板对不上（项目或人数不同）。".into(),
            ExchangeError::TooManyCodes(n) => {
                format!("这份结果需要 {n} 个二维码，太多了：请改用“保存结果文件”发送。")
            }
            ExchangeError::OldMerged => {
                "这是旧版本应用生成的汇总结果，其中各份结果无法核验。请对方用新版本重新汇总后发送，或直接发送各份原始结果。".into()
            }
        };
        format!("{text}（{}）", e.code())
    },
    merge_refused: |e| {
        let text = match e {
            MergeRefused::DifferentTemplate { ours, theirs } => format!(
                "这份结果用的是另一个模板（校验码 {theirs}），与已加入的结果（校验码 {ours}）不同，不能汇总。"
            ),
            MergeRefused::AlreadyAdded { unit } => {
                format!("“{unit}”的结果已经全部计入汇总，不能重复计入。")
            }
            MergeRefused::OtherRound { ours, theirs } => format!(
                "这份是同一选举第{theirs}轮投票的结果，已加入的是第{ours}轮的：每一轮的结果分开汇总。"
            ),
            MergeRefused::SignatureBroken { unit } => format!(
                "“{unit}”的结果在签名之后被改动过（签名不符），不能计入。请向对方索取原文件，并与签字的报告单核对结果校验码。"
            ),
        };
        format!("{text}（{}）", e.code())
    },
    compare_refused: |e| {
        let text = match e {
            CompareRefused::NotACount => {
                "只能核对唱票计票的结果：平板投票和汇总结果没有逐张的选票。".to_string()
            }
            CompareRefused::DifferentTemplate { ours, theirs } => format!(
                "对方用的是另一个模板（校验码 {theirs}），本机是 {ours}，不能核对。"
            ),
            CompareRefused::SameCount => {
                "这就是本机的这份计票，不是另一位计票人的。".into()
            }
        };
        format!("{text}（{}）", e.code())
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    /// The exact texts users see for each refusal.
    #[test]
    fn refusal_messages_are_exact() {
        let t = &ZH_CN;
        assert_eq!(
            (t.exchange_error)(&ExchangeError::Damaged),
            "内容已损坏或不完整（校验不符）。请对方重新发送原文件，或重新显示二维码。（X02）"
        );
        assert_eq!(
            (t.merge_refused)(&MergeRefused::DifferentTemplate {
                ours: "7KQ2-M9XD".into(),
                theirs: "AAAA-BBBB".into()
            }),
            "这份结果用的是另一个模板（校验码 AAAA-BBBB），与已加入的结果（校验码 7KQ2-M9XD）不同，不能汇总。（X10）"
        );
        assert_eq!(
            (t.merge_refused)(&MergeRefused::OtherRound { ours: 1, theirs: 2 }),
            "这份是同一选举第2轮投票的结果，已加入的是第1轮的：每一轮的结果分开汇总。（X13）"
        );
        assert_eq!(
            (t.merge_refused)(&MergeRefused::AlreadyAdded {
                unit: "长乐居民区 · 第一支部".into()
            }),
            "“长乐居民区 · 第一支部”的结果已经全部计入汇总，不能重复计入。（X11）"
        );
        assert_eq!(
            (t.compare_refused)(&CompareRefused::SameCount),
            "这就是本机的这份计票，不是另一位计票人的。（X22）"
        );
    }

    #[test]
    fn a_ballot_is_described_as_entered() {
        let tpl = crate::samples::all()
            .into_iter()
            .find(|t| matches!(t.sections().first(), Some(Section::Recommendation(_))))
            .expect("a recommendation sample");
        let mut b = Ballot::empty(&tpl, Some(0));
        let _ = b.toggle_candidate(&tpl, 0, 1);
        let text = ZH_CN.ballot_marks(&tpl, &b);
        let Some(Section::Recommendation(s)) = tpl.sections().first() else {
            unreachable!("checked above");
        };
        let name = s.candidates[1].name.clone();
        let other = s.candidates[2].name.clone();
        assert!(text.contains(&format!("划：{name}")), "{text}");
        assert!(
            text.starts_with(&format!("［{}］", tpl.categories()[0])),
            "{text}"
        );
        let empty = Ballot::empty(&tpl, Some(0));
        assert!(ZH_CN.ballot_marks(&tpl, &empty).ends_with("（未划）"));

        // Under a scheme with ×, two counters who differ only by a × see where.
        let mut spec = tpl.into_spec();
        spec.marking.scheme = crate::template::Scheme::AgreeOppose;
        let tpl = spec.check().expect("valid");
        let mut b = Ballot::empty(&tpl, Some(0));
        use crate::count::PaperBox;
        b.toggle_paper_box(&tpl, 0, PaperBox::Listed(1), false);
        b.toggle_paper_box(&tpl, 0, PaperBox::Listed(2), true);
        b.set_paper_write_in(&tpl, 0, 0, "赵六").expect("a name");
        b.toggle_paper_box(&tpl, 0, PaperBox::WriteIn(0), false);
        b.toggle_paper_box(&tpl, 0, PaperBox::WriteIn(0), true);
        let text = ZH_CN.ballot_marks(&tpl, &b);
        assert!(
            text.contains(&format!("划：{name}，划×：{other}，另选：赵六○×")),
            "{text}"
        );

        // The counters' decision on a name two listed persons share is part of the entry.
        let mut spec = tpl.into_spec();
        if let Some(Section::Recommendation(r)) = spec.sections.get_mut(0) {
            r.write_in_may_repeat_listed = true;
            r.candidates[0].name = "李敏".into();
            r.candidates[0].note = "女".into();
            r.candidates[1].name = "李敏".into();
            r.candidates[1].note = "男".into();
        }
        let tpl = spec.check().expect("valid");
        let mut b = Ballot::empty(&tpl, Some(0));
        b.set_paper_write_in(&tpl, 0, 0, "李敏").expect("a name");
        b.decide_paper_write_in(&tpl, 0, 0, Some(1));
        let text = ZH_CN.ballot_marks(&tpl, &b);
        assert!(text.contains("另选：李敏→李敏（男）"), "{text}");
    }
}
