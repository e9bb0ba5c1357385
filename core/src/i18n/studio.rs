//! The strings of the template studio (library, editor, sharing, import, printed forms): a
//! module loaded on demand, so a catalogue of its own that the first-load app never links.
//! The link errors (L01–L04) and the wording of the printed instructions are here, one
//! message each.

use crate::error::{TemplateError, TemplateErrorKind};
use crate::share::ShareError;
use crate::template::{
    BadWriteIn, EvaluationSection, MarkSymbol, Marking, OverMarkedRule, RecommendationSection,
    Scheme, Section, TemplateSpec, Unmarked,
};

pub struct StudioTexts {
    pub loading: &'static str,
    pub dismiss: &'static str,
    pub cancel: &'static str,
    pub kind_evaluation: &'static str,
    pub kind_recommendation: &'static str,
    pub kind_election: &'static str,
    pub fingerprint_label: &'static str,
    pub fingerprint_pending: &'static str,
    pub fingerprint_hint: &'static str,
    pub back_to_library: &'static str,

    // Library
    pub library_title: &'static str,
    pub library_lead: &'static str,
    pub new_template_button: &'static str,
    pub import_file: &'static str,
    pub paste_link_label: &'static str,
    pub open_link: &'static str,
    pub library_damaged: fn(usize) -> String,
    pub printed_title: fn(&str) -> String,
    pub badge_builtin: &'static str,
    pub badge_frozen: &'static str,
    pub draft_problems: fn(usize) -> String,
    pub edit: &'static str,
    pub copy: &'static str,
    pub share: &'static str,
    pub print_blank: &'static str,
    pub rename: &'static str,
    pub delete: &'static str,
    pub copy_suffix: fn(u32) -> String,
    pub new_version_suffix: fn(u32) -> String,
    pub imported_suffix: fn(u32) -> String,

    // Questions and notices
    pub delete_title: &'static str,
    pub delete_body: fn(&str) -> String,
    pub discard_title: &'static str,
    pub discard_body: &'static str,
    pub discard: &'static str,
    pub rename_title: &'static str,
    pub field_name: &'static str,
    pub saved: fn(&str) -> String,
    pub saved_draft: fn(&str) -> String,
    pub deleted: fn(&str) -> String,
    pub imported: fn(&str) -> String,

    // Editor
    pub new_title: &'static str,
    pub edit_title: &'static str,
    pub frozen_note: &'static str,
    pub name_hint: &'static str,
    pub basics_legend: &'static str,
    pub title_label: &'static str,
    pub issuer_label: &'static str,
    pub notes_label: &'static str,
    pub marking_legend: &'static str,
    pub symbol_label: fn(&str) -> String,
    pub unmarked_legend: &'static str,
    pub unmarked_not_recommended: &'static str,
    pub unmarked_abstain: &'static str,
    /// The marking scheme's choices: ○ only; ○ and × (三种意见); inverted.
    pub scheme_legend: &'static str,
    pub scheme_label: fn(crate::template::Scheme) -> &'static str,
    pub categories_legend: &'static str,
    pub categories_hint: &'static str,
    pub category_n: fn(usize) -> String,
    pub add_category: &'static str,
    pub section_heading: fn(usize, &str) -> String,
    pub section_title_label: &'static str,
    pub names_heading: &'static str,
    pub name_n: fn(usize) -> String,
    pub note_label: &'static str,
    pub add_name: &'static str,
    pub sort_strokes: &'static str,
    pub sort_strokes_hint: &'static str,
    pub bulk_label: &'static str,
    pub bulk_add: &'static str,
    pub max_marks_label: &'static str,
    /// An election's: 应选人数, and its contest (等额 or 差额).
    pub seats_label: &'static str,
    pub contest_legend: &'static str,
    pub contest_equal: &'static str,
    pub contest_competitive: &'static str,
    pub write_in_slots_label: &'static str,
    pub repeat_listed_label: &'static str,
    pub over_marked_legend: &'static str,
    /// The write-in rules: the written name must be marked; only after 反对; what breaking
    /// them voids.
    pub needs_mark_label: &'static str,
    pub after_oppose_label: &'static str,
    pub bad_write_in_legend: &'static str,
    pub bad_write_in_entry: &'static str,
    pub bad_write_in_ballot: &'static str,
    pub over_void_ballot: &'static str,
    pub over_void_section: &'static str,
    pub subjects_heading: &'static str,
    pub subject_n: fn(usize) -> String,
    pub role_label: &'static str,
    pub dimensions_summary: fn(usize) -> String,
    pub dimension_n: fn(usize) -> String,
    pub add_dimension: &'static str,
    pub add_subject: &'static str,
    pub levels_heading: &'static str,
    pub levels_hint: &'static str,
    pub level_n: fn(usize) -> String,
    pub add_level: &'static str,
    pub section_rules_heading: &'static str,
    pub rules_example_recommendation: &'static str,
    pub rules_example_election: &'static str,
    pub rules_example_evaluation: &'static str,
    pub rules_example_template: &'static str,
    pub template_rules_legend: &'static str,
    pub rule_n: fn(usize) -> String,
    pub add_rule: &'static str,
    /// The rule editor's controls (the statements stay the file format).
    pub rule_kind_label: &'static str,
    pub rule_kind: fn(&str) -> &'static str,
    pub rule_choose: &'static str,
    pub rule_text_label: &'static str,
    pub rule_number_label: fn(&str) -> &'static str,
    pub rule_share_label: &'static str,
    pub rule_compare_label: &'static str,
    pub rule_compare: fn(crate::rules::Compare) -> &'static str,
    pub rule_base_label: &'static str,
    pub rule_base: fn(crate::rules::Base) -> &'static str,
    pub rule_levels_label: &'static str,
    pub rule_scope_label: &'static str,
    pub rule_scope: fn(crate::rules::Scope) -> &'static str,
    pub rule_quorum_none: &'static str,
    /// `majority none`: most votes, no share needed (a 再次投票).
    pub rule_majority_none: &'static str,
    /// A round after the first, on the import page: its number and the first round's
    /// title; per section what it decides and the names earlier rounds took.
    pub summary_round: fn(u16, &str) -> String,
    pub summary_taken: fn(&crate::template::RoundSection) -> String,
    pub rule_weights_label: &'static str,
    pub add_recommendation: &'static str,
    pub add_election: &'static str,
    pub new_election: fn() -> Section,
    pub add_evaluation: &'static str,
    pub move_up: fn(&str) -> String,
    pub move_down: fn(&str) -> String,
    pub remove_item: fn(&str) -> String,
    pub save: &'static str,
    pub save_new_version: &'static str,
    pub preview_title: &'static str,
    pub preview_inactive: &'static str,
    /// A problem next to its field (the field's label says where).
    pub template_problem: fn(&TemplateErrorKind) -> String,
    /// A problem in a list, with where it is.
    pub template_error: fn(&TemplateError) -> String,
    /// What a new template, and a new section of each kind, start as.
    pub new_template: fn() -> TemplateSpec,
    pub new_recommendation: fn() -> Section,
    pub new_evaluation: fn() -> Section,

    // Share
    pub share_title: fn(&str) -> String,
    pub share_file_heading: &'static str,
    pub share_file_hint: &'static str,
    pub download_file: &'static str,
    pub file_name: fn(&str) -> String,
    pub file_saved: fn(&str) -> String,
    pub file_not_saved: &'static str,
    pub share_link_heading: &'static str,
    pub link_label: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub link_not_copied: &'static str,
    pub share_qr_heading: &'static str,
    pub qr_label: fn(&str) -> String,
    pub qr_hint: &'static str,
    pub qr_too_large: fn(usize, usize) -> String,

    // Import
    pub import_title: &'static str,
    pub import_refused_title: &'static str,
    pub import_refused_hint: &'static str,
    /// After a refused file (a refused link's message already says what to do).
    pub import_refused_file_hint: &'static str,
    pub from_file: &'static str,
    pub from_link: &'static str,
    pub file_unreadable: &'static str,
    pub file_not_text: &'static str,
    pub import_preview: &'static str,
    pub summary_recommendation: fn(&str, usize, u16, u16) -> String,
    /// An election section on import: title, names, seats, 等额 or 差额.
    pub summary_election: fn(&str, usize, u16, crate::template::Contest) -> String,
    pub summary_evaluation: fn(&str, usize, &[String]) -> String,
    pub summary_categories: fn(&[String]) -> String,
    /// The names of a section, in order, each with its note or role.
    pub summary_names: fn(&[String]) -> String,
    pub import_compare_hint: &'static str,
    pub import_already_there: fn(&str) -> String,
    pub import_same_title: fn(&str) -> String,
    pub import_local: &'static str,
    pub import_incoming: &'static str,
    pub import_keep_both: &'static str,
    pub import_replace: &'static str,
    pub import_no_replace: &'static str,
    pub import_confirm: &'static str,
    pub share_error: fn(&ShareError) -> String,

    // Scanning a QR code
    pub scan_button: &'static str,
    pub scan_title: &'static str,
    pub scan_hint: &'static str,
    pub camera_label: &'static str,
    pub camera_start: &'static str,
    pub camera_stop: &'static str,
    pub camera_starting: &'static str,
    pub camera_scanning: &'static str,
    pub camera_failed: fn(&str) -> String,
    pub scan_photo: &'static str,
    pub scan_reading: &'static str,
    pub photo_unreadable: &'static str,
    pub no_code_in_photo: &'static str,
    pub scan_failed: fn(&str) -> String,

    // Printed forms
    pub print_title: fn(&str) -> String,
    pub per_page_legend: &'static str,
    pub per_page: fn(u8) -> String,
    pub per_page_too_long: &'static str,
    pub print_hint: &'static str,
    pub print: &'static str,
    pub print_preview: &'static str,
    /// The machine-readable sheet (读票版): its choice, why a template has none, what it
    /// carries, and its footer (fingerprint and layout version).
    pub readable_sheet: &'static str,
    pub readable_too_long: &'static str,
    pub readable_hint: &'static str,
    pub deck_sheets: &'static str,
    pub deck_hint: &'static str,
    /// Printed on every test deck sheet, between its bottom markers.
    pub deck_stamp: &'static str,
    pub readable_footer: fn(&str, u8) -> String,
    pub paper_recommendation: fn(&RecommendationSection, Marking) -> String,
    pub paper_evaluation: fn(MarkSymbol) -> String,
    pub paper_subject: &'static str,
    pub paper_write_in: &'static str,
}

pub static ZH_CN: StudioTexts = StudioTexts {
    loading: "正在读取模板库…",
    dismiss: "知道了",
    cancel: "取消",
    kind_evaluation: "民主测评",
    kind_recommendation: "推荐",
    kind_election: "选举",
    fingerprint_label: "模板校验码",
    fingerprint_pending: "改正全部问题后生成",
    fingerprint_hint: "各居民区的校验码相同，就是同一张表。可以电话核对。",
    back_to_library: "返回模板库",

    library_title: "模板库",
    library_lead: "街道统一制作模板，发给各居民区；居民区导入后填上本区的名单。",
    new_template_button: "新建模板",
    import_file: "导入模板文件",
    paste_link_label: "收到的模板链接（粘贴到这里）",
    open_link: "打开链接",
    library_damaged: |n| format!("有 {n} 条模板记录已损坏，无法读取；其余模板不受影响。"),
    printed_title: |title| format!("票面标题：{title}"),
    badge_builtin: "内置示例",
    badge_frozen: "已有投票记录（已锁定）",
    draft_problems: |n| format!("草稿：有 {n} 处问题，改正前不能用于投票"),
    edit: "编辑",
    copy: "复制",
    share: "分享",
    print_blank: "打印空白票",
    rename: "重命名",
    delete: "删除",
    copy_suffix: |n| if n == 1 { "（副本）".into() } else { format!("（副本 {n}）") },
    new_version_suffix: |n| {
        if n == 1 {
            "（新版本）".into()
        } else {
            format!("（新版本 {n}）")
        }
    },
    imported_suffix: |n| if n == 1 { "（导入）".into() } else { format!("（导入 {n}）") },

    delete_title: "删除模板？",
    delete_body: |name| {
        format!("“{name}”将从本设备的模板库删除。已用它投票或计票的记录不受影响。")
    },
    discard_title: "放弃修改？",
    discard_body: "还没有保存的修改将丢失。",
    discard: "放弃修改",
    rename_title: "重命名模板",
    field_name: "模板名称（只在本设备的模板库中显示）",
    saved: |name| format!("已保存：{name}"),
    saved_draft: |name| format!("已保存为草稿：{name}。改正全部问题后才能用于投票和计票。"),
    deleted: |name| format!("已删除：{name}"),
    imported: |name| format!("已导入：{name}"),

    new_title: "新建模板",
    edit_title: "编辑模板",
    frozen_note: "此模板是内置示例，或已有投票记录，不能直接修改。保存时将另存为新版本，原模板保持不变。",
    name_hint: "不填则用票面标题。",
    basics_legend: "票面",
    title_label: "票面标题",
    issuer_label: "制发单位",
    notes_label: "说明（印在标题下）",
    marking_legend: "划票方式",
    symbol_label: |s| format!("赞成或选中的划“{s}”"),
    unmarked_legend: "名单上不划符号的：",
    unmarked_not_recommended: "视为不推荐（不赞成）",
    unmarked_abstain: "视为弃权",
    scheme_legend: "每个名字的意见：",
    scheme_label: |s| match s {
        Scheme::AgreeOnly => "只划赞成的（推荐票的常见划法）",
        Scheme::AgreeOppose => "赞成、反对、弃权三种：赞成的划○（或√），反对的划×，弃权的不划",
        Scheme::Inverted => "反向划法：赞成的不划，反对的划×，弃权的划○（或√）",
    },
    categories_legend: "投票人类别",
    categories_hint: "分开统计的类别，如 党员、群众代表。不分类别可以不填。",
    category_n: |i| format!("类别 {i}"),
    add_category: "添加类别",
    section_heading: |i, kind| format!("第 {i} 部分：{kind}"),
    section_title_label: "本部分标题",
    names_heading: "名单",
    name_n: |i| format!("第 {i} 人姓名"),
    note_label: "备注（同名时区分）",
    add_name: "添加一人",
    sort_strokes: "按姓氏笔画排序",
    sort_strokes_hint: "按姓的笔画数从少到多排列，笔画相同再比下一个字。",
    bulk_label: "批量添加（每行一个姓名，也可用顿号分隔）",
    bulk_add: "添加到名单末尾",
    max_marks_label: "最多可推荐人数（应推荐人数）",
    seats_label: "应选人数（每张票最多赞成的人数）",
    contest_legend: "选举方式",
    contest_equal: "等额：候选人数等于应选人数（如选举书记、副书记）",
    contest_competitive: "差额：候选人数多于应选人数（至少多 1/5，且至少多 1 人；可在规则里改）",
    write_in_slots_label: "另选他人空格数",
    repeat_listed_label: "另选他人可以写名单上的人（计入该人）",
    over_marked_legend: "推荐人数超过规定时",
    needs_mark_label: "另选他人写上姓名后，还须在下方划赞成的符号才算数",
    after_oppose_label: "对名单上的人划“×”（反对）后才可另选他人，另选的人数不多于反对的人数",
    bad_write_in_legend: "另选他人不符合上面的规定时",
    bad_write_in_entry: "只是这一栏不计",
    bad_write_in_ballot: "整张票无效",
    over_void_ballot: "整张票无效（通常的规定）",
    over_void_section: "只有本部分无效",
    subjects_heading: "测评对象",
    subject_n: |i| format!("第 {i} 个测评对象"),
    role_label: "职务",
    dimensions_summary: |n| {
        if n == 0 {
            "分项测评（不分项则整体评价）".into()
        } else {
            format!("分项测评（{n} 项）")
        }
    },
    dimension_n: |i| format!("分项 {i}"),
    add_dimension: "添加分项",
    add_subject: "添加测评对象",
    levels_heading: "评价等次",
    levels_hint: "从好到差排列，如 满意、基本满意、不满意；可加“不了解”。",
    level_n: |i| format!("等次 {i}"),
    add_level: "添加等次",
    section_rules_heading: "计票规则（可不填）",
    rules_example_election: "例如：当选须得票超过实到人数的一半（默认）；居委会选举可改为超过参加投票人数的一半；差额比例 1/5、至少 1 人（默认）。",
    rules_example_recommendation: "例如：应选人数 5；差额比例 1/5（应选 5 人时取 6 名）；得票须过半数：超过 1/2 的实到人数。不填的按默认：差额 1/5、至少 1 人，比例以有效票数为基数。",
    rules_example_evaluation: "例如：预警：不满意 超过 1/3；计入满意率的等次：满意、基本满意；不计入基数的等次：不了解。",
    rules_example_template: "例如：会议有效的实到人数：超过应到的 4/5（不填即为此默认）；各类别的权重：7/10 3/10。",
    template_rules_legend: "整张票的计票规则（可不填）",
    rule_n: |i| format!("规则 {i}"),
    add_rule: "添加规则",
    rule_kind_label: "规则",
    rule_kind: |key| match key {
        "quorum" => "会议有效的实到人数",
        "weights" => "各类别的权重",
        "seats" => "应选人数",
        "extra" => "差额比例",
        "extra_min" => "最少差额人数",
        "majority" => "得票须过半数",
        "further" => "另行选举当选所需票数",
        "rate_base" => "比例的基数",
        "positive" => "计入满意率的等次",
        "exclude" => "不计入基数的等次",
        "alert" => "预警",
        "alert_scope" => "预警按什么判断",
        _ => "其他（直接填写规则文字）",
    },
    rule_choose: "请选择规则",
    rule_text_label: "规则文字",
    rule_number_label: |key| match key {
        "seats" => "应选人数（如 5）",
        _ => "最少差额人数（如 1）",
    },
    rule_share_label: "比例（如 1/2、4/5、0.8）",
    rule_compare_label: "比较",
    rule_compare: |c| match c {
        crate::rules::Compare::Above => "超过",
        crate::rules::Compare::AtLeast => "不少于",
        crate::rules::Compare::Below => "低于",
        crate::rules::Compare::AtMost => "不超过",
    },
    rule_base_label: "基数",
    rule_base: |b| match b {
        crate::rules::Base::Due => "应到人数",
        crate::rules::Base::Present => "实到人数",
        crate::rules::Base::Issued => "发出张数",
        crate::rules::Base::Returned => "收回张数",
        crate::rules::Base::Valid => "有效票数",
    },
    rule_levels_label: "等次",
    rule_scope_label: "判断范围",
    rule_scope: |s| match s {
        crate::rules::Scope::Combined => "全部类别合计",
        crate::rules::Scope::EachCategory => "每个类别分别判断",
    },
    rule_quorum_none: "不设会议有效条件",
    rule_majority_none: "不设得票要求（得票多的当选，如再次投票）",
    summary_round: |n, first| format!("第{n}轮投票，接续“{first}”"),
    summary_taken: |entry| {
        let kind = match entry.kind {
            crate::template::RoundKind::Revote => "再次投票",
            crate::template::RoundKind::Further => "另行选举",
        };
        let names: Vec<&str> = entry.taken.iter().map(|x| x.name.as_str()).collect();
        if names.is_empty() {
            format!("本轮：{kind}")
        } else {
            format!("本轮：{kind}；前几轮已当选：{}", names.join("、"))
        }
    },
    rule_weights_label: "权重（按类别顺序，用空格分开，如 7/10 3/10）",
    add_recommendation: "添加推荐部分",
    add_election: "添加选举部分",
    new_election,
    add_evaluation: "添加测评部分",
    move_up: |what| format!("上移：{what}"),
    move_down: |what| format!("下移：{what}"),
    remove_item: |what| format!("删除：{what}"),
    save: "保存",
    save_new_version: "另存为新版本",
    preview_title: "投票人看到的样子",
    preview_inactive: "改正全部问题后，可以在这里试着划票。",
    template_problem: super::zh_cn::template_problem,
    template_error: super::zh_cn::template_error,
    new_template: || {
        let mut spec = TemplateSpec::new("居民区推荐票", "××街道党工委");
        spec.sections.push(new_recommendation());
        spec
    },
    new_recommendation,
    new_evaluation: || {
        Section::Evaluation(EvaluationSection {
            title: "民主测评".into(),
            subjects: vec![crate::template::Subject {
                name: "班子整体".into(),
                ..Default::default()
            }],
            levels: vec!["满意".into(), "基本满意".into(), "不满意".into()],
            rules: Vec::new(),
        })
    },

    share_title: |name| format!("分享模板：{name}"),
    share_file_heading: "模板文件",
    share_file_hint: "可以通过微信、邮件或 U 盘发给各居民区；对方在“模板库”中选“导入模板文件”。",
    download_file: "下载模板文件",
    file_name: |name| format!("{name}.json"),
    file_saved: |name| format!("已保存文件：{name}"),
    file_not_saved: "文件没能保存，请再试一次。",
    share_link_heading: "模板链接",
    link_label: "链接（在另一台设备上打开即可导入）",
    copy_link: "复制链接",
    link_copied: "链接已复制。",
    link_not_copied: "此浏览器不允许复制，请长按链接手动复制。",
    share_qr_heading: "二维码",
    qr_label: |name| format!("模板“{name}”的二维码"),
    qr_hint: "用另一台手机或平板的相机扫描，打开链接即可导入。",
    qr_too_large: |len, max| {
        format!("模板内容较多（链接 {len} 个字符，超过 {max} 个），二维码无法可靠扫描，请改用模板文件。")
    },

    import_title: "导入模板",
    import_refused_title: "无法导入",
    import_refused_hint: "本设备的模板库没有任何改动。",
    import_refused_file_hint: "请让对方重新发送模板文件。",
    from_file: "来自模板文件",
    from_link: "来自模板链接",
    file_unreadable: "文件无法读取，不是有效的模板文件（T01）",
    file_not_text: "这个文件不是文本（不是 UTF-8 编码），不是有效的模板文件（T01）",
    import_preview: "将导入的模板",
    summary_election: |title, names, seats, contest| {
        let how = match contest {
            crate::template::Contest::Equal => "等额",
            crate::template::Contest::Competitive => "差额",
        };
        format!("{title}：{how}选举，候选人 {names} 人，应选 {seats} 人")
    },
    summary_recommendation: |title, names, max, slots| {
        let slots = if slots > 0 {
            format!("，另选他人 {slots} 格")
        } else {
            String::new()
        };
        format!("{title}：名单 {names} 人，最多推荐 {max} 人{slots}")
    },
    summary_evaluation: |title, subjects, levels| {
        format!("{title}：测评对象 {subjects} 个，等次 {}", levels.join("/"))
    },
    summary_categories: |c| format!("投票人类别：{}", c.join("、")),
    summary_names: |n| format!("名单：{}", n.join("、")),
    import_compare_hint: "请与发来模板的单位核对校验码。",
    import_already_there: |name| format!("本设备已有这个模板（校验码相同）：{name}。无需导入。"),
    import_same_title: |name| {
        format!("本设备已有同名但内容不同的模板“{name}”。两者的校验码：")
    },
    import_local: "本设备的",
    import_incoming: "要导入的",
    import_keep_both: "两者都保留（另存为新模板）",
    import_replace: "用导入的替换本设备的",
    import_no_replace: "本设备的那份是内置示例或已有投票记录，不能替换，只能两者都保留。",
    import_confirm: "导入",
    share_error,

    scan_button: "扫描二维码",
    scan_title: "扫描模板二维码",
    scan_hint: "在另一台设备上打开“分享”，把二维码对准本机的相机；也可以选一张二维码的照片。",
    camera_label: "相机画面",
    camera_start: "打开相机扫描",
    camera_stop: "关闭相机",
    camera_starting: "正在打开相机…",
    camera_scanning: "正在扫描，请把二维码放在画面中间。",
    camera_failed: |why| format!("无法打开相机（{why}）。请允许本应用使用相机，或改用照片。"),
    scan_photo: "从照片读取二维码",
    scan_reading: "正在读取照片…",
    photo_unreadable: "这个文件不是能读取的图片，请换一张照片。",
    no_code_in_photo: "照片中没有找到二维码。请拍清楚整个二维码后再试，或改用模板文件。",
    scan_failed: |why| format!("二维码读取程序无法加载（{why}），请改用文件。"),

    print_title: |name| format!("打印空白票：{name}"),
    per_page_legend: "每张 A4 纸印",
    per_page: |n| format!("{n} 张票"),
    per_page_too_long: "（名单较长，放不下）",
    print_hint: "份数在打印对话框中设置。票上不印编号或任何记号。",
    print: "打印",
    print_preview: "打印预览",
    readable_sheet: "读票版（可用手机拍照计票，每张一页）",
    readable_too_long: "内容超过一页，不能印读票版",
    readable_hint: "读票版四角的黑方块和顶部的一行小方块只表示这个模板，每张票都一样，不含编号。请用 A4 纸按 100% 比例打印，不要缩放。",
    deck_sheets: "测试票（读票版，已按测试票画好标记，每张一页，供演练）",
    deck_hint: "测试票用于演练计票：新建计票时选「测试模式」，按测试票唱票或拍照录入，录完逐张对照。每张都印有「测试票」字样，不是选票，演练后请收回销毁。测试票清单的最后一张（作废票）不打印：请另取一张空白票随意涂画代替。",
    deck_stamp: "测试票 · 演练用 · 不是选票",
    readable_footer: |fp, version| format!("模板校验码 {fp} · 读票版 {version}"),
    paper_recommendation,
    paper_evaluation: |symbol| {
        let s = symbol.glyph();
        format!("请在每一项对应的评价等次下的空格内划“{s}”，每项只能划一个，多划的该项无效。")
    },
    paper_subject: "测评对象",
    paper_write_in: "另选他人",
};

fn new_election() -> Section {
    names_section("委员", Some(crate::template::Contest::Competitive))
}

fn new_recommendation() -> Section {
    names_section("候选人初步人选", None)
}

/// A new section of names, a recommendation or an election: no names yet, one to mark,
/// one 另选他人 cell, every other choice at its default.
pub(crate) fn names_section(title: &str, election: Option<crate::template::Contest>) -> Section {
    Section::Recommendation(RecommendationSection {
        title: title.into(),
        candidates: Vec::new(),
        max_marks: 1,
        election,
        write_in_slots: 1,
        write_in_may_repeat_listed: false,
        write_in_needs_mark: false,
        write_in_after_oppose: false,
        bad_write_in: Default::default(),
        over_marked: OverMarkedRule::VoidBallot,
        rules: Vec::new(),
    })
}

/// One message per link error (L01–L04); a template's own problems follow with their codes.
fn share_error(e: &ShareError) -> String {
    let text = match e {
        ShareError::NotALink => "这不是本应用的模板链接。".to_string(),
        ShareError::Damaged => "链接已损坏或不完整，请让对方重新发送，或改用模板文件。".to_string(),
        ShareError::TooLarge => "链接中的内容超过模板文件的大小上限，已拒绝。".to_string(),
        ShareError::Invalid(errors) => {
            let list: Vec<String> = errors.iter().map(super::zh_cn::template_error).collect();
            format!("链接中的模板有误：{}", list.join("；"))
        }
    };
    super::zh_cn::coded(&text, e.code())
}

/// The printed instructions of a 推荐票 section, from its rules and the marking scheme:
/// the usual wording of published ballots (赞成的在姓名下方空格内划○ …).
fn paper_recommendation(r: &RecommendationSection, marking: Marking) -> String {
    let s = marking.symbol.glyph();
    let mut out = match marking.scheme {
        Scheme::Inverted => {
            format!("赞成的人选不划任何符号，反对的在姓名下方的空格内划“×”，弃权的划“{s}”。")
        }
        _ => format!("请在赞成的人选姓名下方的空格内划“{s}”"),
    };
    out.push_str(match (marking.scheme, marking.unmarked) {
        (Scheme::Inverted, _) => "",
        (Scheme::AgreeOppose, _) => "，反对的划“×”，弃权的不划任何符号。",
        (_, Unmarked::NotRecommended) => "，不赞成的不划任何符号。",
        (_, Unmarked::Abstain) => "，不划符号的视为弃权。",
    });
    if r.write_in_slots > 0 {
        if r.write_in_after_oppose {
            out.push_str("对名单上的人选划“×”后，方可另选他人，另选的人数不得多于划“×”的人数。");
        }
        out.push_str(&match marking.scheme {
            Scheme::Inverted => {
                "另选他人的，在“另选他人”格内写上其姓名，下方空格内不划符号。".to_string()
            }
            _ => format!("另选他人的，在“另选他人”格内写上其姓名，并在下方空格内划“{s}”。"),
        });
        let needs_mark = r.write_in_needs_mark && marking.scheme != Scheme::Inverted;
        if needs_mark || r.write_in_after_oppose {
            out.push_str(match r.bad_write_in {
                BadWriteIn::VoidEntry => "不符合的，该另选不计。",
                BadWriteIn::VoidBallot => "不符合的，整张票无效。",
            });
        }
    }
    if r.election.is_some() {
        out.push_str(&format!("赞成的人数不得超过应选人数 {} 人", r.max_marks));
    } else {
        out.push_str(&format!("推荐人数不得超过 {} 人", r.max_marks));
    }
    out.push_str(match r.over_marked {
        OverMarkedRule::VoidBallot => "，超过的为无效票。",
        OverMarkedRule::VoidSection => "，超过的本部分无效。",
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::samples;

    #[test]
    fn every_link_error_has_one_exact_message() {
        let cases = [
            (ShareError::NotALink, "这不是本应用的模板链接。（L01）"),
            (
                ShareError::Damaged,
                "链接已损坏或不完整，请让对方重新发送，或改用模板文件。（L02）",
            ),
            (
                ShareError::TooLarge,
                "链接中的内容超过模板文件的大小上限，已拒绝。（L03）",
            ),
            (
                ShareError::Invalid(vec![TemplateError::root(TemplateErrorKind::NotATemplate)]),
                "链接中的模板有误：这不是本应用的模板文件（T02）（L04）",
            ),
        ];
        for (e, want) in cases {
            assert_eq!((ZH_CN.share_error)(&e), want);
        }
    }

    #[test]
    fn printed_instructions_follow_the_marking_scheme() {
        let t = samples::all()[1].clone();
        let Section::Recommendation(r) = &t.sections()[0] else {
            panic!("recommendation")
        };
        assert_eq!(
            (ZH_CN.paper_recommendation)(r, t.spec().marking),
            "请在赞成的人选姓名下方的空格内划“○”，不赞成的不划任何符号。另选他人的，在“另选他人”格内写上其姓名，并在下方空格内划“○”。推荐人数不得超过 5 人，超过的为无效票。"
        );
        let mut r = r.clone();
        r.write_in_slots = 0;
        r.over_marked = OverMarkedRule::VoidSection;
        let marking = Marking {
            symbol: MarkSymbol::Tick,
            unmarked: Unmarked::Abstain,
            scheme: Scheme::AgreeOnly,
        };
        assert_eq!(
            (ZH_CN.paper_recommendation)(&r, marking),
            "请在赞成的人选姓名下方的空格内划“√”，不划符号的视为弃权。推荐人数不得超过 5 人，超过的本部分无效。"
        );
        r.write_in_slots = 1;
        let marking = Marking {
            scheme: Scheme::AgreeOppose,
            ..Marking::default()
        };
        let mut strict = r.clone();
        strict.write_in_needs_mark = true;
        strict.write_in_after_oppose = true;
        strict.bad_write_in = BadWriteIn::VoidBallot;
        assert_eq!(
            (ZH_CN.paper_recommendation)(&strict, marking),
            "请在赞成的人选姓名下方的空格内划“○”，反对的划“×”，弃权的不划任何符号。对名单上的人选划“×”后，方可另选他人，另选的人数不得多于划“×”的人数。另选他人的，在“另选他人”格内写上其姓名，并在下方空格内划“○”。不符合的，整张票无效。推荐人数不得超过 5 人，超过的本部分无效。"
        );
        assert_eq!(
            (ZH_CN.paper_recommendation)(&r, marking),
            "请在赞成的人选姓名下方的空格内划“○”，反对的划“×”，弃权的不划任何符号。另选他人的，在“另选他人”格内写上其姓名，并在下方空格内划“○”。推荐人数不得超过 5 人，超过的本部分无效。"
        );
        let marking = Marking {
            scheme: Scheme::Inverted,
            ..Marking::default()
        };
        assert_eq!(
            (ZH_CN.paper_recommendation)(&r, marking),
            "赞成的人选不划任何符号，反对的在姓名下方的空格内划“×”，弃权的划“○”。另选他人的，在“另选他人”格内写上其姓名，下方空格内不划符号。推荐人数不得超过 5 人，超过的本部分无效。"
        );
        assert_eq!(
            (ZH_CN.paper_evaluation)(MarkSymbol::Circle),
            "请在每一项对应的评价等次下的空格内划“○”，每项只能划一个，多划的该项无效。"
        );
    }

    #[test]
    fn a_problem_next_to_its_field_has_no_location() {
        assert_eq!(
            (ZH_CN.template_problem)(&TemplateErrorKind::Empty),
            "不能为空（T05）"
        );
    }

    #[test]
    fn new_templates_and_sections_start_valid() {
        (ZH_CN.new_template)()
            .check()
            .expect("a write-in-only slip");
        let mut spec = (ZH_CN.new_template)();
        spec.sections.push((ZH_CN.new_evaluation)());
        if let Section::Recommendation(r) = &mut spec.sections[0] {
            r.candidates.push(crate::template::Candidate {
                name: "张三".into(),
                note: String::new(),
            });
        }
        spec.check().expect("valid once a name is added");
    }
}
