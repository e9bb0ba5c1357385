//! 简体中文 catalogue.

use super::ballot::BallotTexts;
use super::Texts;
use crate::ballot::{DeclaredVoid, MarkRefused};
use crate::check::{VoidReason, WriteInFault};
use crate::count::{BallotStep, CountOp, CountRefused};
use crate::error::{Field, Segment, TemplateError, TemplateErrorKind};
use crate::figures::FigureFlag;
use crate::form::SessionError;
use crate::omr::propose::Doubt;
use crate::omr::read::Mark;
use crate::omr::seen::NotSeen;
use crate::session::EventKind;
use crate::template::{MarkSymbol, Vote};

pub static TEXTS: Texts = Texts {
    app_title: "测评推荐助手",
    template_header: |issuer, fp| format!("{issuer} · 模板校验码 {fp}"),
    app_tagline: "民主测评 · 推荐票 · 计票，离线使用",
    back_home: "返回首页",

    loading: "正在读取本机保存的数据…",
    confirm: "确定",
    cancel: "取消",

    store_unavailable_title: "无法使用本机存储",
    store_unavailable: "这个浏览器不能保存数据（可能是无痕/隐私模式，或存储被禁用）。请用普通模式打开本应用，否则选票无法保存。",
    store_full: "设备存储空间已满，没有保存成功。请清理设备空间后再试；已保存的数据不受影响。",
    store_failed: "保存失败。请再试一次；已保存的数据不受影响。",
    store_elsewhere: "没有保存：这个场次或计票已在本设备的另一个窗口中打开，只能在那里操作。已保存的数据不受影响。",
    store_changed: "没有保存：这个场次或计票刚在另一个窗口中被更改（结束、删除或新增记录）。已保存的数据不受影响；本窗口已重新读取，请核对后再操作。",
    elsewhere_title: "已在另一个窗口中打开",
    elsewhere_body: "这个场次或计票正在本设备的另一个窗口（或标签页）中使用。为了不让两处同时记录，这里不能操作。请回到那个窗口继续；那个窗口关闭或离开后，这里会自动接着打开。",
    opening: "正在打开…",
    sessions_heading: "投票场次",
    new_session: "新建场次",
    no_sessions: "本机还没有投票场次。新建一个场次：选择表格，填写居民区，设置工作人员密码。",
    status_open: "进行中",
    status_closed: "已结束",
    status_uncertain: "状态待确认",
    uncertain_body: "本场次有一条工作记录损坏，无法确定投票是否已经结束、发出张数是多少。确认之前不能投票，也不能查看结果。请核对会场的纸面记录，在下面填好发出张数，再选择：",
    decide_closed: "确认：投票已结束",
    decide_open: "确认：投票仍在进行",
    pin_decide_title: "确认本场次的状态",
    pin_decide_body: |closed, issued| format!(
        "确认{}，发出张数{}。这一决定将记入工作记录。",
        if closed { "投票已结束" } else { "投票仍在进行" },
        issued.map_or("未填".to_string(), |n| format!(" {n}"))
    ),
    turnout: |t| match t.issued {
        Some(issued) => format!("已投 {} 张 / 发出 {issued} 张", t.filled),
        None => format!("已投 {} 张（发出张数未填）", t.filled),
    },
    voters_choose: "身份由投票人自选",
    start_voting: "开始投票",
    manage: "管理",
    failures_alert: |n| format!("注意：本场次有 {n} 张票没有保存成功（存储出错），请核实并让相关投票人重投。"),
    kind_evaluation: "民主测评",
    kind_recommendation: "推荐",
    kind_election: "选举",

    new_session_heading: "新建投票场次",
    field_template: "表格",
    field_area: "居民区",
    field_branch: "支部（可不填）",
    field_category: "本场投票人身份",
    field_issued: "发出张数（不知道可先不填）",
    field_idle: "无人操作几分钟后清除未提交的选票（不填为 3 分钟）",
    field_pin: "工作人员密码（6–12 位数字）",
    field_pin_repeat: "再输入一遍密码",
    pin_hint: "结束投票、查看结果、修改、删除以及离开投票界面都要输入此密码。请牢记，忘记后无法找回。",
    pin_unavailable: "本机浏览器无法处理密码：请通过 https 地址（或本机地址）打开本应用。",
    count_pin_hint: "删除这个计票要输入此密码。请牢记，忘记后无法找回。",
    create_session: "创建场次",
    session_error,

    back_to_session: "返回场次",
    opened_at: |time| format!("{time} 创建"),
    log_heading: "工作记录",
    event_text: |e| match e {
        EventKind::Closed => "结束投票".into(),
        EventKind::Reopened => "重新开启投票".into(),
        EventKind::IssuedSet { issued: Some(n) } => format!("发出张数改为 {n}"),
        EventKind::IssuedSet { issued: None } => "发出张数改为未填".into(),
        EventKind::AttendanceSet { due, present } => {
            format!("应到、实到人数改为：{}", attendance(*due, *present))
        }
        EventKind::Decided { closed, issued } => format!(
            "记录损坏后由工作人员确认：{}，发出张数{}",
            if *closed { "投票已结束" } else { "投票仍在进行" },
            issued.map_or("未填".to_string(), |n| format!(" {n}"))
        ),
        EventKind::Deleted => "删除场次（保留 30 天，可在“本机数据与备份”中恢复）".into(),
        EventKind::Undeleted => "恢复已删除的场次".into(),
    },
    close_session: "结束投票",
    reopen_session: "重新开启投票",
    view_results: "查看结果",
    results_after_close: "结束投票后才能查看计票结果。",
    set_issued: "修改发出张数",
    set_attendance: "应到、实到人数",
    attendance_hint: "与纸质计票一样填写；计票结果按模板的规则判断会议是否有效。不知道可先不填，之后可凭密码修改。",
    delete_session: "删除场次",

    pin_label: "工作人员密码",
    pin_wrong: |n| format!("密码不正确，请重新输入。本设备已连续输错 {n} 次；每错 5 次须等待一段时间。"),
    pin_locked: |n, minutes| format!("密码错误次数过多，请 {minutes} 分钟后再试。本设备已连续输错 {n} 次。"),
    pin_wrong_before: |n| format!("注意：在这次输入正确密码之前，本设备上工作人员密码被输错了 {n} 次。如果不是工作人员输错的，请留意是否有人试图猜密码。"),
    pin_checking: "正在核对…",
    close_not_stored: |n| format!("设备存储空间已满，「结束投票」还没有保存。以下结果按本设备已保存的 {n} 张票计算（存储已满时不能再保存新票）。请清理设备空间后点「保存结束记录」；保存之前重新打开本应用，本场次仍会显示为进行中。"),
    store_close: "保存结束记录",
    count_damaged: |n| format!("本次计票有 {n} 条记录损坏或无法使用（已跳过）：下面的张数和票数可能与纸面不符。请与纸质选票逐张核对，必要时重新计票。"),
    idle_title: "还在投票吗？",
    idle_body: "这张选票已经有一段时间没有操作。如果您还在投票，请点「继续投票」；1 分钟内没有回应，这张未提交的选票将被清除，不会被提交。",
    idle_continue: "继续投票",
    pin_leave_title: "工作人员",
    pin_leave_body: "输入密码后离开投票界面，进入场次管理。",
    pin_results_title: "查看计票结果",
    pin_close_body: |n| format!("结束后本场次不再接受投票（已投 {n} 张），然后显示计票结果。"),
    pin_reopen_body: "重新开启后可继续投票；这一操作会记入工作记录。",
    pin_issued_body: |n| match n {
        Some(n) => format!("发出张数改为 {n}，记入工作记录。"),
        None => "发出张数改为未填，记入工作记录。".into(),
    },
    pin_attendance_body: |due, present| {
        format!("应到、实到人数改为：{}。记入工作记录。", attendance(due, present))
    },
    pin_delete_body: |n| format!("将删除本场次和已投的 {n} 张票。删除后保留 30 天，可在“本机数据与备份”中恢复，工作记录一并保留。"),

    dismiss: "知道了",
    results_heading: "计票结果",
    totals: |total, valid, blank, void| {
        format!("共 {total} 张：有效 {valid} 张，空白 {blank} 张，无效 {void} 张")
    },
    pages_failed: "这一页没能打开：本应用的这一部分还没有下载到本机（第一次使用时需要联网）。已保存的数据不受影响。",
    pages_retry: "重新载入这一页",
    records_need_pages: "本机已存的投票和计票要等本应用的其余部分下载到本机后才能显示（需要联网一次）。已保存的数据不受影响。",
    reload_app: "重新载入",
    report_failed: "结果无法显示：",
    studio_failed: "模板库无法打开：",
    templates_button: "模板库",
    exchange_button: "结果汇总与核对",
    send_results: "发送或汇总这份结果",

    storage_damaged: |n| {
        format!("有 {n} 条已存记录损坏或无法使用，已跳过；其余记录不受影响。")
    },
    card_unread: "张数要打开后才能显示",
    checkpoint_disagreed: "刚才打开的投票或计票，本机存的汇总数与逐条记录不一致（记录可能受损或被改动）。已按逐条记录重新汇总，各页与结果都以逐条记录为准。",
    data_button: "本机数据与备份",
    large_mode: "长辈版（大字）",
    data_details: "查看是哪几条",
    persistent_yes: "浏览器已同意持久保存本机数据。",
    persistent_no: "浏览器没有同意持久保存本机数据：清理浏览器数据、空间不足或长期不用时，本机记录可能被删除。请每场结束后备份。",
    update_ready: "新版本已下载；更新不影响本机的任何记录。",
    update_now: "现在更新",

    counts_heading: "纸质票计票",
    new_count: "新建计票",
    no_counts: "本机还没有计票。唱票时，计票人用手机逐张录入纸质选票，每张都自动检查。",
    continue_count: "继续计票",
    test_badge: "测试",
    new_count_heading: "新建计票（纸质票）",
    new_count_hint: "人数和张数可以先不填，计票中随时补填或更正。",
    field_count_category: "这些选票的投票人身份",
    field_due: "应到人数",
    field_present: "实到人数",
    field_issued_paper: "发出张数",
    field_returned: "收回张数",
    create_count: "开始计票",
    count_progress: |n, returned| match returned {
        Some(r) => format!("已录入 {n} 张 / 收回 {r} 张"),
        None => format!("已录入 {n} 张（收回张数未填）"),
    },
    all_entered: |n| format!("收回的 {n} 张已全部录入。"),

    ask_delete_body: |n| format!("将删除本次计票和已录入的 {n} 张票。删除后保留 30 天，可在“本机数据与备份”中恢复，计票记录一并保留。"),
    delete_count: "删除本次计票",
    figure_flag,
};

pub static BALLOT: BallotTexts = BallotTexts {
    choose_category: "请先选择您的身份",
    change_category: "更改身份",
    your_category: |c| format!("身份：{c}"),
    evaluation_instructions: |symbol| {
        format!(
            "请在每位测评对象的一个等次上点选（纸质表在相应栏内划{symbol}），每项只能选一个等次。"
        )
    },
    election_instructions: |max, symbol| {
        format!("请点选您赞成的人（纸质票在姓名下方空格内划{symbol}），最多选 {max} 人。如赞成名单以外的人，请在“另选他人”栏写上姓名。")
    },
    recommendation_instructions: |max, symbol| {
        format!("请点选您推荐的人（纸质票在姓名下方空格内划{symbol}），最多推荐 {max} 人。如推荐名单以外的人，请在“另选他人”栏写上姓名。")
    },
    selected_count: |k, n| format!("已选 {k} / {n}"),
    choice_instructions: |max, inverted, symbol| {
        let paper = if inverted {
            format!("纸质票上赞成的不划符号，反对的划×，弃权的划{symbol}")
        } else {
            format!("纸质票上赞成的划{symbol}，反对的划×，弃权的不划符号")
        };
        format!("请对每一位人选点选“赞成”“反对”或“弃权”（{paper}），赞成的最多 {max} 人。如赞成名单以外的人，请在“另选他人”栏写上姓名。")
    },
    vote_name: |v| match v {
        Vote::Agree => "赞成",
        Vote::Oppose => "反对",
        Vote::Abstain => "弃权",
    },
    agreed_count: |k, n| format!("已赞成 {k} / {n}"),
    write_in_label: |i| format!("另选他人 {i}"),
    write_in_placeholder: "写上姓名",
    dimension_of: |subject, dimension| format!("{subject} · {dimension}"),
    submit: "提交",
    saving: "正在保存…",
    staff: "工作人员",
    voice_reading: "语音朗读",
    voice_none: "语音朗读：本机没有中文语音",
    voice_chosen: "已选",
    voice_unchosen: "未选",
    voice_on: "已打开",
    voice_off: "已关闭",
    review_title: "请核对您的选择",
    review_recommended: |k, n| format!("推荐 {k} 人（最多 {n} 人）"),
    review_agreed: |k, n| format!("赞成 {k} 人（最多 {n} 人）"),
    review_opposed: |k| format!("反对 {k} 人"),
    review_abstained: |k| format!("弃权 {k} 人"),
    review_nobody: "没有推荐任何人",
    review_write_ins: "另选他人",
    review_unrated: "未评（弃权）",
    blank_warning: "这是一张空白票：您没有表示任何意见。空白票也会计入，算作弃权。",
    unrated_warning: |items| {
        format!(
            "以下 {} 项没有选择等次，将按弃权计：{}。",
            items.len(),
            items.join("、")
        )
    },
    confirm_submit: "确认提交",
    confirm_blank: "确认提交空白票",
    back_to_edit: "返回修改",
    recorded_title: "已投票，请将平板交给下一位",
    recorded_next: "下一位开始投票",
    not_recorded_title: "没有保存成功！",
    not_recorded_body:
        "这张票没有记录下来（设备存储出错）。请告诉工作人员。您的选择还在，可以再提交一次；已记录的票不受影响。",
    mark_refused,

    tab_entry: "录入",
    tab_board: "计票板",
    tab_list: |n| format!("已录入 {n}"),
    tab_figures: "人数张数",
    entering: |n| format!("第 {n} 张"),
    correcting: |n| format!("正在更正第 {n} 张"),
    saved_step: |s| match s {
        BallotStep::Added(n) => format!("第 {n} 张已保存"),
        BallotStep::Corrected(n) => format!("第 {n} 张已更正"),
        BallotStep::Struck(n) => format!("第 {n} 张已划去"),
        BallotStep::Restored(n) => format!("第 {n} 张已恢复"),
    },
    cancel_correction: "取消更正",
    paper_marked: |k, max| format!("本张选了 {k} 人（应推荐 {max} 人）"),
    paper_marked_seats: |k, max| format!("本张选了 {k} 人（应选 {max} 人）"),
    paper_marked_three: |k, against, max| {
        format!("本张赞成 {k} 人、反对 {against} 人（赞成最多 {max} 人）")
    },
    pad_box_label: |name, mark| format!("{name} 划{mark}"),
    write_in_suggestions: "已写过的姓名（点一下填入）：",
    write_in_not_counted: |why| format!("这一栏不计入：{why}"),
    review_not_counted: |names| {
        let names: Vec<String> = names.iter().map(|n| format!("“{n}”")).collect();
        format!("另选他人栏里写的{}不计入这张票（原因见该栏下方）。如要改，请点「返回修改」。", names.join("、"))
    },
    fill_in: |name| format!("填入 {name}"),
    next_ballot: "下一张",
    save_correction: "保存更正",
    blank_ballot: "空白票",
    unmarked_ballot: "未划符号",
    void_ballot: "废票",
    void_reason_prompt: "这张票为什么无效？",
    void_reason: |r| match r {
        DeclaredVoid::Unreadable => "无法辨认",
        DeclaredVoid::NonStandardMark => "使用非规定符号",
        DeclaredVoid::Other => "其他",
    },
    clear_ballot: "清空本张",
    undo_last: "划去上一张",
    not_saved: |why| format!("这张票没有保存：{why}"),
    camera_start: "拍照计票",
    camera_stop: "关闭相机",
    camera_photo: "选择选票照片",
    camera_view: "相机画面",
    camera_picture: "读出的选票（绿框：有标记，蓝框：空白，橙色虚线框：待确认）",
    camera_starting: "正在打开相机…",
    camera_failed: |why| format!("无法打开相机：{why}。可以改用「选择选票照片」，或直接在下面点选。"),
    camera_unavailable: |why| format!("读票程序载入失败：{why}。请直接在下面点选。"),
    camera_not_photo: "这个文件不是照片，读不了。",
    camera_not_seen: |n| match n {
        NotSeen::NoSheet => "请把整张选票平放在镜头下，四个角的黑方块都要拍到。",
        NotSeen::NoCode => "看不清选票顶部的编码条：请拿稳，避免反光。",
        NotSeen::OtherSheet => "这不是本次计票的选票（是另一种表格的）。",
        NotSeen::TestSheet => "这是测试票（演练用），不能在正式计票中录入。请拿开。",
        NotSeen::NoLayout => "这种表格没有读票版，不能拍照计票，请直接点选。",
    },
    camera_hold: "已找到选票，请拿稳…",
    camera_next: "这一张已录入。请拿开，换下一张选票。",
    camera_busy: "本张已有点选：点「下一张」录入，或点「清空本张」后再拍。",
    camera_done: "已读出：请对照选票核对下面的标记，无误后点「下一张」。",
    decide_heading: |n| format!("待计票人确认（{n} 处）"),
    decide_box: |what, mark, doubt, symbol| {
        let seen = match mark {
            Mark::Blank => "空白",
            Mark::Circle => "○",
            Mark::Cross => "×",
            Mark::Check => "√",
            Mark::Filled => "涂黑",
        };
        match doubt {
            Doubt::Unsure => format!("{what}：看不清，像是「{seen}」，请看图确认。"),
            Doubt::NotOfForm => format!(
                "{what}：读到「{seen}」，不是本表规定的符号（{}），请看图确认；不符合规定的，按规定点选或作废票。",
                if symbol == MarkSymbol::Tick { "√" } else { "○" }
            ),
        }
    },
    decide_choice: |marks, symbol| match marks {
        (true, false) => format!("有「{}」", symbol.glyph()),
        (false, true) => "有「×」".into(),
        (false, false) => "无标记".into(),
        (true, true) => format!("「{}」和「×」都有", symbol.glyph()),
    },
    decide_name: |slot| format!("另选他人第 {} 格写了字：请照图在下面输入姓名（看不清就留空），再点确认。", slot + 1),
    decide_name_ok: "姓名已照图输入",
    write_in_box: |slot| format!("另选他人第 {} 格的方框", slot + 1),
    write_in_cell: |slot| format!("另选他人第 {} 格", slot + 1),
    decide_fill: |slot, name| format!("另选他人第 {} 格填入「{name}」", slot + 1),
    decide_image: |what| format!("{what}：选票照片局部（放大）"),
    test_mode_option: "测试模式：用测试票演练计票，结果不作数",
    test_mode_hint: "测试计票的结果处处标明「测试」，不能发送、汇总或核对。录入页有测试票清单，录完逐张对照。",
    test_banner: "测试计票（演练）：结果不作数，不能发送、汇总或核对。",
    session_test_option: "测试模式：在平板上演练投票，结果不作数",
    session_test_hint: "测试投票的结果处处标明「测试」，不能发送、汇总或核对；可在「本机数据与备份」一次清除。",
    session_test_banner: "测试投票（演练）：结果不作数，不能发送、汇总或核对。",
    tab_deck: "测试票",
    deck_heading: "测试票",
    deck_intro: "按下面的顺序唱票录入（或打印后拍照计票）。每张写明票面上的标记。",
    deck_line: |n, what| format!("第 {n} 张：{what}"),
    deck_blank: "空白，什么都不写",
    deck_void: |why| format!("作废票（{why}）"),
    deck_written: |name| format!("另选他人写「{name}」"),
    deck_compare_heading: "对照结果",
    deck_progress: |entered, total| format!("已录入 {entered} 张 / 测试票 {total} 张。录完后在这里逐张对照。"),
    deck_same: |n| format!("录入与测试票逐张一致：共 {n} 张。"),
    deck_differs: |n| format!("与测试票不一致：{n} 处。"),
    deck_difference: |expected, entered| match (expected, entered) {
        (Some((a, x)), Some((b, y))) => format!("测试票第 {a} 张（{x}）录入为第 {b} 张（{y}）"),
        (Some((a, x)), None) => format!("测试票第 {a} 张（{x}）没有录入"),
        (None, Some((b, y))) => format!("录入的第 {b} 张（{y}）不在测试票里"),
        (None, None) => String::new(),
    },
    verdict_valid: "有效票",
    verdict_blank: "空白票（没有表示任何意见）",
    verdict_void: |r| match r {
        VoidReason::OverMarked {
            marked,
            allowed,
            election: false,
            ..
        } => format!("此票无效：推荐人数超过 {allowed} 人（选了 {marked} 人）"),
        VoidReason::OverMarked {
            marked,
            allowed,
            election: true,
            ..
        } => format!("此票无效：赞成的人数超过应选人数 {allowed} 人（选了 {marked} 人）"),
        VoidReason::Declared(d) => format!("废票：{}", (BALLOT.void_reason)(d)),
        VoidReason::BadWriteIn { fault, .. } => match fault {
            WriteInFault::Unmarked => "此票无效：另选他人写了姓名，但没有划表示赞成的符号".into(),
            WriteInFault::BeyondOpposed => {
                "此票无效：另选他人的人数多于对名单上人选划“×”（反对）的人数".into()
            }
        },
    },
    note_section_void: |title, marked, allowed| {
        format!("「{title}」推荐人数超过 {allowed} 人（选了 {marked} 人），这一部分不计")
    },
    note_seats_void: |title, marked, allowed| {
        format!("「{title}」赞成的人数超过应选人数 {allowed} 人（选了 {marked} 人），这一部分不计")
    },
    note_write_in_rejected: |name| format!("另选“{name}”是名单上的人，这一栏不计"),
    note_write_in_repeated: |name| format!("“{name}”重复，只计一次"),
    note_write_in_ambiguous: |name| {
        format!("另选“{name}”：名单上有同名的几位，无法确定是哪一位，这一栏不计")
    },
    note_write_in_declined: |name| format!("另选“{name}”没有表示赞成，这一栏不计"),
    note_write_in_decided: |name, person| format!("另选“{name}”：经监票人确定，计给{person}"),
    decide_same_name: |name| {
        format!("名单上有几位“{name}”：请监票人确定这张票写的是哪一位")
    },
    decide_none: "无法确定，这一栏不计",
    note_write_in_unmarked: |name, glyph| {
        format!("另选“{name}”下方没有划{glyph}，这一栏不计")
    },
    note_write_in_excess: |name| {
        format!("另选“{name}”：另选的人数多于反对（划×）的人数，这一栏不计")
    },
    note_box_unreadable: |name, glyph| format!("“{name}”既有{glyph}又有×，无法辨认，这一栏不计"),
    summary_opposed: |names| format!("反对 {names}"),
    note_item_spoiled: |item| format!("「{item}」选了多个等次，这一项不计"),
    ballot_number: |n| format!("第 {n} 张"),
    struck_label: "已划去",
    corrected_times: |n| format!("更正过 {n} 次"),
    correct: "更正",
    strike: "划去",
    restore: "恢复",
    audit_heading: "修改记录",
    audit_none: "没有更正、划去或修改。",
    audit_entry,
    figures_heading: "人数和张数",
    save: "保存",
    ask_undo_title: |n| format!("划去上一张（第 {n} 张）？"),
    ask_strike_title: |n| format!("划去第 {n} 张？"),
    ask_strike_body: "划去后这张票不再计入，可在「已录入」里恢复；这一操作记入修改记录。",
    ask_delete_title: "删除本次计票？",
    count_refused,

};

fn figure_flag(f: FigureFlag) -> String {
    coded(&figure_flag_text(f), f.code())
}

/// The one message of each figure finding (C01–C03), without its code: the app's screens and
/// the results module's say the same.
pub(super) fn figure_flag_text(f: FigureFlag) -> String {
    match f {
        FigureFlag::ReturnedExceedsIssued { returned, issued } => {
            format!("收回 {returned} 张多于发出 {issued} 张：本次投票无效，应重新投票。")
        }
        FigureFlag::PresentExceedsDue { present, due } => {
            format!("实到 {present} 人多于应到 {due} 人，请核对。")
        }
        FigureFlag::IssuedExceedsPresent { issued, present } => {
            format!("发出 {issued} 张多于实到 {present} 人，请核对。")
        }
    }
}

fn figure(n: Option<u32>) -> String {
    n.map_or_else(|| "未填".into(), |n| n.to_string())
}

fn audit_entry(op: &CountOp) -> String {
    match op {
        CountOp::Add { .. } => "录入一张".into(),
        CountOp::Read { ballot, camera } => format!(
            "拍照录入一张：{} 处由计票人判定，{}",
            camera.open,
            if *ballot == camera.read {
                "与读出一致"
            } else {
                "判定后与读出不同"
            }
        ),
        CountOp::Replace { seq, .. } => format!("第 {seq} 张更正"),
        CountOp::Strike { seq } => format!("第 {seq} 张划去"),
        CountOp::Restore { seq } => format!("第 {seq} 张恢复"),
        CountOp::SetFigures { figures: f } => format!(
            "人数张数改为：应到 {}，实到 {}，发出 {}，收回 {}",
            figure(f.due),
            figure(f.present),
            figure(f.issued),
            figure(f.returned)
        ),
        CountOp::Deleted(true) => "删除计票（保留 30 天，可在“本机数据与备份”中恢复）".into(),
        CountOp::Deleted(false) => "恢复已删除的计票".into(),
    }
}

fn count_refused(r: CountRefused) -> String {
    let what = match r {
        CountRefused::AllReturnedEntered { returned } => {
            format!("已录入 {returned} 张，与收回张数相同，不能再录入。如收回张数有误，请先更正。")
        }
        CountRefused::WrongShape => "这张票与表格不符，无法录入。".into(),
        CountRefused::Deleted => "这个计票已删除：请先在“本机数据与备份”中恢复。".into(),
        CountRefused::NoSuchBallot { seq } => format!("没有第 {seq} 张票。"),
        CountRefused::Struck { seq } => format!("第 {seq} 张已划去，请先恢复。"),
        CountRefused::NotStruck { seq } => format!("第 {seq} 张没有划去，无需恢复。"),
        CountRefused::FiguresInvalid => {
            "人数和张数须为 0 到 100000 之间的整数，收回张数不能少于已录入的张数。".into()
        }
        CountRefused::Undecided { open } => {
            format!("还有 {open} 处拍照读票没有确认：请看图逐一确认后再录入。")
        }
    };
    coded(&what, r.code())
}

fn session_error(e: SessionError) -> String {
    let what = match e {
        SessionError::BadCharacter(c) => {
            let what = format!(
                "含有看不见或写法不标准的字符 {}：看起来一样的名称会被当成不同的单位，请删去后重新输入",
                crate::names::code_point(c)
            );
            return coded(&what, e.code());
        }
        SessionError::AreaMissing => "请填写居民区名称",
        SessionError::UnitNameInvalid => "名称太长（最多 40 个字）或含有特殊字符",
        SessionError::CategoryUnknown => "表格里没有这个身份",
        SessionError::CategoryRuleMismatch => "请选择本场投票人的身份",
        SessionError::NumberInvalid => "请填写 0 到 100000 之间的整数，或留空",
        SessionError::PinFormat => "密码须为 6–12 位数字",
        SessionError::PinMismatch => "两次输入的密码不一样",
    };
    coded(what, e.code())
}

fn mark_refused(r: &MarkRefused) -> String {
    match r {
        MarkRefused::LimitReached { max } => format!("最多推荐 {max} 人。如要改选，请先取消一人。"),
        MarkRefused::WriteInNeedsOppose => {
            "另选他人须先对名单上的一位人选选择“反对”：另选的人数不能多于反对的人数。".into()
        }
        MarkRefused::OpposeHoldsWriteIn => {
            "您另选了他人，需要保留同样多的“反对”：如要改变，请先删去一位另选的人。".into()
        }
        MarkRefused::SeatsReached { max } => {
            format!("最多选 {max} 人。如要改选，请先取消一人。")
        }
        MarkRefused::AgreeLimitReached { max } => {
            format!("赞成的最多 {max} 人。如要改选，请先把一位改为“反对”或“弃权”。")
        }
        MarkRefused::WriteInIsListed { name } => {
            format!("“{name}”已在名单中，请直接在名单里选择。")
        }
        MarkRefused::WriteInTwice { name } => format!("“{name}”已经写过了。"),
        MarkRefused::WriteInAmbiguous { name } => {
            format!("名单上有不止一位“{name}”，请直接在名单里选择您要推荐的那一位。")
        }
        MarkRefused::WriteInInvalid => "这个姓名无法使用（太长或含有特殊字符）。".into(),
    }
}

fn field_name(f: Field, at_root: bool) -> &'static str {
    match f {
        Field::Format => "格式标识",
        Field::Version => "版本",
        Field::Title if at_root => "表格标题",
        Field::Title => "本部分标题",
        Field::Issuer => "发布单位",
        Field::Notes => "说明",
        Field::Categories => "投票人类别",
        Field::Sections => "表格内容",
        Field::Subjects => "测评对象",
        Field::Name => "姓名",
        Field::Role => "职务",
        Field::Dimensions => "测评项目",
        Field::Levels => "等次",
        Field::Candidates => "人选名单",
        Field::Note => "备注",
        Field::MaxMarks => "应推荐人数",
        Field::WriteInSlots => "另选他人栏数",
        Field::Rules => "计票规则",
        Field::Round => "轮次",
        Field::Taken => "前几轮已当选",
    }
}

fn item_name(list: Field, i: usize) -> String {
    let n = i + 1;
    match list {
        Field::Sections => format!("第{n}部分"),
        Field::Candidates => format!("第{n}位人选"),
        Field::Subjects => format!("第{n}个测评对象"),
        Field::Levels => format!("第{n}个等次"),
        Field::Dimensions => format!("第{n}个测评项目"),
        Field::Categories => format!("第{n}个类别"),
        Field::Rules => format!("第{n}条规则"),
        other => format!("{}第{n}项", field_name(other, false)),
    }
}

/// `sections[0].candidates[2].name` → 第1部分 › 第3位人选 › 姓名
fn location(segments: &[Segment]) -> String {
    super::location(segments, field_name, item_name, |n| {
        format!("第{}项", n + 1)
    })
}

pub(crate) fn template_error(e: &TemplateError) -> String {
    let what = problem(&e.kind);
    let code = e.kind.code();
    if e.path.0.is_empty() {
        coded(&what, code)
    } else {
        coded(&format!("{}：{what}", location(&e.path.0)), code)
    }
}

/// A problem without where it is: shown next to its field in the editor.
pub(crate) fn template_problem(kind: &TemplateErrorKind) -> String {
    coded(&problem(kind), kind.code())
}

fn problem(kind: &TemplateErrorKind) -> String {
    use TemplateErrorKind as K;
    match kind {
        K::Json { line, column, .. } => {
            format!("文件内容有误（第 {line} 行第 {column} 列），不是有效的模板文件")
        }
        K::NotATemplate => "这不是本应用的模板文件".into(),
        K::UnsupportedVersion { found: Some(v) } => {
            format!("模板版本 {v} 无法读取（本应用读取版本 1），请更新应用")
        }
        K::UnsupportedVersion { found: None } => "模板缺少版本号".into(),
        K::FileTooLarge { bytes, limit } => format!(
            "文件太大（{} KB），模板文件最大 {} KB",
            bytes.div_ceil(1024),
            limit / 1024
        ),
        K::Empty => "不能为空".into(),
        K::TooLong { max } => format!("太长，最多 {max} 个字"),
        K::ControlCharacter => "含有不可见的控制字符".into(),
        K::HiddenCharacter { ch } => format!(
            "含有看不见的字符 {}（零宽字符、软连字符或文字方向控制符等），看起来一样的名字会被当成不同的人：请删去后重新输入",
            crate::names::code_point(*ch)
        ),
        K::UnnormalizedCharacter { ch } => format!(
            "含有写法不标准的字符「{ch}」（{}），看起来一样的字会被当成不同的字：请用输入法重新输入这个字",
            crate::names::code_point(*ch)
        ),
        K::TooFew { min } => format!("至少要有 {min} 项"),
        K::TooMany { max } => format!("最多 {max} 项"),
        K::NumberTooHigh { max } => format!("最多为 {max}"),
        K::Duplicate { name, first } => {
            format!("“{name}”与第{}项重复；同名的请用备注区分", first + 1)
        }
        K::NothingToMark => "既没有名单也没有另选他人栏，无从推荐".into(),
        K::MaxMarksZero => "不能为 0".into(),
        K::MaxMarksAboveAvailable {
            max_marks,
            available,
        } => {
            format!("{max_marks} 人超过了票上可选的 {available} 人（名单加另选他人栏）")
        }
        K::InvertedOverMarked {
            max_marks,
            candidates,
        } => format!(
            "按本模板的划法，不划符号即为赞成：名单 {candidates} 人多于 {max_marks} 人，原样交回的票就会超过人数而无效；请换一种划法，或调整人数"
        ),
        K::EqualContest { seats, names } => {
            format!("等额选举的候选人数应等于应选人数：应选 {seats} 人，名单有 {names} 人")
        }
        K::CompetitiveContest {
            seats,
            names,
            needed,
        } => format!(
            "差额选举的候选人数应多于应选人数：应选 {seats} 人，名单至少要有 {needed} 人，现有 {names} 人"
        ),
        K::RoundMismatch => {
            "轮次信息与选票的各部分对不上：请从上一轮的结果重新生成本轮选票".into()
        }
        K::TakenAgain { name } => format!(
            "“{name}”已在前一轮当选（或列入），不能再列入本轮名单，也不能记录两次"
        ),
        K::BadRoundLink => {
            "轮次信息有误，不是本应用生成的：请从上一轮的结果重新生成本轮选票".into()
        }
        K::AfterOpposeWithoutCross => {
            "“对名单上的人划×后才可另选他人”需要有“反对（×）”的划法：请先把划票方式改为赞成、反对、弃权三种".into()
        }
        K::WeightsPerCategory { categories } => {
            format!("应为每个投票人类别各设一个权重（共 {categories} 个类别）")
        }
        K::UnknownLevel { name } => format!("“{name}”不是本部分的等次"),
        K::ShareAboveOne => "比例不能大于 1".into(),
        K::BadRule { example } => format!("写法有误，应写成如“{example}”"),
        K::UnknownRule { key } => format!("“{key}”不是这里可用的规则"),
    }
}

/// 「应到 50 人，实到 45 人」, a figure not entered as 未填.
fn attendance(due: Option<u32>, present: Option<u32>) -> String {
    let v = |n: Option<u32>| n.map_or_else(|| "未填".to_string(), |n| format!("{n} 人"));
    format!("应到 {}，实到 {}", v(due), v(present))
}

/// A message with its code after it, in brackets: the sentence first, for the person who
/// reads it; the code for whoever helps them (every message of the app ends the same way).
pub(crate) fn coded(what: &str, code: &str) -> String {
    format!("{what}（{code}）")
}
