//! The strings of the data page (this device's records: damage, backup, restore), in the
//! studio module; the first-load app never links them. The backup errors B01–B09 have one
//! message each here.

use crate::backup::{BackupError, Group, GroupKind, Outcome, Plan};
use crate::damage::{Damage, Problem, Store};

pub struct DataTexts {
    pub title: &'static str,
    pub lead: &'static str,
    pub held: fn(usize, usize, usize, usize) -> String,
    pub damaged_heading: fn(usize) -> String,
    pub no_damage: &'static str,
    pub damage_line: fn(&Damage, Option<&str>) -> String,
    pub backup_heading: &'static str,
    pub backup_hint: &'static str,
    pub backup_button: &'static str,
    pub backup_saved: fn(&str, usize, usize) -> String,
    pub backup_not_saved: &'static str,
    pub file_name: fn(&str) -> String,
    pub restore_heading: &'static str,
    pub restore_hint: &'static str,
    pub restore_file: &'static str,
    pub restore_plan: fn(&Plan) -> String,
    pub restore_nothing: &'static str,
    pub restore_button: fn(usize) -> String,
    pub restored: fn(usize) -> String,
    pub restore_refused: &'static str,
    pub backup_error: fn(BackupError) -> String,
    pub file_unreadable: &'static str,
    pub file_not_text: &'static str,

    // Encrypted, signed backups; PINs
    pub passphrase_label: &'static str,
    pub passphrase_repeat: &'static str,
    pub passphrase_hint: &'static str,
    pub open_sessions_pins: fn(usize) -> String,
    pub pin_for: fn(&str) -> String,
    pub pin_wrong_for: fn(&str) -> String,
    pub making: &'static str,
    pub cannot_encrypt: &'static str,
    pub opening: &'static str,
    pub restore_passphrase: &'static str,
    pub open_backup: &'static str,
    pub made_by_own: &'static str,
    pub made_by: fn(&str) -> String,
    pub made_unsigned: &'static str,
    pub group_line: fn(GroupKind, &str, &Group) -> String,
    pub cancel: &'static str,

    // Deleted sessions and counts
    pub deleted_heading: &'static str,
    pub deleted_hint: &'static str,
    pub deleted_line: fn(&str, &str, u64) -> String,
    pub undelete: &'static str,
    pub undeleted: fn(&str) -> String,
    pub purged: fn(usize) -> String,
    // 测试模式: the rehearsals' counts, cleared in one action.
    pub tests_heading: &'static str,
    pub tests_hint: fn(usize) -> String,
    pub tests_clear: fn(usize) -> String,
    pub tests_confirm: fn(usize) -> String,
    pub tests_cleared: fn(usize, usize) -> String,
}

pub static ZH_CN: DataTexts = DataTexts {
    title: "本机数据与备份",
    lead: "本机的模板、投票场次和纸质票计票都只存在这台设备的浏览器里。备份把它们全部存成一个文件；在另一台设备上恢复，场次、选票、计票和模板都原样回来（模板识别码不变）。",
    held: |sessions, ballots, counts, templates| {
        format!("本机有 {sessions} 个投票场次（共 {ballots} 张选票）、{counts} 个纸质票计票、{templates} 个模板库模板。")
    },
    damaged_heading: |n| format!("损坏或无法使用的记录：{n} 条（已跳过，仍留在本机，不会进入备份）"),
    no_damage: "所有记录都已通过校验。",
    damage_line,
    backup_heading: "备份",
    backup_hint: "每场结束后备份一次，把文件存到别处（电脑、U 盘）。备份文件含选票内容，请妥善保管。",
    backup_button: "备份到文件",
    backup_saved: |name, n, skipped| {
        let skipped = if skipped > 0 { format!("；{skipped} 条损坏记录未备份") } else { String::new() };
        format!("已保存备份文件「{name}」：{n} 条记录{skipped}。")
    },
    backup_not_saved: "浏览器没有保存文件，请再试一次。",
    file_name: |stamp| format!("测评推荐备份-{stamp}.json"),
    restore_heading: "从备份恢复",
    restore_hint: "恢复只会添加本机没有的记录，不会改动或删除本机已有的任何记录。",
    restore_file: "选择备份文件",
    restore_plan,
    restore_nothing: "这份备份里的记录本机都已有，无需恢复。",
    restore_button: |n| format!("恢复 {n} 条记录"),
    restored: |n| format!("已恢复 {n} 条记录。返回首页即可看到。"),
    restore_refused: "没有恢复任何记录，本机已有的记录不受影响：",
    backup_error: |e| {
        let text = match e {
            BackupError::TooLarge => "文件太大，不是本应用的备份文件。".to_string(),
            BackupError::NotBackup => "这不是本应用的备份文件。".to_string(),
            BackupError::NewerVersion(v) => format!("这份备份由较新版本的应用制作（第 {v} 版），请先更新本应用。"),
            BackupError::Damaged => "备份文件已损坏或不完整（校验不符）。".to_string(),
            BackupError::BadKey => "备份文件里有不属于本应用的内容，可能被改动过。".to_string(),
            BackupError::BadRecord(store) => format!("备份文件里的{}记录无法使用，可能被改动过。", store_name(store)),
            BackupError::WrongPassphrase => "备份密码不正确（或加密的内容被改动过）。".to_string(),
            BackupError::SignatureBroken => "备份在制作之后被改动过（签名不符）。".to_string(),
            BackupError::PassphraseWeak => "备份密码至少 8 个字符，两次输入须相同。".to_string(),
        };
        format!("{text}（{}）", e.code())
    },
    file_unreadable: "文件无法读取。",
    file_not_text: "这个文件不是文本（不是 UTF-8 编码），不是本应用的备份文件。",

    passphrase_label: "备份密码（至少 8 个字符）",
    passphrase_repeat: "再输入一遍备份密码",
    passphrase_hint: "备份文件用这个密码加密：没有密码，谁也读不出里面的选票和工作人员密码。恢复时要输入它，忘记后无法恢复。",
    open_sessions_pins: |n| format!("本机有 {n} 个正在投票的场次：备份包含已投的选票，须输入这些场次的工作人员密码。"),
    pin_for: |unit| format!("「{unit}」的工作人员密码"),
    pin_wrong_for: |unit| format!("「{unit}」的工作人员密码不正确。"),
    making: "正在加密备份……",
    cannot_encrypt: "本机浏览器无法加密或签名（须通过 https 地址打开本应用）：没有制作备份。",
    opening: "正在解密并核验签名……",
    restore_passphrase: "这份备份已加密：请输入制作备份时设定的备份密码。",
    open_backup: "打开备份",
    made_by_own: "✓ 这份备份由本机制作并签名。",
    made_by: |code| format!("这份备份由另一台设备（设备码 {code}）制作并签名：本机已有的场次和计票不会从它补入记录。"),
    made_unsigned: "⚠ 这份备份没有签名（旧版本制作），来源无法确认：本机已有的场次和计票不会从它补入记录。",
    group_line: |kind, label, g| {
        let what = match kind {
            GroupKind::Session => "投票场次",
            GroupKind::Count => "纸质票计票",
            GroupKind::Template => "模板",
        };
        let records: Vec<String> = g
            .adding_by_store
            .iter()
            .map(|(store, n)| match store.as_str() {
                "ballots" => format!("{n} 张选票"),
                "events" => format!("{n} 条工作记录"),
                "count_entries" => format!("{n} 条计票记录"),
                "sessions" | "counts" => format!("{n} 条场次记录"),
                _ => format!("{n} 条记录"),
            })
            .collect();
        match g.outcome {
            Outcome::Added => format!("新增{what}「{label}」：{}", records.join("、")),
            Outcome::Completed => format!("本机已有{what}「{label}」，将补入：{}", records.join("、")),
            Outcome::Present => format!("{what}「{label}」：本机已全部有"),
            Outcome::Conflict => format!("{what}「{label}」：与本机的不一致，保留本机的、不恢复"),
            Outcome::Foreign => format!("{what}「{label}」：本机已有，备份不是本机制作的，不补入任何记录"),
        }
    },
    cancel: "取消",

    deleted_heading: "已删除的场次和计票",
    deleted_hint: "删除的场次和计票连同选票和工作记录保留 30 天，可以恢复；满 30 天后打开本页时永久清除。",
    deleted_line: |label, when, days_left| format!("「{label}」：{when} 删除，还保留 {days_left} 天"),
    undelete: "恢复",
    undeleted: |label| format!("已恢复「{label}」：返回首页即可看到。"),
    purged: |n| format!("已永久清除 {n} 个删除满 30 天的场次或计票。"),
    tests_heading: "测试投票与测试计票",
    tests_hint: |n| format!("本机有 {n} 项测试投票或测试计票（演练用，结果不作数）。清除后不能恢复；正式的投票和计票不受影响。"),
    tests_clear: |n| format!("清除全部测试（{n} 项）"),
    tests_confirm: |n| format!("确定永久清除这 {n} 项测试投票和测试计票吗？"),
    tests_cleared: |n, open| {
        if open == 0 {
            format!("已清除 {n} 项测试。")
        } else {
            format!("已清除 {n} 项测试；另有 {open} 项正在别的窗口打开，没有清除。")
        }
    },
};

fn store_name(store: Store) -> &'static str {
    match store {
        Store::Session => "投票场次",
        Store::Event => "工作记录",
        Store::Ballot => "选票",
        Store::Count => "纸质票计票",
        Store::CountEntry => "计票记录",
        Store::Template => "模板",
    }
}

fn damage_line(d: &Damage, owner: Option<&str>) -> String {
    let what = match d.store {
        Store::Ballot => "一张选票",
        other => store_name(other),
    };
    let problem = match d.problem {
        Problem::Checksum => "校验不符，存入后被改动或损坏",
        Problem::Unreadable => "无法读取",
        Problem::Orphan => "所属的场次或计票已不在或已损坏",
        Problem::Refused => "与所属场次或计票的模板、规则不符",
    };
    let place = d.place().map(|n| format!("第 {n} 条")).unwrap_or_default();
    match owner {
        Some(owner) => format!("「{owner}」的{what}{place}：{problem}"),
        None => {
            let id: String = d.owner().unwrap_or(&d.key).chars().take(8).collect();
            format!("{what}{place}（编号 {id}…）：{problem}")
        }
    }
}

fn restore_plan(p: &Plan) -> String {
    let kinds = [
        (GroupKind::Session, "投票场次"),
        (GroupKind::Count, "纸质票计票"),
        (GroupKind::Template, "模板"),
    ];
    let mut parts = Vec::new();
    for (kind, name) in kinds {
        let n = |o| p.count(kind, o);
        let mut said = Vec::new();
        if n(Outcome::Added) > 0 {
            said.push(format!("新增 {}", n(Outcome::Added)));
        }
        if n(Outcome::Completed) > 0 {
            said.push(format!("补全 {}", n(Outcome::Completed)));
        }
        if n(Outcome::Present) > 0 {
            said.push(format!("本机已有 {}", n(Outcome::Present)));
        }
        if n(Outcome::Conflict) > 0 {
            said.push(format!(
                "{} 个与本机的不一致，保留本机的、不恢复",
                n(Outcome::Conflict)
            ));
        }
        if n(Outcome::Foreign) > 0 {
            said.push(format!(
                "{} 个本机已有、备份不是本机制作的，不补入",
                n(Outcome::Foreign)
            ));
        }
        if !said.is_empty() {
            parts.push(format!("{name}：{}", said.join("，")));
        }
    }
    format!("这份备份：{}。", parts.join("；"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_and_damage_are_said_in_full() {
        let g = |kind, outcome| Group {
            kind,
            id: "x".into(),
            adding: 1,
            adding_by_store: vec![("ballots".into(), 1)],
            outcome,
        };
        let plan = Plan {
            add: Vec::new(),
            groups: vec![
                g(GroupKind::Session, Outcome::Added),
                g(GroupKind::Session, Outcome::Conflict),
                g(GroupKind::Template, Outcome::Present),
            ],
        };
        assert_eq!(
            (ZH_CN.restore_plan)(&plan),
            "这份备份：投票场次：新增 1，1 个与本机的不一致，保留本机的、不恢复；模板：本机已有 1。"
        );
        let d = Damage::new(Store::CountEntry, "c1/00000002", Problem::Refused);
        assert_eq!(
            (ZH_CN.damage_line)(&d, Some("长乐居民区 · 推荐票")),
            "「长乐居民区 · 推荐票」的计票记录第 3 条：与所属场次或计票的模板、规则不符"
        );
        let s = Damage::new(Store::Session, "s2", Problem::Unreadable);
        assert_eq!(
            (ZH_CN.damage_line)(&s, None),
            "投票场次（编号 s2…）：无法读取"
        );
        assert_eq!(
            (ZH_CN.backup_error)(BackupError::Damaged),
            "备份文件已损坏或不完整（校验不符）。（B04）"
        );
    }
}
