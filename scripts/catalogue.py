# Writes the two catalogue files. Kept as a script so both languages are edited side by side;
# the app reads only the JSON files, and another language is added by adding a JSON file.
import json, os
E = {}
def k(key, en, zh): E[key] = (en, zh)
# A text with a count: one form per plural category of each language (CLDR's names: zero, one,
# two, few, many, other), stored as "key[category]". English has one and other; Chinese has only
# other. The category is chosen by the count the code passes (Localizer.plural), or for a problem's
# message by its first argument.
PLURAL_CATEGORIES = {"en": ["one", "other"], "zh-Hans": ["other"]}
def kp(key, en_one, en_other, zh):
    E[key + "[one]"] = (en_one, None); E[key + "[other]"] = (en_other, zh)
k("_language.name", "English", "简体中文"); k("_language.direction", "ltr", "ltr")
k("app.name", "Resilience", "组织复原力")
k("app.footer", "Business continuity and security management", "业务连续性与安全管理")
k("nav.label", "Main", "主导航"); k("nav.skip", "Skip to content", "跳到正文"); k("nav.home", "Home", "首页")
k("nav.units", "Organization", "组织结构"); k("nav.duty_stations", "Duty stations", "工作地点")
k("nav.users", "People", "人员"); k("nav.audit", "Audit trail", "审计记录"); k("nav.account", "My account", "我的账户")
k("nav.sign_out", "Sign out", "退出"); k("nav.language", "Language", "语言")
k("sign_in.title", "Sign in", "登录"); k("sign_in.intro", "Sign in with your user name and password.", "请使用用户名和密码登录。")
k("sign_in.submit", "Sign in", "登录"); k("sign_in.failed", "The user name or password is not right. Check both and try again.", "用户名或密码不正确，请检查后重试。")
k("home.title", "Home", "首页"); k("home.welcome", "Welcome, {0}.", "欢迎，{0}。"); k("home.my_unit", "Where you are posted", "您的工作单位")
k("home.my_roles", "Your roles", "您的角色"); k("home.no_roles", "No roles granted yet.", "尚未授予任何角色。")
k("account.title", "My account", "我的账户"); k("account.username", "User name: {0}", "用户名：{0}")
k("account.change_password", "Change password", "更改密码"); k("account.password_changed", "Your password has been changed. Your other sessions and your API tokens have been ended; create new tokens for your programs.", "您的密码已更改。您的其他会话和 API 令牌均已失效；请为您的程序创建新的令牌。")
k("tokens.title", "API tokens", "API 令牌"); k("tokens.intro", "Programs use a token to call the API on your behalf, with your permissions.", "程序使用令牌以您的身份和权限调用 API。")
k("tokens.shown_once", "Copy this token now: it is shown only once.", "请立即复制此令牌：它只显示一次。")
k("tokens.last_used", "Last used", "最近使用"); k("tokens.active", "Active", "有效"); k("tokens.revoked_at", "Revoked {0}", "已于 {0} 撤销")
k("tokens.revoke", "Revoke", "撤销"); k("tokens.none", "No tokens yet.", "尚无令牌。"); k("tokens.create", "Create a token", "创建令牌")
k("tokens.name_hint", "What the token is for, e.g. \"monthly report script\".", "令牌用途，例如“月度报告脚本”。")
k("common.save", "Save", "保存"); k("common.saved", "Saved.", "已保存。"); k("common.search", "Search", "搜索")
k("common.results", "Results", "搜索结果"); k("common.no_results", "Nothing found.", "未找到任何内容。")
k("field.username", "User name", "用户名"); k("field.password", "Password", "密码"); k("field.display_name", "Full name", "姓名")
k("field.email", "E-mail", "电子邮件"); k("field.language", "Language", "界面语言"); k("field.language_browser", "As my browser", "跟随浏览器")
k("field.current_password", "Current password", "当前密码"); k("field.new_password", "New password", "新密码")
k("field.confirm_password", "New password again", "再次输入新密码"); k("field.role", "Role", "角色"); k("field.unit", "Unit", "单位")
k("field.home_unit", "Posted at", "所属单位"); k("field.kind", "Level", "层级"); k("field.code", "Code", "代码"); k("field.status", "Status", "状态")
k("field.name", "Name", "名称"); k("field.created", "Created", "创建时间"); k("field.country", "Country", "国家"); k("field.area", "Area", "区域")
k("field.latitude", "Latitude", "纬度"); k("field.longitude", "Longitude", "经度"); k("field.coordinates", "Coordinates", "坐标"); k("field.active", "Account active", "账户有效")
k("hint.password", "At least 10 characters; a phrase of several words is easy to remember.", "至少 10 个字符；由几个词组成的短语便于记忆。")
k("hint.code", "Optional short code, letters and digits, e.g. BGD-CXB.", "可选的简短代码，字母和数字，例如 BGD-CXB。")
k("hint.country", "Two-letter ISO code, e.g. KE.", "两位 ISO 国家代码，例如 KE。"); k("hint.area", "The security area the place belongs to.", "该地点所属的安全区域。")
k("hint.latitude", "Decimal degrees, -90 to 90, e.g. -1.2921.", "十进制度数，-90 到 90，例如 -1.2921。")
k("hint.longitude", "Decimal degrees, -180 to 180, e.g. 36.8219.", "十进制度数，-180 到 180，例如 36.8219。")
k("hint.unit_ref", "The unit's name or code, e.g. Dadaab or KEN-DAD.", "单位名称或代码，例如 Dadaab 或 KEN-DAD。"); k("user.revoke_title", "Revoke {0}", "撤销“{0}”"); k("user.revoke_confirm", "Revoke the role {0} of {1} on {2}? They lose what it allows at once; the grant stays in their history.", "撤销 {1} 在 {2} 的“{0}”角色？其相应权限立即失效；授予记录仍保留在其历史中。")
k("hint.username", "3–64 lower-case letters, digits, dots, dashes.", "3–64 个小写字母、数字、点或连字符。")
k("status.active", "Active", "有效"); k("status.inactive", "Inactive", "已停用"); k("status.retired", "Retired", "已撤销")
k("pager.label", "Pages", "分页"); k("pager.previous", "Previous", "上一页"); k("pager.next", "Next", "下一页")
k("pager.page", "Page {0}", "第 {0} 页"); k("pager.first", "First page", "第一页"); k("pager.position", "Page {0} of {1} · {2} in all", "第 {0} 页，共 {1} 页 · 共 {2} 条")
k("unit.edit", "Rename", "重命名"); k("unit.edit_title", "Rename {0}", "重命名 {0}"); k("unit.new_child", "Add a unit below", "添加下级单位")
k("unit.new_child_title", "New unit under {0}", "在 {0} 下新建单位"); k("unit.create", "Create unit", "创建单位"); k("unit.move", "Move", "移动")
k("unit.move_title", "Move {0}", "移动 {0}"); k("unit.move_intro", "Choose the new place of {0} in the tree. Everything below it moves with it.", "为 {0} 选择新的上级单位，其下级单位将一并移动。")
k("unit.search_parent", "Find the new parent unit", "查找新的上级单位"); k("unit.candidates", "Possible parents", "可选的上级单位")
k("unit.move_here", "Move here", "移到此处"); k("unit.retire", "Retire", "撤销单位"); k("unit.retire_title", "Retire {0}", "撤销 {0}")
k("unit.retire_confirm", "Retire {0}? It stays in the tree and in every record that mentions it, marked retired; nothing can be added under it.", "撤销 {0}？该单位仍保留在组织结构和所有相关记录中，标记为已撤销；不能再在其下添加任何内容。")
k("duty_station.retire_title", "Retire {0}", "撤销 {0}")
k("duty_station.retire_confirm", "Retire the duty station {0}? Its history is kept.", "撤销工作地点 {0}？其历史记录将保留。")
k("common.cancel", "Cancel", "取消"); k("unit.children", "Units below", "下级单位")
k("unit.no_children", "No units below this one.", "没有下级单位。"); k("unit.people", "People posted here ({0})", "本单位人员（{0}）")
k("unit.audit", "Audit trail of this unit", "本单位审计记录"); k("unit.breadcrumbs", "Place in the organization", "在组织中的位置")
k("unit.mine", "Units where you hold a role", "您拥有角色的单位"); k("unit.roots", "Top of the organization", "组织顶层"); k("unit.search", "Find a unit by name or code", "按名称或代码查找单位")
k("duty_station.new", "Add a duty station", "添加工作地点"); k("duty_station.new_title", "New duty station of {0}", "{0} 的新工作地点")
k("duty_station.edit", "Edit", "编辑"); k("duty_station.edit_title", "Edit {0}", "编辑 {0}"); k("duty_station.retire", "Retire", "撤销")
k("duty_station.none", "No duty stations.", "没有工作地点。"); k("duty_station.search", "Find by name, country code or area", "按名称、国家代码或区域查找")
k("user.new", "New account", "新建账户"); k("user.create", "Create account", "创建账户"); k("user.edit", "Edit account", "编辑账户")
k("user.search", "Find by user name or name", "按用户名或姓名查找"); k("user.filtered_by_unit", "Showing people posted in", "显示以下单位的人员：")
k("user.roles", "Roles", "角色"); k("user.grant", "Grant a role", "授予角色"); k("user.granted", "Granted", "授予时间")
k("user.revoke", "Revoke", "撤销"); k("user.revoked_at", "Revoked {0}", "已于 {0} 撤销"); k("user.last_sign_in", "Last sign-in", "最近登录"); k("user.audit", "Audit trail of this person", "此人的审计记录")
k("audit.when", "When", "时间"); k("audit.who", "Who", "操作人"); k("audit.action", "What", "操作"); k("audit.record", "Record", "记录")
k("audit.changes", "Changes", "变更"); k("audit.none", "No entries.", "没有记录。"); k("audit.filtered", "Entries for {0}", "{0} 的记录")
for a, en, zh in [("create","Created","创建"),("update","Changed","修改"),("delete","Deleted","删除"),("sign_in","Signed in","登录"),("sign_in_failed","Failed sign-in","登录失败"),("sign_out","Signed out","退出"),("grant","Granted","授予"),("revoke","Revoked","撤销"),("move","Moved","移动"),("retire","Retired","撤销"),("finalize","Marked final","定稿"),("import","Imported","导入"),("review","Review move","审核流转"),("feedback","Feedback","反馈意见"),("campaign","Campaign opened","发起年度更新"),("report","Compliance report","合规报告")]:
    k("audit.action."+a, en, zh)
for a, en, zh in [("unit","Unit","单位"),("duty_station","Duty station","工作地点"),("user","Account","账户"),("grant","Role","角色"),("api_token","API token","API 令牌"),("plan","Plan","计划"),("setting","Setting","设置"),("activation","Activation","计划启动"),("campaign","Campaign","年度更新活动"),("compliance_report","Compliance report","合规报告"),("risk","Risk","风险")]:
    k("audit.entity."+a, en, zh)
for a, en, zh in [("administrator","Administrator","系统管理员"),("hq_oversight","HQ oversight","总部监督"),("regional_reviewer","Regional reviewer","区域多职能团队审核人"),("focal_point","BCP focal point","BCP 协调人"),("contributor","Contributor","协作人"),("senior_manager","Senior manager","代表/主任"),("security_officer","Security officer","安保干事"),("staff_member","Staff member","工作人员")]:
    k("role."+a, en, zh)
for a, en, zh in [("headquarters","Headquarters","总部"),("region","Region","区域"),("country_operation","Country operation","国家行动"),("office","Office","办事处")]:
    k("unit_kind."+a, en, zh)
k("error.database_unavailable", "The database is not reachable at the moment; nothing was lost. Try again in a few seconds.", "暂时无法连接数据库，数据没有丢失。请几秒钟后重试。")
k("error.title", "Error {0}", "错误 {0}"); k("error.validation", "Some fields need attention; see the messages beside them.", "部分字段需要修改，请查看旁边的提示。")
k("error.csrf", "This form has expired. Go back, reload the page and send it again.", "此表单已过期。请返回、刷新页面后重新提交。")
k("error.locked", "Too many failed sign-ins for this name. Try again after {0}.", "此用户名登录失败次数过多，请在 {0} 之后重试。")
k("error.bad_request", "The request could not be read: {0}.", "无法读取请求：{0}。")
k("error.decoding.missing", "{0} is missing", "缺少 {0}"); k("error.decoding.wrong_type", "{0} has the wrong type", "{0} 的类型不正确")
k("error.decoding.invalid", "{0} has an invalid value", "{0} 的值无效"); k("error.decoding.malformed", "the body is not well-formed JSON", "请求正文不是格式正确的 JSON")
k("error.back_home", "Back to the home page", "返回首页")
k("error.status.400", "The request could not be read.", "无法读取请求。"); k("error.status.401", "Please sign in.", "请先登录。")
k("error.status.403", "You do not have access to this page or action. Ask your administrator if you need it.", "您无权访问此页面或执行此操作。如有需要，请联系管理员。")
k("error.status.404", "There is nothing at this address. It may have been moved or mistyped.", "此地址不存在，可能已被移动或输入有误。")
k("error.status.405", "This address does not accept that kind of request.", "此地址不接受此类请求。")
k("error.status.413", "What was sent is too large.", "发送的内容过大。"); k("error.status.415", "Send the body as JSON (Content-Type: application/json).", "请以 JSON 格式发送（Content-Type: application/json）。")
k("error.status.500", "Something went wrong on our side. Nothing you entered was lost; try again in a moment.", "服务器出现问题。您输入的内容没有丢失，请稍后重试。")
k("error.status.other", "The request failed (status {0}).", "请求失败（状态 {0}）。")
# Business continuity plans (issue 3)
k("nav.plans", "Plans", "连续性计划"); k("nav.impact_scale", "Impact scale", "影响等级")
k("common.yes", "Yes", "是"); k("common.no", "No", "否"); k("common.none", "None", "无"); k("common.choose", "Choose…", "请选择…")
k("common.percent", "{0}%", "{0}%")
k("unit.plans", "Business continuity plans", "业务连续性计划")
k("home.my_plans", "Your unit's plans", "本单位的连续性计划")
k("plan.plans", "Plans", "连续性计划"); k("plan.unit_title", "Business continuity plans of {0}", "{0} 的业务连续性计划")
k("plan.none", "No plan yet. Start one below.", "尚无计划，请在下方创建。")
k("plan.cycle", "Cycle (year)", "周期（年度）"); k("plan.cycle_title", "Plan {0}", "{0} 年度计划")
k("plan.cycle_hint", "One plan per year; every operation updates its plan at least once a year.", "每年一份计划；每个行动至少每年更新一次计划。")
k("plan.start", "Start a plan", "创建计划"); k("plan.start_from", "Start from", "起始内容")
k("plan.start_empty", "An empty plan", "空白计划")
k("plan.import", "Import a plan file", "导入计划文件")
k("plan.import_hint", "A JSON file exported from Resilience (\"Export JSON\" on a plan) becomes a new draft, unchanged.", "从本系统导出的 JSON 文件（计划页面上的“导出 JSON”）将原样成为新的草稿。")
k("plan.import_file", "Plan file (.json)", "计划文件（.json）"); k("plan.import_cycle_hint", "Leave empty to keep the cycle written in the file.", "留空则使用文件中的周期。")
k("plan.versions", "Versions", "版本"); k("plan.version", "Version", "版本"); k("plan.version_n", "Version {0}", "第 {0} 版")
k("plan.latest_version", "· latest version: {0}", "· 最新版本：第 {0} 版"); k("plan.working_copy", "Working copy", "当前工作稿")
k("plan.updated", "Last change", "最近修改"); k("plan.overview", "Overview", "概览"); k("plan.sections", "Sections", "章节")
k("plan.section", "Section", "章节"); k("plan.completeness", "Completeness", "完成度"); k("plan.section_complete", "{0} complete", "已完成 {0}")
k("plan.findings", "Checks", "检查结果"); k("plan.findings_count", "{0}, {1}", "{0}，{1}"); kp("plan.errors_n", "{0} error", "{0} errors", "{0} 个错误"); kp("plan.warnings_n", "{0} warning", "{0} warnings", "{0} 个警告")
k("plan.no_findings", "No errors or warnings.", "没有错误或警告。")
k("plan.pocket", "Pocket plan", "袖珍计划"); k("plan.pocket_download", "Download pocket plan (HTML, works offline)", "下载袖珍计划（HTML，可离线使用）")
k("plan.export_json", "Export JSON", "导出 JSON"); k("plan.export_csv", "Critical processes (CSV)", "关键流程（CSV）")
k("plan.compare_with_latest", "What changed since the last final version", "自最近定稿以来的变更"); k("plan.compare_with_in_force", "What changed since the plan in force (plan {0})", "与现行计划（{0} 年度）相比的变更"); k("plan.in_force_cycle", "Plan in force ({0})", "现行计划（{0} 年度）")
k("plan.version_note", "Comment with the submission", "提交时的意见"); k("plan.finalized_at", "Submitted", "提交时间"); k("plan.by", "By", "操作人")
k("plan.no_versions", "No final version yet.", "尚无定稿版本。"); k("plan.compare_with_draft", "Compare with working copy", "与当前工作稿比较")
k("plan.compare", "Compare", "比较"); k("plan.compare_from", "From", "从"); k("plan.compare_to", "to", "到")
k("plan.compare_title", "{0} → {1}", "{0} → {1}"); kp("plan.changes_count", "{0} change.", "{0} changes.", "共 {0} 处变更。"); k("plan.no_changes", "No differences.", "没有差异。")
k("plan.item", "Item", "条目"); k("plan.change", "Change", "变更"); k("plan.field", "Field", "字段")
k("plan.no_items", "Nothing here yet.", "尚无内容。"); k("plan.add_item", "Add", "添加"); k("plan.add", "Add", "添加"); k("plan.edit", "Edit", "编辑")
k("plan.move_up", "Move up", "上移"); k("plan.move_down", "Move down", "下移"); k("plan.remove", "Remove", "删除")
k("plan.remove_title", "Remove {0}?", "删除 {0}？"); k("plan.remove_confirm", "Remove \"{0}\" from {1}? Earlier final versions keep it.", "从“{1}”中删除“{0}”？已定稿的版本仍会保留。")
k("plan.function", "Function", "职能"); k("plan.lead", "leads the team", "团队负责人"); k("plan.lead_hint", "Leads the team (the representative or head of office)", "团队负责人（代表或办事处主任）")
k("plan.contact", "Contact", "联系方式"); k("plan.contact_hint", "Phone, radio call sign or e-mail that works when the office is closed.", "办公室关闭时仍可使用的电话、无线电呼号或电子邮件。")
k("plan.title_field", "Title", "标题"); k("plan.scenario_kind", "Kind", "类型"); k("plan.description", "Description", "描述")
k("plan.scenario_hint", "What happens and what it disrupts; name the risk register entry it comes from.", "说明发生的情况及其造成的中断；注明其所依据的风险登记册条目。")
k("plan.classification", "Where it is done", "执行方式"); k("plan.pc", "Programme criticality", "方案关键程度")
k("plan.pc_hint", "From the UN programme criticality assessment, if one was made (PC1 highest).", "来自联合国方案关键程度评估（如有；PC1 为最高）。")
k("plan.criteria", "Why it is critical", "关键性依据"); k("plan.minimum_staff", "Minimum staff", "最低人员配置")
k("plan.minimum_staff_count", "Minimum number of qualified staff", "所需合格人员最少人数")
k("plan.staff_hint", "Pick people of the unit from the list, or type the name of someone without an account (national staff). Empty rows are ignored; clear a name to remove it.", "从列表中选择本单位人员，或输入没有账户的人员姓名（本国工作人员）。空行将被忽略；清空姓名即可删除。")
k("plan.staff_role", "Role in the process", "在流程中的角色"); k("plan.briefed", "Briefed / trained", "已介绍/培训")
k("plan.resources", "Minimum resources", "最低资源"); k("plan.dependencies", "Dependencies", "依赖关系")
k("plan.dependencies_hint", "What the process needs from others, with how long each takes to come back (hours).", "流程对外部的依赖，以及各项恢复所需时间（小时）。")
k("plan.dependency_kind", "Kind", "类型"); k("plan.recovery_hours", "Recovery (hours)", "恢复时间（小时）")
k("plan.alternatives", "Alternatives", "替代方案"); k("plan.alternatives_hint", "At least one viable alternative; one per line.", "至少一个可行的替代方案；每行一个。")
k("plan.process_sites", "Alternate sites for this process", "此流程的后备地点"); k("plan.no_alternative", "No alternative yet", "尚无替代方案")
k("plan.address", "Address", "地址"); k("plan.workstations", "Workstations", "工位数"); k("plan.equipment", "IT and communications equipment", "IT 和通信设备")
k("plan.equipment_hint", "What is already there: computers, radios, satellite phones, generator …", "现有设备：电脑、无线电、卫星电话、发电机等。")
k("plan.assets", "Assets to move there", "需转移的资产"); k("plan.one_per_line", "One per line.", "每行一项。")
k("plan.partner", "Partner", "合作方"); k("plan.partner_hint", "UN agency, partner, hotel or company.", "联合国机构、合作伙伴、酒店或公司。")
k("plan.agreement_kind", "For", "用途"); k("plan.valid_from", "Valid from", "生效日期"); k("plan.valid_until", "Valid until", "有效期至")
k("plan.exercise_date", "Date", "日期"); k("plan.exercise_kind", "Kind", "类型"); k("plan.scope", "Scope", "范围")
k("plan.findings_field", "Findings", "发现"); k("plan.follow_up", "Follow-up actions", "后续行动"); k("plan.next_date", "Next exercise", "下次演练")
k("plan.process_details", "Process details", "流程详情"); k("plan.rate_impact", "Rate the impact of its disruption", "评估其中断的影响")
k("plan.impact_grid", "Impact of disruption over time", "中断影响随时间变化"); k("plan.category", "Impact on", "影响对象")
k("plan.minimum_capacity", "Minimum capacity (%)", "最低能力（%）")
k("plan.rating_hint", "Rate 1 (negligible) to 5 (severe) how much harm a disruption of this length does. Above {0} is intolerable: the first such point is the MTPD.", "按 1（可忽略）到 5（严重）评估该时长的中断造成的损害。高于 {0} 即不可容忍：第一个不可容忍的时间点即为最长可容忍中断时间（MTPD）。")
k("plan.rto_hours", "Recovery time objective (hours)", "恢复时间目标（小时）")
k("plan.rto_hint", "How soon the process must be back; no longer than the MTPD.", "流程必须在多长时间内恢复；不得长于 MTPD。")
k("plan.scale_summary", "Time ladder: {0}. Ratings above {1} are intolerable.", "时间刻度：{0}。高于 {1} 的评分为不可容忍。")
k("plan.recovery_order", "Order of recovery", "恢复顺序"); k("plan.tier", "Recovery tier", "恢复层级"); k("plan.driving_category", "Intolerable first for", "最先不可容忍的方面")
k("plan.rated", "Rated", "已评分"); k("plan.no_mtpd", "Tolerable throughout", "始终可容忍"); k("plan.rto_too_long", "RTO longer than MTPD", "RTO 长于 MTPD")
k("plan.no_processes", "No critical processes yet.", "尚无关键流程。")
for f, en, zh in [("seniorStaffMember","Senior national staff member in charge","负责的资深本国工作人员"),("safetyMeasures","Measures for their safety","安全保障措施"),
                  ("salaryAndCosts","Salary and cost payment","薪金和费用支付"),("logisticsSupport","Logistics support","后勤支持"),
                  ("communicationProtocol","Communication protocol and equipment","通信规程和设备"),("emergencyManagement","Emergency management","应急管理"),
                  ("securityManagement","Security management","安全管理"),("recordsManagement","Records management","记录管理")]:
    k("plan.field."+f, en, zh)
for a, en, zh in [("draft","Draft","草稿"),("submitted","Submitted","已提交"),("in_review","In regional review","区域审核中"),("returned","Returned with feedback","已退回修改"),
                  ("endorsed","Endorsed","区域已认可"),("in_force","In force","现行有效"),("superseded","Superseded","已被取代"),("none","No plan","无计划")]: k("plan_status."+a, en, zh)
for a, en, zh in [("current","Current","有效"),("due_soon","Due within 30 days","30 天内到期"),("overdue","Overdue","已逾期"),("none","No plan in force","无现行计划")]: k("standing."+a, en, zh)
for a, en, zh in [("open","Needs an answer","待答复"),("answered","Answered","已答复"),("resolved","Resolved","已解决")]: k("feedback_state."+a, en, zh)
for a, en, zh in [("submit","Submit for regional review","提交区域审核"),("withdraw","Withdraw the submission","撤回提交"),("take_for_review","Take for review","开始审核"),
                  ("return","Return with feedback","退回修改"),("endorse","Endorse","认可"),("approve","Approve (put in force)","批准（生效）"),("supersede","Superseded","被取代")]: k("review.move."+a, en, zh)
for a, en, zh in [("draft","The plan is a draft: the focal point and contributors write it, then the focal point submits it for regional review.","计划为草稿：由协调人和协作人编写，然后由协调人提交区域审核。"),
                  ("submitted","Submitted: waiting for the regional team to take it for review. The focal point can still withdraw it.","已提交：等待区域团队开始审核。协调人仍可撤回。"),
                  ("in_review","In regional review: the reviewer gives feedback on items, then returns the plan or endorses it.","区域审核中：审核人对各项内容提出反馈意见，然后退回或认可。"),
                  ("returned","Returned with feedback: answer every thread, change the plan, then submit it again.","已退回修改：请答复每条反馈意见、修改计划，然后重新提交。"),
                  ("endorsed","Endorsed by the regional team: waiting for the senior manager's approval.","区域团队已认可：等待高级管理人员批准。"),
                  ("in_force","In force: approved by the senior manager. It is due again twelve months after its approval.","现行有效：已由高级管理人员批准。批准后十二个月内须再次更新。"),
                  ("superseded","Superseded by a later plan in force. Kept as it was, for reference.","已被更新的现行计划取代，按原样保留以供参考。")]: k("review.state_intro."+a, en, zh)
k("plan.read_only", "This plan is {0}: it is read-only. Changes go into a draft or a plan returned with feedback.", "该计划状态为“{0}”，只读。修改须在草稿或被退回的计划中进行。")
k("review.tab", "Review", "审核"); k("review.title", "Review", "审核"); kp("review.open_threads", "{0} feedback thread is open.", "{0} feedback threads are open.", "有 {0} 条反馈意见未解决。")
k("review.open_page", "Open the review", "查看审核"); k("review.your_move", "Your move: {0}", "待您操作：{0}"); k("review.your_move_title", "Your move", "您的操作")
kp("plan.submit_blocked", "{0} error blocks submission; fix it first:", "{0} errors block submission; fix them first:", "有 {0} 个错误阻止提交，请先修正：")
k("plan.due_on", "due {0}", "{0} 到期"); k("plan.start_in_force", "A copy of the plan in force", "复制现行有效的计划")
k("review.submitted_version", "Version under review or last submitted:", "审核中或最近提交的版本：")
k("review.comment", "Comment", "意见"); k("review.move_comment", "Comment with your move (kept in the history)", "随本次操作的意见（记入审核历史）"); k("review.comment_on", "Comment on {0}", "对“{0}”提出意见"); k("review.comment_on_item", "Give feedback on this item", "对此项内容提出反馈意见"); k("plan.nothing_written", "Nothing written yet.", "尚未填写任何内容。"); k("plan.recovers_in", "recovers in {0}", "恢复需 {0}"); k("review.comment_hint", "Optional; kept with the move in the history.", "可选；与本次操作一起记入历史。")
k("review.comment_hint_return", "Say what to change: returning needs a comment. It is kept with the move in the history.", "请说明需要修改的内容：退回时必须填写意见，并记入历史。")
k("review.changes_since", "What changed since version {0}, which was returned", "自被退回的第 {0} 版以来的变更")
k("review.compare_side_by_side", "Compare the two versions side by side", "并排比较两个版本")
k("review.feedback", "Feedback on items", "对各项内容的反馈意见"); k("review.no_feedback", "No feedback yet.", "尚无反馈意见。")
k("review.new_thread", "Give feedback on an item", "对某项内容提出反馈意见"); k("review.item", "Item", "内容项"); k("review.field", "Field", "字段")
k("review.whole_item", "The whole item", "整项内容"); k("review.field_hint", "Optional: one field of the chosen item.", "可选：所选内容项中的某一字段。")
k("review.message", "Your feedback on the item (a new thread)", "您对该内容项的反馈意见（新话题）"); k("review.open_thread", "Add feedback", "添加反馈意见"); k("review.history", "History of the review", "审核历史")
k("review.when", "When", "时间"); k("review.move", "Move", "操作"); k("review.no_history", "No moves yet.", "尚无操作。")
k("review.reviewer", "regional reviewer", "区域审核人"); k("review.focal", "focal point", "协调人"); k("review.resolved_by", "Resolved by {0}.", "由 {0} 标为已解决。")
k("review.your_answer", "Your answer", "您的答复"); k("review.your_reply", "Your reply", "您的回复"); k("review.answer", "Answer", "答复")
k("review.reply", "Reply", "回复"); k("review.resolve", "Mark resolved", "标为已解决")
k("unit.risks", "Joint risk register", "联合风险登记册")
for a, en, zh in [("protection","Protection","保护"),("programme","Programme","方案"),("security","Security","安全"),("medical","Medical","医疗"),("business_continuity","Business continuity","业务连续性")]: k("risk_kind."+a, en, zh)
for a, en, zh in [("low","Low","低"),("medium","Medium","中"),("high","High","高"),("very_high","Very high","很高")]: k("risk_level."+a, en, zh)
for a, en, zh in [("open","Open","未处理"),("monitored","Monitored","监控中"),("closed","Closed","已关闭")]: k("risk_status."+a, en, zh)
for a, en, zh in [("enterprise_register","Enterprise risk register","企业风险登记册"),("security_risk_assessment","Security risk assessment","安全风险评估"),("own","The unit's own","本单位")]: k("risk_source."+a, en, zh)
for n, en, zh in [(1,"Rare","罕见"),(2,"Unlikely","不太可能"),(3,"Possible","可能"),(4,"Likely","很可能"),(5,"Almost certain","几乎确定")]: k("risk.likelihood_%d" % n, en, zh)
for n, en, zh in [(1,"Negligible","可忽略"),(2,"Minor","轻微"),(3,"Moderate","中等"),(4,"Major","重大"),(5,"Severe","严重")]: k("risk.impact_%d" % n, en, zh)
k("risk.actions", "Treatment actions", "处理行动"); k("risk.actions_hint", "Each action with who does it and by when. Leave a row empty to add nothing; empty a row's fields to remove it. Save to get more empty rows.", "每项行动写明由谁负责、何时完成。空行不会添加任何内容；清空某行即可删除该行动。保存后可获得更多空行。")
k("risk.action_n", "Action {0}", "行动 {0}"); k("risk.action_description", "Action", "行动"); k("risk.action_due", "Due date", "截止日期"); k("risk.action_done", "Done", "已完成")
k("risk.action_late", "Action overdue", "行动已逾期"); k("risk.no_actions", "No treatment actions yet.", "尚无处理行动。")
k("risk.linked_scenarios", "Scenarios this risk leads to", "此风险可能导致的情景"); k("risk.linked_processes", "Critical processes it threatens", "受其威胁的关键流程")
k("risk.linked_risks", "Linked risks", "关联风险"); k("risk.no_plan_to_link", "The unit has no continuity plan yet: once it has one, risks can be linked to its scenarios and critical processes.", "本单位尚无连续性计划：有计划后，即可将风险关联到其情景和关键流程。")
k("nav.risk_scale", "Risk matrix", "风险矩阵"); k("risk.scale_title", "Risk matrix and kinds", "风险矩阵与类别")
k("risk.scale_intro", "The matrix turns likelihood and impact into a level for every register. A cell may not be lower than a cell of lower likelihood or impact. Names left empty keep the standard names below.", "矩阵将可能性和影响转换为所有登记册使用的等级。任何单元格的等级不得低于可能性或影响更低的单元格。名称留空则沿用下列标准名称。")
k("risk.scale_matrix", "Level of each cell (likelihood up, impact across)", "每个单元格的等级（纵向为可能性，横向为影响）"); k("risk.scale_cell", "Level at likelihood {0}, impact {1}", "可能性 {0}、影响 {1} 的等级")
k("risk.scale_default", "Standard name", "标准名称"); k("risk.scale_level_names", "Names of the levels", "等级名称")
k("risk.scale_likelihood_names", "Names of the likelihood ratings", "可能性评级名称"); k("risk.scale_impact_names", "Names of the impact ratings", "影响评级名称")
k("risk.scale_kinds", "Kinds HQ adds", "总部添加的类别")
k("risk.scale_kinds_hint", "Every register has {0}. Add one kind per line: its code (lower-case letters, digits and _), then its names separated by |, in this order: {1}.", "所有登记册都包含：{0}。每行添加一个类别：先写代码（小写字母、数字和 _），再用 | 分隔写出各语言名称，顺序为：{1}。")
k("risk.level", "Level before treatment", "处理前等级"); k("risk.relevant_now", "Kinds relevant to this unit: {0}.", "与本单位相关的类别：{0}。")
k("risk.relevant_change", "Change the kinds relevant to this unit", "更改与本单位相关的风险类别"); k("risk.relevant", "Relevant kinds", "相关类别"); k("risk.kind", "Kind", "类别"); k("risk.title_field", "Risk", "风险"); k("risk.cause", "Cause", "原因"); k("risk.consequence", "Consequence", "后果")
k("risk.inherent", "Before treatment (inherent)", "处理前（固有风险）"); k("risk.residual", "After treatment (residual)", "处理后（剩余风险）")
k("risk.likelihood", "Likelihood", "可能性"); k("risk.impact", "Impact", "影响"); k("risk.treatment", "Treatment", "处理措施"); k("risk.owner", "Owner", "负责人")
k("risk.review_date", "Review date", "审查日期"); k("risk.source", "Source", "来源"); k("risk.register", "Joint risk register", "联合风险登记册")
k("risk.register_of", "Joint risk register: {0}", "联合风险登记册：{0}")
k("risk.in_place", "The register is in place: a risk of every relevant kind, no review overdue.", "登记册已建立：每个相关类别都有风险，且无逾期审查。")
k("risk.not_in_place", "The register is not in place yet: it needs a risk (not closed) of every relevant kind and no review overdue.", "登记册尚未建立：每个相关类别都需要至少一项（未关闭的）风险，且不能有逾期审查。")
k("risk.after_unknown", "after: give the id of the last risk of the page before (its nextAfter).", "after：请填写上一页最后一项风险的 id（即其 nextAfter）。")
k("risk.export_csv", "Export as CSV", "导出 CSV"); k("risk.show_all", "Show all risks", "显示全部风险")
kp("risk.cell_filter", "{0}, likelihood {1} × impact {2}: {3} risk.", "{0}, likelihood {1} × impact {2}: {3} risks.", "{0}，可能性 {1} × 影响 {2}：{3} 项风险。"); kp("risk.count", "{0} risk.", "{0} risks.", "共 {0} 项风险。")
k("risk.list", "Risks", "风险"); k("risk.none", "No risks yet.", "尚无风险。"); k("risk.add", "Add a risk", "添加风险")
k("risk.import", "Import from CSV", "从 CSV 导入"); k("risk.problem", "{0}: {1}", "{0}：{1}"); k("common.list_separator", ", ", "、"); k("risk.template", "Download a template to fill in (CSV)", "下载可填写的模板（CSV）"); k("risk.accepted_values", "What each column may hold", "各列可填写的内容"); k("risk.accepted", "use one of: {0} (or its number or code).", "请使用以下之一：{0}（或其编号、代码）。")
k("risk.template_title", "Road ambush on the way to the field office", "前往外地办事处途中遭遇伏击"); k("risk.template_cause", "Armed groups active along the road", "沿途有武装团体活动"); k("risk.template_consequence", "Staff injured; missions suspended", "工作人员受伤；任务暂停"); k("risk.template_owner", "Security officer", "安保干事")
for a, en, zh in [("kind","Kind","类别"),("title","Risk","风险"),("cause","Cause","原因"),("consequence","Consequence","后果"),("likelihood","Likelihood","可能性"),("impact","Impact","影响"),
                  ("residual_likelihood","Residual likelihood","剩余可能性"),("residual_impact","Residual impact","剩余影响"),("owner","Owner","负责人"),("treatment","Treatment","应对措施"),
                  ("status","Status","状态"),("review_date","Review date","复核日期"),("source","Source","来源"),("actions","Actions","行动")]: k("risk.column."+a, en, zh)
k("risk.import_hint", "The first row names the columns, by these names in any language of the interface (or their codes): {0}. Only Kind, Risk, Likelihood and Impact are required. You will see every row before anything is saved.", "第一行列出各列名称，可用界面任一语言的名称（或其代码）：{0}。只有类别、风险、可能性和影响为必填。保存前您会看到每一行。")
k("risk.import_file", "CSV file", "CSV 文件"); k("risk.preview", "Preview", "预览"); k("risk.axes", "↑ likelihood · impact →", "↑ 可能性 · 影响 →")
kp("risk.cell_title", "Likelihood {0} × impact {1}: {2}, {3} risk", "Likelihood {0} × impact {1}: {2}, {3} risks", "可能性 {0} × 影响 {1}：{2}，{3} 项风险")
k("risk.details", "Details", "详细信息"); k("risk.preview_title", "Import preview", "导入预览"); k("risk.line", "Line", "行")
k("risk.problems", "What to fix", "需要修正的内容"); kp("risk.preview_ok", "The {0} row is right. Nothing is saved until you confirm.", "All {0} rows are right. Nothing is saved until you confirm.", "全部 {0} 行无误。确认后才会保存。")
kp("risk.preview_errors", "{0} of {1} rows needs fixing; fix it in the file and import it again. Nothing has been saved.", "{0} of {1} rows need fixing; fix them in the file and import it again. Nothing has been saved.", "{1} 行中有 {0} 行需要修正；请在文件中修正后重新导入。尚未保存任何内容。")
kp("risk.import_confirm", "Save the {0} risk", "Save the {0} risks", "保存这 {0} 项风险"); k("risk.import_cancel", "Cancel: back to the register without saving", "取消：不保存并返回登记册")
k("nav.oversight", "Oversight", "监督"); k("common.all", "All", "全部")
for a, en, zh in [("in_force","Plan in force","有现行计划"),("updated_within_year","Updated within 12 months","12 个月内更新"),
                  ("tested_within_year","Tested within 12 months","12 个月内测试"),("with_risk_register","Joint risk register","联合风险登记册")]: k("figure."+a, en, zh)
k("oversight.units", "Units", "单位数"); k("oversight.figures_now", "Figures today", "当前指标"); k("oversight.export_csv", "Export as CSV", "导出 CSV")
k("oversight.standing", "Due date", "到期情况"); k("oversight.filter", "Filter", "筛选"); kp("oversight.showing", "Showing {0} of {1} unit.", "Showing {0} of {1} units.", "显示 {1} 个单位中的 {0} 个。")
k("oversight.units_caption", "Units and their plans", "各单位及其计划"); k("oversight.approved", "Approved", "批准日期"); k("oversight.due", "Due", "到期日")
k("oversight.last_exercise", "Last exercise", "最近演练"); k("oversight.open_feedback", "Open feedback", "未解决的反馈")
k("oversight.dashboard", "Dashboard", "仪表板"); k("oversight.dashboard_of", "Dashboard: {0}", "仪表板：{0}")
k("oversight.title", "Oversight: every region", "监督：各区域"); k("oversight.intro", "Each region's share of units with a plan in force, updated and tested within twelve months, and with a joint risk register.", "各区域中有现行计划、12 个月内更新和测试、以及建立联合风险登记册的单位所占比例。")
k("oversight.regions", "Regions side by side", "各区域对比"); k("oversight.region", "Region", "区域"); k("oversight.last_report", "Last report", "最近报告")
k("oversight.all_regions", "All regions", "所有区域"); k("oversight.side_by_side", "Regions side by side", "各区域对比")
k("oversight.history", "History of each figure", "各项指标的历史"); k("oversight.history_hint", "One line per region, from the daily figures of the last twelve months.", "每条线代表一个区域，数据来自过去十二个月的每日指标。")
k("compliance.title", "Compliance report", "合规报告"); k("compliance.title_of", "Compliance report: {0}", "合规报告：{0}")
k("compliance.submit_title", "Report to HQ", "向总部报告"); k("compliance.intro", "The region's figures at the date, with your team's comments, are sent to HQ and kept as a dated record.", "该日期的区域指标连同贵团队的意见将报送总部，并作为有日期的记录保存。")
k("compliance.at", "Figures at", "指标日期"); k("compliance.at_hint", "Today, or an earlier date (figures rebuilt from the plans' dates).", "今天或更早的日期（根据各计划的日期重新计算）。")
k("compliance.comments", "Comments of the regional team", "区域团队意见"); k("compliance.submit", "Submit the report", "提交报告")
k("compliance.reports", "Reports submitted", "已提交的报告"); k("compliance.none", "No report submitted yet.", "尚未提交报告。")
k("campaign.title", "Yearly campaigns", "年度更新活动"); k("campaign.title_of", "Yearly campaigns: {0}", "年度更新活动：{0}"); k("campaign.title_one", "{0}: campaign {1}", "{0}：{1} 年度更新活动")
k("campaign.deadline", "Deadline", "截止日期"); k("campaign.opened_by", "Opened by", "发起人"); k("campaign.none", "No campaign yet.", "尚无年度更新活动。")
k("campaign.open", "Open a campaign", "发起年度更新活动"); k("campaign.intro", "Every unit of the chosen levels below this one gets a draft for the cycle, started from its plan in force, and its focal points are told.", "本单位以下所选层级的每个单位都将获得该年度的计划草稿（复制其现行计划），并通知其协调人。")
k("campaign.kinds", "Units to include", "包括的单位"); k("campaign.note", "Note to the units", "给各单位的说明")
k("campaign.done", "Approved", "已批准"); k("campaign.done_of", "{0} of {1}", "{1} 个中的 {0} 个"); k("campaign.late", "Late", "逾期")
k("campaign.by_state", "Units by state", "各状态的单位数"); k("campaign.units", "Units, late ones first", "各单位（逾期的在前）")
k("campaign.late_badge", "late", "逾期"); k("campaign.no_units", "No units.", "没有单位。")
for a, en, zh in [("rtoHours","Recovery time objective","恢复时间目标"),("alternatives","Alternatives","替代方案"),("staff","Minimum staff","最低人员"),
                  ("minimumStaffCount","Minimum number of staff","最低人员数"),("dependencies","Dependencies","依赖关系"),("resources","Minimum resources","最低资源"),
                  ("criteria","Criteria","标准"),("classification","Classification","分类"),("impact","Impact ratings","影响评分"),("siteIDs","Alternate sites","后备地点"),
                  ("name","Name","名称"),("function","Function","职能"),("contact","Contact","联系方式"),("programmeCriticality","Programme criticality","方案关键程度"),
                  ("title","Title","标题"),("kind","Kind","类别"),("address","Address","地址"),("partner","Partner","合作方"),("validUntil","Valid until","有效期至"),
                  ("date","Date","日期"),("findings","Findings","发现"),("followUp","Follow-up actions","后续行动"),("scope","Scope","范围"),("minimumCapacity","Minimum capacity","最低能力")]:
    k("plan.field."+a, en, zh)
for a, en, zh in [("assetsToMove","Assets to move there","需转移的资产"),("workstations","Workstations","工位"),("equipment","IT and communications equipment","信息技术和通信设备"),
                  ("description","Description","描述"),("isLead","Leads the team","团队负责人"),("nextDate","Next date","下次日期"),("validFrom","Valid from","生效日期")]:
    k("plan.field."+a, en, zh)
for a, en, zh in [("team","BCP team","BCP 团队"),("scenarios","Threats and scenarios","威胁与情景"),("processes","Critical processes","关键流程"),
                  ("impact","Impact analysis","影响分析"),("alternatives","Alternatives","替代方案"),("sites","Alternate sites","后备地点"),
                  ("agreements","Pre-arrangements","谅解备忘录"),("national_staff","National staff plan","本国工作人员计划"),
                  ("exercises","Exercises and tests","测试/演练"),("other","Other information","其他信息")]:
    k("section."+a, en, zh)
for a, en, zh in [("team","Who leads and who covers each function. Required: security, programme, protection, finance/administration/HR, supply, IT, communications.","团队负责人及各职能的负责人。必需职能：安保、方案、保护、财务/行政/人力资源、供应、IT、通信。"),
                  ("scenarios","The threats the plan answers, from the joint risk register and the security risk assessment.","计划所应对的威胁，来自联合风险登记册和安全风险评估。"),
                  ("processes","The processes that must continue: why, who, with what, depending on what, and where.","必须持续的流程：原因、人员、资源、依赖以及执行地点。"),
                  ("impact","How harm grows over time when each process stops; from it the MTPD, the RTO and the order of recovery.","每个流程中断后损害如何随时间增加；据此得出 MTPD、RTO 和恢复顺序。"),
                  ("alternatives","At least one viable way to keep each critical process going.","每个关键流程至少有一个可行的替代方案。"),
                  ("sites","Where to work when the office is lost, and what to take there.","办公室无法使用时的工作地点及需转移的物品。"),
                  ("agreements","Arrangements made in advance with partners, UN agencies, hotels and companies.","预先与合作伙伴、联合国机构、酒店和企业作出的安排。"),
                  ("national_staff","How national staff are led, kept safe, paid, supported and reached.","本国工作人员的负责人、安全保障、薪金、后勤支持和联络方式。"),
                  ("exercises","Test the plan or parts of it; maintain, exercise and review it regularly.","测试计划或其部分内容；定期维护、演练和审查。"),
                  ("other","Emergency, security and records management.","应急、安全和记录管理。")]:
    k("section_hint."+a, en, zh)
for a, en, zh in [("security","Security","安保"),("programme","Programme","方案"),("protection","Protection / services to persons of concern","保护/为关注对象提供服务"),
                  ("finance_administration_hr","Finance, administration, HR","财务、行政、人力资源"),("supply","Supply","供应"),
                  ("information_technology","IT","信息技术"),("communications","Communications","通信"),("other","Other","其他")]:
    k("team_function."+a, en, zh)
for a, en, zh in [("fire","Fire","火灾"),("flood","Flood","洪水"),("earthquake","Earthquake","地震"),("conflict","Armed conflict","武装冲突"),
                  ("civil_unrest","Civil unrest","内乱"),("mass_protest","Mass protest","大规模抗议"),("pandemic","Pandemic","大流行病"),
                  ("cyber","Cyber attack","网络攻击"),("office_closure","Office closure","办公室关闭"),("staff_relocation","Staff relocation","工作人员转移"),
                  ("mass_sickness","Many staff sick at once","大量工作人员同时患病"),("other","Other","其他")]:
    k("scenario_kind."+a, en, zh)
for a, en, zh in [("protection_and_well_being","Basic protection and well-being of refugees","难民的基本保护和福祉"),
                  ("vital_liaison","Vital liaison with authorities, government and partners","与当局、政府和合作伙伴的重要联络"),
                  ("enabling_functions","Enabling function: supply, logistics, communications, security","支持职能：供应、物流、通信、安保")]:
    k("criterion."+a, en, zh)
for a, en, zh in [("on_site_office","Critical, must stay on site: office","关键，必须在现场：办公室"),("on_site_alternate","Critical, must stay on site: alternate site","关键，必须在现场：后备地点"),
                  ("on_site_residence","Critical, must stay on site: residence","关键，必须在现场：住所"),("remote_in_country","Critical, can be done remotely in the country","关键，可在国内远程执行"),
                  ("remote_abroad","Critical, can be relocated abroad","关键，可转移至国外")]:
    k("classification."+a, en, zh)
for a, en, zh in [("funds","Funds","资金"),("office","Office","办公室"),("alternate_meeting_space","Alternate meeting space","备用会议场所"),
                  ("work_from_home","Work-from-home capacity","居家办公能力"),("it_equipment","IT equipment","IT 设备"),("communications","Communications","通信"),("vehicles","Vehicles","车辆")]:
    k("resource."+a, en, zh)
for a, en, zh in [("facility","Facility","设施"),("logistics_supplier","Logistics and suppliers","物流和供应商"),("partner","Partner","合作伙伴"),
                  ("communications","Communications","通信"),("it_system","IT system and data","IT 系统和数据")]:
    k("dependency."+a, en, zh)
for a, en, zh in [("office_space","Office space","办公场所"),("transport","Transport","交通"),("accommodation","Accommodation","住宿"),("connectivity","Connectivity","网络连接"),("other","Other","其他")]:
    k("agreement_kind."+a, en, zh)
for a, en, zh in [("walk_through","Walk-through","走查"),("tabletop","Tabletop","桌面演练"),("simulation","Simulation","模拟演练"),("full","Full exercise","全面演练"),("activation","Real activation","实际启动")]:
    k("exercise_kind."+a, en, zh)
for a, en, zh in [("immediate","Immediate (≤ 4 h)","立即（≤ 4 小时）"),("same_day","8–24 h","8–24 小时"),("within_week","72 h – 1 week","72 小时–1 周"),("longer","Longer","更长")]:
    k("tier."+a, en, zh)
for a, en, zh in [("people_served","People served and their protection","服务对象及其保护"),("staff_safety","Staff safety","工作人员安全"),
                  ("trust","Partners' and stakeholders' trust","合作伙伴和利益相关方的信任"),("legal_compliance","Legal and compliance","法律与合规"),("financial","Financial","财务")]:
    k("impact_category."+a, en, zh)
for a, en, zh in [("error","Error:","错误："),("warning","Warning:","警告：")]: k("severity."+a, en, zh)
for a, en, zh in [("added","Added","新增"),("removed","Removed","删除"),("changed","Changed","修改"),("moved","Moved","移动")]: k("change."+a, en, zh)
for a, en, zh in [
  ("team_function_missing","No team member covers {0}.","没有团队成员负责{0}。"),
  ("process_without_alternative","\"{0}\" has no alternative.","“{0}”没有替代方案。"),
  ("process_without_staff","\"{0}\" has no minimum staff named.","“{0}”未指定最低人员配置。"),
  ("rto_exceeds_mtpd","\"{0}\": the RTO ({1}) is longer than the MTPD ({2}).","“{0}”：恢复时间目标（{1}）长于最长可容忍中断时间（{2}）。"),
  ("on_site_process_without_site","\"{0}\" must stay on site but has no alternate site.","“{0}”必须在现场执行，但没有后备地点。"),
  ("single_point_of_failure","{0} is minimum staff for {1} processes: a single point of failure.","{0} 是 {1} 个流程的最低人员配置：存在单点故障。"),
  ("agreement_expiring","The agreement with {0} ends on {1} ({2}), before the next review.","与 {0} 的协议于 {1} 到期（{2}），早于下次审查。"),
  ("dependency_slower_than_rto","\"{0}\" depends on {1}, which takes {2} to recover: longer than its RTO ({3}).","“{0}”依赖于 {1}，其恢复需要 {2}，长于该流程的恢复时间目标（{3}）。"),
  ("no_recent_exercise","No exercise or test in the last twelve months.","过去十二个月内没有演练或测试。"),
  ("process_not_rated","\"{0}\" has no impact ratings: rate its impact over time, or its MTPD cannot be found.","“{0}”没有影响评级：请填写其随时间变化的影响，否则无法确定最长可容忍中断时间。"),
  ("process_not_classified","\"{0}\" has no classification: choose how it can be done during a disruption.","“{0}”没有分类：请选择中断期间该流程的执行方式。"),
  ("process_without_rto","\"{0}\" has no recovery time objective: enter its RTO in hours.","“{0}”没有恢复时间目标：请以小时为单位填写 RTO。"),
  ("process_short_of_staff","\"{0}\" needs {1} minimum staff but names {2}: name the others.","“{0}”需要 {1} 名最低配置人员，但只列出了 {2} 名：请补足其余人员。"),
  ("expired","already expired","已过期"),("expiring","expiring","即将到期")]:
    k("check."+a, en, zh)
k("duration.hours", "{0} h", "{0} 小时"); k("duration.days", "{0} d", "{0} 天"); k("duration.weeks", "{0} wk", "{0} 周"); k("duration.months", "{0} mo", "{0} 个月")
k("chart.timeline", "Recovery timeline", "恢复时间线"); k("chart.legend_rto", "Bar: recovery time objective (RTO)", "条：恢复时间目标（RTO）"); k("chart.legend_rto_too_long", "RTO longer than the MTPD", "RTO 长于 MTPD"); k("chart.legend_mtpd", "Line: maximum tolerable period of disruption (MTPD)", "竖线：最长可容忍中断时间（MTPD）")
k("chart.impact_over_time", "Impact over time", "影响随时间变化"); k("chart.group_by", "Group by:", "分组方式：")
k("chart.by_process", "process", "按流程"); k("chart.by_category", "category", "按影响类别")
k("chart.tolerance", "Shaded: above {0}, intolerable", "阴影：高于 {0}，不可容忍")
k("pocket.title", "{0} — business continuity plan {1}", "{0} — {1} 年度业务连续性计划")
k("pocket.generated", "{0}, as of {1}", "{0}，截至 {1}")
k("pocket.who_to_call", "Who to call", "联系人"); k("pocket.minimum_staff", "Minimum staff and their roles", "最低人员配置及其角色")
k("pocket.covers", "Covers", "负责流程"); k("pocket.processes_in_order", "{0}, in order of recovery", "{0}（按恢复顺序）")
k("scale.title", "Impact scale", "影响等级"); k("scale.intro", "The time ladder, the impact categories and the tolerance that new plans use. Plans already started keep the scale they started with.", "新计划使用的时间刻度、影响类别和容忍阈值。已创建的计划保留其创建时的等级。")
k("scale.ladder", "Time ladder (hours)", "时间刻度（小时）"); k("scale.ladder_hint", "Increasing, separated by commas, e.g. 1, 4, 8, 24, 72, 168, 336, 720, 2160.", "递增，用逗号分隔，例如 1, 4, 8, 24, 72, 168, 336, 720, 2160。")
k("scale.categories", "Impact categories", "影响类别"); k("scale.categories_hint", "One per line: code | English name | 中文名称. Codes: lower-case letters, digits, _. The five standard codes are named already.", "每行一个：代码 | 英文名称 | 中文名称。代码：小写字母、数字、下划线。五个标准类别已有名称。")
k("scale.tolerance", "Tolerance", "容忍阈值"); k("scale.tolerance_option", "Ratings above {0} are intolerable", "高于 {0} 的评分为不可容忍")

# Inbox (issue 4)
k("nav.inbox", "Inbox", "待办"); k("inbox.title", "Inbox", "待办事项"); k("inbox.what", "What needs you", "需要您处理的事项")
k("inbox.empty", "Nothing needs you now.", "目前没有需要您处理的事项。"); k("inbox.mark_read", "Mark all as read", "全部标为已读")
kp("home.inbox", "{0} item in your inbox needs you.", "{0} items in your inbox need you.", "您的待办中有 {0} 项需要处理。")
k("inbox.plan_submitted", "The plan of {0} for {1} has been submitted for regional review.", "{0} 的 {1} 年度计划已提交区域审核。")
k("inbox.plan_returned", "The plan of {0} for {1} has been returned with feedback to answer.", "{0} 的 {1} 年度计划已被退回，请答复反馈意见。")
k("inbox.plan_to_approve", "The plan of {0} for {1} has been endorsed and waits for your approval.", "{0} 的 {1} 年度计划已获区域认可，等待您批准。")
k("inbox.plan_approved", "The plan of {0} for {1} has been approved and is in force.", "{0} 的 {1} 年度计划已获批准并生效。")
k("inbox.plan_due_soon", "The plan of {0} is due on {1}: update it and submit it for review.", "{0} 的计划将于 {1} 到期，请更新并提交审核。")
k("inbox.plan_overdue", "The plan of {0} was due on {1} and is overdue.", "{0} 的计划已于 {1} 到期，现已逾期。")
k("inbox.campaign_opened", "The {0} plan update campaign is open: submit your plan by {1}.", "{0} 年度计划更新活动已开始：请于 {1} 前提交您的计划。")
k("inbox.compliance_report", "{0} has submitted its compliance report (figures at {1}).", "{0} 已提交合规报告（指标日期 {1}）。")
k("inbox.activation_started", "The plan of {0} has been activated: {1}.", "{0} 的计划已启动：{1}。")
k("inbox.activation_closed", "The activation of the plan of {0} has been closed ({1}).", "{0} 的计划启动已结束（{1}）。")
# Activation (issue 4)
k("unit.activations", "Activations", "计划启动")
k("activation.title", "Activations of {0}", "{0} 的计划启动"); k("activation.list", "Activations", "计划启动记录")
k("activation.page_title", "{0}: {1}", "{0}：{1}"); k("activation.none", "The plan has not been activated.", "计划尚未启动过。")
k("activation.start", "Activate the plan", "启动计划"); k("activation.start_hint", "For a disruptive event that stops or threatens critical processes. HQ and the region see the status live.", "用于中断或威胁关键流程的事件。总部和区域可实时查看状态。")
k("activation.kind", "Event", "事件类型"); k("activation.started", "Started (UTC)", "开始时间（UTC）")
k("activation.started_hint", "When the event began, in UTC, e.g. 2026-11-23T06:30.", "事件开始的时间（UTC），例如 2026-11-23T06:30。")
k("activation.places", "Places affected", "受影响地点"); k("activation.places_hint", "Offices, duty stations, areas.", "办事处、工作地点、区域。")
k("activation.status.open", "Active", "启动中"); k("activation.status.closed", "Closed", "已结束"); k("activation.closed_at", "Closed {0}", "结束于 {0}")
k("activation.closed", "Closed", "结束时间"); k("activation.after_action", "After-action note", "事后总结")
k("activation.processes", "Critical processes, in recovery order", "关键流程（按恢复顺序）"); k("activation.state", "State", "状态")
k("activation.last_note", "Last report", "最近报告"); k("activation.report", "Report", "报告"); k("activation.note", "Note", "说明")
k("activation.add_note", "Add to the log", "添加日志"); k("activation.log", "Log", "日志")
k("activation.close", "Close the activation", "结束启动"); k("activation.close_hint", "What happened, what worked, what to change. It is kept with the plan as an exercise for the next review.", "发生了什么、哪些有效、需要改进什么。该总结将作为一次演练记录保存在计划中，供下次审查使用。")
for a, en, zh in [("normal","Normal","正常"),("degraded","Degraded","降级"),("suspended","Suspended","暂停"),("relocated","Relocated","已转移"),("remote","Remote","远程")]:
    k("process_state."+a, en, zh)

P = {
 "required": ("This field is required.", "此项为必填。"), "too_long": ("Too long: at most {0} characters.", "太长：最多 {0} 个字符。"),
 "too_short": ("Too short: at least {0} characters.", "太短：至少 {0} 个字符。"), "invalid_characters": ("Contains characters that are not allowed.", "包含不允许的字符。"),
 "not_a_number": ("Enter a number, e.g. 12.5.", "请输入数字，例如 12.5。"), "not_found": ("No such record: check the code or identifier.", "找不到该记录：请检查代码或标识符。"),
 "taken": ("Already in use; choose another.", "已被使用，请另选一个。"), "unit_needs_parent": ("Only headquarters can be at the top; choose a parent unit.", "只有总部可以位于顶层，请选择上级单位。"),
 "unit_placement_not_allowed": ("A {0} cannot be placed under a {1}.", "{0}不能置于{1}之下。"), "unit_move_cycle": ("A unit cannot be moved under itself or one of its own units.", "不能将单位移到其自身或其下级单位之下。"),
 "unit_parent_retired": ("The parent unit is retired.", "上级单位已撤销。"), "unit_has_active_children": ("Retire the {0} active units below it first.", "请先撤销其下 {0} 个有效的下级单位。"),
 "already_retired": ("Already retired.", "已经撤销。"), "retired": ("That unit is retired.", "该单位已撤销。"),
 "latitude_out_of_range": ("Latitude must be between -90 and 90.", "纬度必须在 -90 到 90 之间。"), "longitude_out_of_range": ("Longitude must be between -180 and 180.", "经度必须在 -180 到 180 之间。"),
 "country_code": ("Use the two-letter ISO country code, e.g. KE.", "请使用两位 ISO 国家代码，例如 KE。"), "password_too_short": ("The password needs at least {0} characters.", "密码至少需要 {0} 个字符。"),
 "password_too_long": ("The password is too long: at most {0} bytes.", "密码太长：最多 {0} 字节。"), "password_mismatch": ("The two passwords differ; type the same one twice.", "两次输入的密码不一致。"),
 "password_same_as_username": ("The password must not be the user name.", "密码不能与用户名相同。"), "wrong_current_password": ("The current password is not right.", "当前密码不正确。"),
 "username_format": ("Use 3–64 lower-case letters, digits, dots, dashes or underscores.", "请使用 3–64 个小写字母、数字、点、连字符或下划线。"),
 "email_format": ("Enter an e-mail address like name@example.org.", "请输入有效的电子邮件地址，例如 name@example.org。"),
 "unknown_role": ("Choose one of the listed roles.", "请从列出的角色中选择。"), "unknown_language": ("Choose one of the listed languages.", "请从列出的语言中选择。"),
 "grant_exists": ("This person already holds this role on this unit.", "此人已在该单位拥有此角色。"),
 "cannot_revoke_own_administrator": ("You cannot revoke your own administrator role; ask another administrator.", "不能撤销您自己的管理员角色，请联系其他管理员。"),
 "invalid_choice": ("Choose one of the listed options.", "请从列出的选项中选择。"),
 "rating_out_of_range": ("Rate from 1 (negligible) to 5 (severe).", "请按 1（可忽略）到 5（严重）评分。"),
 "cannot_deactivate_self": ("You cannot deactivate your own account; ask another administrator.", "不能停用您自己的账户，请联系其他管理员。"),
 "plan_exists": ("This unit already has a plan for {0}; open it instead.", "该单位已有 {0} 年度计划，请直接打开。"),
 "plan_not_draft": ("Nothing changed since the last final version.", "自最近定稿以来没有任何变更。"),
 "plan_locked": ("This plan is {0}: it can be changed only as a draft or when returned with feedback.", "该计划状态为“{0}”：只有草稿或被退回的计划才能修改。"),
 "review_not_now": ("This move is not possible while the plan is {0}; reload the page to see what you can do now.", "计划处于“{0}”状态时不能进行此操作；请重新加载页面查看当前可进行的操作。"),
 "unanswered_feedback": ("{0} feedback threads still need an answer; answer each before submitting again.", "还有 {0} 条反馈意见需要答复；请逐条答复后再提交。"),
 "unresolved_feedback": ("{0} feedback threads are not resolved; resolve or return them first.", "还有 {0} 条反馈意见未解决；请先标为已解决或退回。"),
 "comment_required": ("Say what to change: returning a plan needs a comment.", "请说明需要修改的内容：退回计划时必须填写意见。"),
 "feedback_not_now": ("Feedback can be given while the plan is in review, and answered while it is returned.", "只能在审核期间提出反馈意见，在计划被退回时答复。"),
 "field_not_of_item": ("That field is not part of the chosen item; choose one of its fields or the whole item.", "该字段不属于所选内容项；请选择其字段之一或整项内容。"),
 "deadline_passed": ("The deadline is in the past; choose a later date.", "截止日期已过；请选择更晚的日期。"),
 "no_units_chosen": ("Choose at least one level of units; there must be units of it below.", "请至少选择一个单位层级，且其下须有该层级的单位。"),
 "not_a_region": ("Compliance reports are submitted for a region.", "合规报告按区域提交。"),
 "matrix_not_monotone": ("The cell at likelihood {0}, impact {1} is lower than a cell of lower likelihood or impact; a risk is not less serious for being more likely or worse.", "可能性 {0}、影响 {1} 的单元格低于可能性或影响更低的单元格；风险不会因更可能发生或后果更严重而变得不严重。"),
 "csv_missing_columns": ("The file lacks the columns {0}; the first row must name the columns (download the template for an example).", "文件缺少列 {0}；第一行须列出各列名称（可下载模板作参考）。"),
 "too_many": ("At most {0}; remove some.", "最多 {0} 项，请删除一些。"),
 "kind_code": ("“{0}” cannot be a kind's code: use lower-case letters, digits and _, starting with a letter, and not a standard kind.", "“{0}”不能用作类别代码：请使用以小写字母开头的小写字母、数字和 _，且不能与标准类别相同。"),
 "csv_too_many_rows": ("The file has more than {0} rows; split it.", "文件超过 {0} 行，请拆分后再导入。"),
 "plan_changed": ("Someone saved this plan meanwhile (now revision {0}); reload it and apply your change again.", "其他人已同时保存了此计划（当前修订 {0}）；请重新加载后再次修改。"),
 "import_format": ("This is not a plan file exported from Resilience (JSON).", "这不是从本系统导出的计划文件（JSON）。"),
 "cycle_out_of_range": ("Enter a year from {0} to {1}.", "请输入 {0} 至 {1} 之间的年份。"),
 "no_approved_plan": ("This unit has no plan in force to copy yet; start from an empty plan.", "该单位尚无可复制的现行计划，请从空白计划开始。"),
 "date_in_future": ("This date is in the future; the figures are as of today or an earlier day.", "该日期在未来；数据只能截至今天或更早的日期。"),
 "start_in_future": ("This time is in the future; enter when the event began.", "该时间在未来；请输入事件开始的时间。"),
 "ambiguous_unit": ("Several units answer to this: {0}. Type the code of the one you mean, or pick it from the list.", "有多个单位与此相符：{0}。请输入所指单位的代码，或从列表中选择。"),
 "below_minimum": ("Must be {0} or more.", "不能小于 {0}。"),
 "above_maximum": ("Must be {0} or less.", "不能大于 {0}。"),
 "must_be_positive": ("Must be more than 0.", "必须大于 0。"),
 "activation_closed": ("This activation is closed; nothing more can be reported.", "此次启动已结束，不能再报告。"),
 "activation_open": ("The plan is already active; report on the open activation or close it first.", "计划已在启动中；请在当前启动中报告或先将其结束。"),
 "no_plan_to_activate": ("This unit has no plan to activate yet.", "该单位尚无可启动的计划。"),
 "date_format": ("Enter a date as YYYY-MM-DD, e.g. 2026-11-23.", "请按 YYYY-MM-DD 格式输入日期，例如 2026-11-23。"),
 "out_of_range": ("Enter a number from {0} to {1}.", "请输入 {0} 至 {1} 之间的数字。"),
 "own_work": ("You edited or submitted this plan in this cycle: someone else must review, endorse or approve it.", "您在本周期编辑或提交过此计划：须由他人审查、认可或批准。"),
 "cannot_grant_self": ("You cannot grant a role to yourself; ask another administrator or your regional team.", "不能给自己授予角色；请其他管理员或区域团队授予。"),
 "date_order": ("This date must not be before the one it follows.", "此日期不能早于其前一个日期。"),
}
# Problems whose first argument is a count: (one, other) in English.
PP = {
 "csv_has_errors": ("{0} row of the file is wrong; nothing was saved. Fix it and import the file again.", "{0} rows of the file are wrong; nothing was saved. Fix them and import the file again.", "文件中有 {0} 行有误，未保存任何内容。请修正后重新导入。"),
 "plan_has_errors": ("{0} error blocks this; fix it first:", "{0} errors block this; fix them first:", "有 {0} 个错误阻止此操作，请先修正："),
}
for code, (en, zh) in P.items(): k("problem."+code, en, zh)
for code, (one, other, zh) in PP.items(): kp("problem."+code, one, other, zh)
# What a post did, said on the page it leads to (issue 14): each outcome plain and with the item's name.
for a, en, zh, en_named, zh_named in [
  ("saved","Saved.","已保存。","“{0}” saved.","已保存“{0}”。"),
  ("added","Added.","已添加。","“{0}” added.","已添加“{0}”。"),
  ("removed","Removed.","已删除。","“{0}” removed.","已删除“{0}”。"),
  ("moved","Moved.","已移动。","“{0}” moved.","已移动“{0}”。"),
  ("created","Created.","已创建。","“{0}” created.","已创建“{0}”。"),
  ("retired","Retired.","已撤销。","“{0}” retired.","已撤销“{0}”。"),
  ("granted","Role granted.","已授予角色。","Role granted: {0}.","已授予角色：{0}。"),
  ("revoked","Revoked.","已撤销。","Revoked: {0}.","已撤销：{0}。"),
  ("imported","Imported.","已导入。","Imported: {0}.","已导入：{0}。"),
  ("sent","Sent.","已发送。","“{0}” sent.","已发送“{0}”。"),
  ("read","Marked as read.","已标为已读。","Marked as read: {0}.","已标为已读：{0}。"),
  ("repeated","This form had already been sent: it was saved once, not twice.","此表单已提交过：只保存了一次，没有重复保存。","This form had already been sent: it was saved once, not twice.","此表单已提交过：只保存了一次，没有重复保存。"),
  ("submitted","Submitted for regional review.","已提交区域审核。","Submitted for regional review: {0}.","已提交区域审核：{0}。"),
  ("withdrawn","Withdrawn: the plan is a draft again.","已撤回：计划重新成为草稿。","Withdrawn: {0} is a draft again.","已撤回：{0}重新成为草稿。"),
  ("takenForReview","Taken for review.","已开始审核。","Taken for review: {0}.","已开始审核：{0}。"),
  ("returned","Returned with feedback.","已退回并附反馈意见。","Returned with feedback: {0}.","已退回并附反馈意见：{0}。"),
  ("endorsed","Endorsed: the plan now waits for approval.","已认可：计划等待批准。","Endorsed: {0} now waits for approval.","已认可：{0}等待批准。"),
  ("approved","Approved: the plan is in force.","已批准：计划现已生效。","Approved: {0} is in force.","已批准：{0}现已生效。"),
]:
    k("said."+a, en, zh); k("said."+a+"_named", en_named, zh_named)
k("plan.rto_exceeds_warning", "The RTO ({0}) is longer than the MTPD ({1}): the process would be back only after its disruption has become intolerable. The plan cannot be submitted until the RTO is at most the MTPD.", "恢复时间目标（{0}）长于最长可容忍中断时间（{1}）：该流程要到中断已无法容忍之后才能恢复。在恢复时间目标不超过最长可容忍中断时间之前，计划不能提交。")
k("sign_in.expired", "Your session has ended after a time without use. Sign in again to go on where you were.", "您的会话因一段时间未使用已结束。请重新登录，继续之前的操作。")
k("sign_in.held", "Your session had ended, so what you just sent has not been saved yet. It is kept: sign in again and it will be sent for you.", "您的会话已结束，刚才提交的内容尚未保存。内容已保留：重新登录后将为您提交。")
# The home page: what needs each person, from their grants (issue 14).
k("home.needs_you", "What needs you", "需要您处理的事项")
k("home.task.plan", "Business continuity plan of {0}", "{0} 的业务连续性计划")
k("home.task.review", "Plans to review in {0}", "{0} 待审核的计划")
k("home.task.approve", "Plans to approve in {0}", "{0} 待批准的计划")
k("home.task.oversight", "The organization's plans today", "全组织计划概况")
k("home.task.risks", "Joint risk register of {0}", "{0} 的联合风险登记册")
kp("home.overdue_by", "The plan in force is overdue by {0} day: update it now.", "The plan in force is overdue by {0} days: update it now.", "现行计划已逾期 {0} 天：请立即更新。")
k("home.due_on", "The plan in force is due on {0}: update it before then.", "现行计划将于 {0} 到期：请在此之前更新。")
k("home.in_force_until", "The plan in force is current; it is due again on {0}.", "现行计划有效，下次到期日为 {0}。")
k("home.no_plan_in_force", "No plan is in force yet.", "目前没有现行计划。")
kp("home.errors_to_fix", "{0} (draft): {1} error to fix before it can be submitted.", "{0} (draft): {1} errors to fix before it can be submitted.", "{0}（草稿）：提交前需修正 {1} 个错误。")
k("home.fix_errors", "Fix the errors", "修正错误")
k("home.ready_to_submit", "{0} (draft) is ready to submit for regional review.", "{0}（草稿）可以提交区域审核。")
kp("home.threads_to_answer", "{0} was returned with feedback: {1} thread to answer.", "{0} was returned with feedback: {1} threads to answer.", "{0} 已退回并附反馈意见：有 {1} 条意见待答复。")
k("home.answer_feedback", "Answer the feedback", "答复反馈意见")
k("home.waiting_review", "{0} is submitted: it waits for the regional review.", "{0} 已提交，等待区域审核。")
k("home.waiting_approval", "{0} is endorsed: it waits for the senior manager's approval.", "{0} 已获认可，等待代表/主任批准。")
k("home.open_plan", "Open the plan", "打开计划"); k("home.open_plans", "The unit's plans", "本单位的计划")
k("home.start_update", "Start this year's update", "开始本年度更新"); k("home.start_plan", "Start the plan", "开始编写计划")
kp("home.to_review", "{0} plan waits for review.", "{0} plans wait for review.", "有 {0} 份计划等待审核。")
k("home.nothing_to_review", "No plan waits for review.", "没有等待审核的计划。")
kp("home.to_approve", "{0} plan waits for your approval.", "{0} plans wait for your approval.", "有 {0} 份计划等待您批准。")
k("home.nothing_to_approve", "No plan waits for your approval.", "没有等待您批准的计划。")
k("home.open_for_review", "Review it", "开始审核"); k("home.open_for_approval", "Open for approval", "打开以批准"); k("home.open_dashboard", "The region's dashboard", "区域仪表板")
kp("home.units_planning", "{0} unit keeps a plan.", "{0} units keep a plan.", "共 {0} 个单位须制定计划。")
kp("home.units_overdue", "{0} unit's plan is overdue.", "{0} units' plans are overdue.", "{0} 个单位的计划已逾期。")
k("home.open_overview", "Open the overview", "打开总览"); k("home.figure", "{0}: {1}", "{0}：{1}")
kp("home.risks_open", "{0} risk open.", "{0} risks open.", "{0} 项风险未关闭。")
kp("home.risks_due", "{0} is due for review: review it.", "{0} are due for review: review them.", "{0} 项到了复核日期：请复核。")
k("home.risks_none_due", "None is due for review.", "没有到期需复核的风险。")
k("home.open_register", "Open the register", "打开登记册")
# The audit trail's fields, by their labels (issue 14: no codes on screen).
k("audit.item", "(the item)", "（该项）"); k("audit.by_system", "The system", "系统"); k("audit.by_command_line", "Command line", "命令行"); k("audit.unknown_record", "(a record no longer found)", "（已找不到的记录）")
for a, en, zh in [("area","Area","区域"),("country","Country","国家"),("latitude","Latitude","纬度"),("longitude","Longitude","经度"),("name","Name","名称"),
                  ("retired_at","Retired on","撤销时间"),("unit_id","Unit","单位"),("revoked_at","Revoked on","撤销时间"),("role","Role","角色"),("user_id","Person","人员"),
                  ("comment","Comment","意见"),("content","Content","内容"),("cycle","Cycle","年度"),("feedback","Feedback","反馈意见"),("message","Message","留言"),
                  ("state","State","状态"),("version","Version","版本"),("actions","Actions","行动"),("cause","Cause","原因"),("consequence","Consequence","后果"),
                  ("impact","Impact","影响"),("kind","Kind","类别"),("likelihood","Likelihood","可能性"),("owner","Owner","负责人"),("processes","Critical processes","关键流程"),
                  ("residual_impact","Residual impact","剩余影响"),("residual_likelihood","Residual likelihood","剩余可能性"),("review_date","Review date","复核日期"),
                  ("risks","Risks","风险"),("scenarios","Scenarios","情景"),("source","Source","来源"),("status","Status","状态"),("title","Title","标题"),
                  ("treatment","Treatment","应对措施"),("value","Setting","设置值"),("code","Code","代码"),("parent_id","Parent unit","上级单位"),
                  ("display_name","Full name","姓名"),("email","E-mail","电子邮件"),("home_unit_id","Posted at","所属单位"),("is_active","Account active","账户有效"),
                  ("language","Language","界面语言"),("username","User name","用户名"),("deadline","Deadline","截止日期"),("units","Units","单位数"),
                  ("comments","Comments","说明"),("in_force","Plans in force","现行计划"),("rto","Recovery time objective","恢复时间目标"),("note","Note","记录"),
                  ("places","Places affected","受影响地点"),("start","Started","开始时间"),("relevant_kinds","Kinds of risk kept","登记的风险类别"),
                  ("revision","Revision","修订号"),("label","Name","名称")]:
    k("audit.field."+a, en, zh)
d = os.path.join(os.path.dirname(__file__), "..", "Sources", "ResilienceApp", "Resources", "Localization")
# Security management (issue 15): areas, security levels, their review.
k("role.regional_security_desk", "Regional security desk", "区域业务司")
k("risk_level.unacceptable", "Unacceptable", "不可接受")
for a, en, zh in [("minimal","Minimal","最低"),("low","Low","低"),("moderate","Moderate","中等"),("substantial","Substantial","较高"),("high","High","高"),("extreme","Extreme","极高")]:
    k("security_level."+a, en, zh)
for a, en, zh in [("armed_conflict","Armed conflict","武装冲突"),("terrorism","Terrorism","恐怖主义"),("crime","Crime","犯罪"),("civil_unrest","Civil unrest","内乱"),("hazards","Hazards","危害")]:
    k("threat."+a, en, zh); k("audit.field.threat_"+a, en, zh)
for a, en, zh in [("proposed","Waiting for approval","待核准"),("approved","Approved","已核准"),("returned","Sent back","已退回"),("withdrawn","Withdrawn","已撤回")]:
    k("level_state."+a, en, zh)
k("nav.security", "Security", "安保")
k("security.title", "Security levels", "安全等级")
k("security.title_of", "Security levels: {0}", "安全等级：{0}")
k("security.intro", "Each security area has one level, 1 to 6, set from the threat in five categories and reviewed by the regional security desk. A review past its date is flagged.", "每个安全区域有一个 1 至 6 级的安全等级，依据五类威胁评定，并由区域业务司审查。逾期未审查的会被标出。")
k("security.areas", "Security areas", "安全区域")
k("security.area", "Area", "区域")
k("security.level", "Security level", "安全等级")
k("security.level_n", "{0} – {1}", "{0} 级 – {1}")
k("security.threats", "Threat by category", "各类威胁")
k("security.threat", "Threat", "威胁"); k("security.rating", "Rating", "评级")
k("security.next_review", "Next review", "下次审查")
k("security.review_overdue", "Review overdue since {0}", "审查已逾期（应于 {0}）")
k("security.no_level", "No level approved yet", "尚无核准的安全等级")
k("security.waiting", "Level {0} proposed on {1}: waiting for the regional security desk.", "已于 {1} 提议 {0} 级：等待区域业务司核准。")
k("security.stations", "Duty stations", "工作地点")
k("security.no_stations", "No duty station is in this area.", "此区域内没有工作地点。")
k("security.no_areas", "No security areas here.", "此处没有安全区域。")
k("security.new_area", "New area", "新建区域")
k("security.new_area_title", "New security area in {0}", "在{0}新建安全区域")
k("security.area_name", "Name ({0})", "名称（{0}）")
k("security.area_name_hint", "At least one language; the others show this one until they have their own.", "至少填写一种语言；其他语言在填写前显示此名称。")
k("security.country_hint", "Two-letter ISO code; only duty stations of this country can be in the area.", "两位 ISO 国家代码；只有该国的工作地点可以划入此区域。")
k("security.rename", "Rename", "重命名")
k("security.rename_title", "Rename {0}", "重命名{0}")
k("security.propose", "Propose a level", "提议安全等级")
k("security.review_level", "Review the level", "审查安全等级")
k("security.propose_title", "Security level of {0}", "{0}的安全等级")
k("security.propose_intro", "Rate the threat in each category from 1 (minimal) to 6 (extreme). The overall level is the highest of the five. To confirm the level unchanged, send the same ratings with the reason.", "按 1（最低）至 6（极高）评定每类威胁。总体等级取五项中的最高值。如确认等级不变，请以相同评级提交并说明理由。")
k("security.overall", "Overall level", "总体等级")
k("security.history", "History", "历史")
k("security.no_history", "No level has been proposed yet.", "尚未提议过安全等级。")
k("security.effective_on", "Effective from", "生效日期")
k("security.reason", "Reason", "理由")
k("security.reason_hint", "What the threat is and why the level follows from it; the regional security desk reads this.", "说明威胁情况及据此定级的理由；区域业务司将阅读此说明。")
k("security.next_review_hint", "Leave empty for the latest date HQ's interval allows: {0}.", "留空则取总部规定间隔允许的最晚日期：{0}。")
k("security.interval_n", "level {0}: {1} months", "{0} 级：{1} 个月")
k("security.proposed_by", "Proposed by", "提议人")
k("security.decided_by", "Decided by", "决定人")
k("security.decision_note", "Note", "意见")
k("security.unchanged", "Confirmed unchanged", "确认不变")
k("security.approve", "Approve", "核准")
k("security.return", "Send back", "退回")
k("security.withdraw", "Withdraw", "撤回")
k("security.decide_hint", "Sending back needs a reason the security officer can act on.", "退回时须说明理由，以便安保干事据此修改。")
k("security.assign", "Put a duty station in this area", "将工作地点划入此区域")
k("security.assign_submit", "Move here", "划入")
k("security.station_in", "now in {0}", "目前在{0}")
k("security.country", "Country", "国家")
k("security.open_area", "Open", "打开")
for a, en, zh, en_named, zh_named in [
  ("proposed","Proposed: the level waits for the regional security desk.","已提议：等级等待区域业务司核准。","Proposed for {0}: the level waits for the regional security desk.","已为{0}提议：等级等待区域业务司核准。"),
  ("levelApproved","Approved: the level is the area's from its effective date.","已核准：该等级自生效日期起适用于此区域。","Approved for {0}: the level applies from its effective date.","已为{0}核准：该等级自生效日期起适用。"),
  ("levelReturned","Sent back to the security officer with your reason.","已附理由退回安保干事。","Sent back for {0} with your reason.","已附理由退回{0}的提议。"),
  ("levelWithdrawn","Withdrawn.","已撤回。","Withdrawn for {0}.","已撤回{0}的提议。"),
]:
    k("said."+a, en, zh); k("said."+a+"_named", en_named, zh_named)
for a, en, zh in [("assessment_submitted","{0}: the risk assessment of {1} (version {2}) waits for your decision","{0}：{1}的安全风险评估（第 {2} 版）等待您决定"),("assessment_approved","{0}: the risk assessment of {1} (version {2}) is approved","{0}：{1}的安全风险评估（第 {2} 版）已核准"),("assessment_returned","{0}: the risk assessment of {1} (version {2}) was returned","{0}：{1}的安全风险评估（第 {2} 版）被退回")]:
    k("inbox."+a, en, zh)
for a, en, zh in [("level_proposed","{0}: level {1} proposed for {2}","{0}：为{2}提议 {1} 级"),("level_approved","{0}: level {1} approved for {2}","{0}：{2}的 {1} 级已核准"),("level_returned","{0}: the level proposed for {2} was sent back","{0}：为{2}提议的等级被退回")]:
    k("inbox."+a, en, zh)
for a, en, zh in [("security_area","Security area","安全区域"),("security_level","Security level","安全等级")]:
    k("audit.entity."+a, en, zh)
for a, en, zh in [("area_id","Area","区域"),("level","Level","等级"),("reason","Reason","理由"),("effective_on","Effective from","生效日期"),("next_review","Next review","下次审查"),("decision_note","Decision note","决定意见")]:
    k("audit.field."+a, en, zh)
k("audit.field.name_in", "Name ({0})", "名称（{0}）")
k("audit.field.full_name_in", "Full name ({0})", "全称（{0}）")
for code, en, zh in [
  ("review_after_interval", "HQ asks for a review at most {0} months after the level takes effect; choose an earlier date or leave it empty.", "总部要求在等级生效后最多 {0} 个月内审查；请选择更早的日期或留空。"),
  ("review_before_effective", "The next review cannot be before the level takes effect.", "下次审查日期不能早于等级生效日期。"),
  ("acceptable_risk_order", "A higher risk cannot be acceptable to more programmes than a lower one.", "较高风险可接受的方案不能多于较低风险。"),
  ("area_of_other_country", "{0} is in {1}; this area is in {2}. Choose an area of {1}.", "{0}位于 {1}，而此区域属于 {2}。请选择 {1} 的区域。"),
  ("measure_not_required", "This duty station is not required to meet this measure; only required measures are rated.", "该工作地点无须执行此措施；只对须执行的措施评定。"),
  ("unknown_area", "No area of {0} has this name. Its areas: {1}. The country's security officer adds areas.", "{0}没有此名称的区域。现有区域：{1}。区域由该国安保干事添加。"),
  ("security_not_now", "This is not possible while the proposal is {0}; reload the page to see what you can do now.", "提议处于“{0}”状态时不能进行此操作；请重新加载页面查看当前可进行的操作。"),
  ("own_proposal", "You proposed this: someone else at the regional security desk must decide on it.", "此项由您提议：须由区域业务司的其他人员决定。"),
  ("reason_required", "Say why: the security officer needs a reason to act on.", "请说明理由：安保干事需要据此修改。"),
  ("proposal_open", "A proposal for this area is already waiting for the regional security desk; withdraw it or wait for the decision.", "此区域已有等待区域业务司核准的提议；请撤回或等待决定。"),
]:
    k("problem."+code, en, zh)
k("home.task.levels", "Security levels of {0}", "{0}的安全等级")
k("home.open_levels", "Open the security levels", "打开安全等级")
kp("home.levels_waiting", "{0} level waits for your decision.", "{0} levels wait for your decision.", "{0} 个安全等级等待您决定。")
kp("home.areas", "{0} security area.", "{0} security areas.", "{0} 个安全区域。")
kp("home.levels_overdue", "{0} level is past its review date.", "{0} levels are past their review date.", "{0} 个安全等级已过审查日期。")
kp("home.assessments_waiting", "{0} risk assessment waits for your decision.", "{0} risk assessments wait for your decision.", "{0} 份安全风险评估等待您决定。")
k("home.levels_none_overdue", "No level is past its review date.", "没有逾期未审查的安全等级。")
kp("home.areas_without_level", "{0} area has no approved level.", "{0} areas have no approved level.", "{0} 个区域尚无核准的安全等级。")
# Security risk management measures (issue 15).
for a, en, zh in [("telecommunications","Telecommunications","通信"),("documentation","Documentation","文件"),("coordination","Coordination","协调"),("medical","Medical","医疗"),("equipment","Equipment","装备"),("vehicles","Vehicles","车辆"),("premises","Premises","房地"),("training","Training","培训"),("residential","Residential","住所")]:
    k("measure_category."+a, en, zh)
for a, en, zh in [("compliant","Compliant","符合"),("partly_compliant","Partly compliant","部分符合"),("not_compliant","Not compliant","不符合"),("not_applicable","Not applicable","不适用")]:
    k("measure_status."+a, en, zh)
k("measures.catalogue", "Security risk management measures", "最低运作安保标准")
k("measures.intro", "HQ's catalogue: each measure is required at every duty station from its baseline level on, or where the area's risk assessment adds it.", "总部的措施目录：每项措施自其基线等级起适用于所有工作地点，或在区域安全风险评估要求时适用。")
k("measures.code", "Code", "代码"); k("measures.category", "Category", "类别"); k("measures.measure", "Measure", "措施")
k("measures.baseline_from", "Baseline", "基线")
k("measures.from_level", "From level {0}", "自 {0} 级起")
k("measures.by_assessment", "Where the risk assessment adds it", "按安全风险评估要求")
k("measures.baseline_hint", "The security level from which every duty station must meet it.", "自此安全等级起所有工作地点都须执行。")
k("measures.code_hint", "Letters, digits and dashes, e.g. TEL-01.", "字母、数字和连字符，例如 TEL-01。")
k("measures.name_in", "Measure ({0})", "措施（{0}）")
k("measures.none", "The catalogue is empty.", "目录为空。")
k("measures.add", "Add a measure", "添加措施")
k("measures.edit_title", "Measure {0}", "措施 {0}")
k("measures.retire", "Retire this measure", "停用此措施")
k("measures.retire_hint", "A retired measure is no longer required anywhere; what was recorded for it stays in the history.", "停用后任何地点都不再要求执行；已记录的内容保留在历史中。")
k("measures.station_title", "Security measures at {0}", "{0}的安保措施")
k("measures.station_intro", "The measures this duty station must meet: the baseline of its area's level, and what the area's risk assessment adds. A measure not yet rated counts as not met.", "该工作地点须执行的措施：其区域等级的基线措施，以及区域安全风险评估增加的措施。尚未评定的措施按不符合计。")
k("measures.required", "Required measures", "须执行的措施")
k("measures.status", "Status", "状态"); k("measures.evidence", "Evidence", "证据")
k("measures.reason_na", "Why not applicable", "不适用的理由")
k("measures.reason_is", "Not applicable because: {0}", "不适用的理由：{0}")
k("measures.verified", "Verified", "核实")
k("measures.verified_by", "Verified by {0}, {1}.", "由 {0} 于 {1} 核实。")
k("measures.not_rated", "Not rated yet", "尚未评定")
k("measures.compliance", "Compliance", "合规情况")
k("measures.share", "{0} ({1} of {2} measures)", "{0}（{2} 项措施中 {1} 项符合）")
k("measures.nothing_required", "No measure is required here yet.", "此处尚无须执行的措施。")
k("measures.no_stations_rated", "No duty station has a measure to meet yet.", "尚无须执行措施的工作地点。")
k("measures.roll_up", "{0} of the measures met on average at {1} duty stations; {2} fully compliant ({3}).", "{1} 个工作地点平均符合 {0} 的措施；{2} 个完全符合（{3}）。")
k("measures.open", "Measures", "安保措施")
k("measures.compliance_of", "Measures compliance: {0}", "措施合规情况：{0}")
k("measures.average", "Average share met", "平均符合比例")
k("measures.stations_rated", "Duty stations with measures to meet", "有须执行措施的工作地点")
k("measures.fully_compliant", "Fully compliant", "完全符合")
k("measures.n_of_m", "{0} of {1} ({2})", "{1} 个中 {0} 个（{2}）")
for a, en, zh in [("security_measure","Security measure","安保措施"),("measure_compliance","Measure compliance","措施合规")]:
    k("audit.entity."+a, en, zh)
for a, en, zh in [("measure_id","Measure","措施"),("duty_station_id","Duty station","工作地点"),("baseline_from","Baseline level","基线等级"),("evidence","Evidence","证据"),("category","Category","类别")]:
    k("audit.field."+a, en, zh)
# Agencies and their headcounts (issue 15).
k("agencies.title", "Agencies", "机构")
k("agencies.intro", "The organizations of the security management system present at duty stations, with their personnel; the security budget is shared among them.", "在各工作地点有人员的安保管理系统各组织；安保预算由它们分担。")
k("agencies.short", "Short name", "简称"); k("agencies.full", "Full name", "全称")
k("agencies.none", "No agency is listed yet.", "尚未列出任何机构。")
k("agencies.add", "Add an agency", "添加机构")
k("agencies.station_title", "Agencies at {0}", "{0}的机构")
k("agencies.station_intro", "Each agency's personnel at this duty station, and their eligible dependants.", "各机构在此工作地点的人员及其合格受抚养人。")
k("agencies.present", "Agencies present", "在此的机构")
k("agencies.none_present", "No agency is recorded here yet.", "此处尚未记录任何机构。")
k("agencies.international", "International staff", "国际工作人员"); k("agencies.national", "National staff", "本国工作人员")
k("agencies.dependants", "Dependants", "受抚养人"); k("agencies.total", "Total", "合计")
k("agencies.edit_counts", "Headcounts", "人数")
k("agencies.counts_hint", "Leave an agency's three numbers empty or at 0 when it has nobody here.", "机构在此无人员时，三项人数留空或填 0。")
k("agencies.headcount_line", "{0} agencies, {1} personnel and dependants", "{0} 个机构，人员及受抚养人 {1} 名")
for a, en, zh in [("agency","Agency","机构"),("agency_presence","Agency headcount","机构人数")]:
    k("audit.entity."+a, en, zh)
for a, en, zh in [("agency_id","Agency","机构"),("international_staff","International staff","国际工作人员"),("national_staff","National staff","本国工作人员"),("dependants","Dependants","受抚养人")]:
    k("audit.field."+a, en, zh)
# Security risk assessments (issue 15).
for a, en, zh in [("draft","Draft","草稿"),("submitted","Submitted","已提交"),("approved","Approved","已核准"),("returned","Returned","已退回")]:
    k("assessment_state."+a, en, zh)
for a, en, zh in [("current","Current","现行"),("due_for_review","Due for review","待审查"),("expired","Expired","已过期"),("none","None","无")]:
    k("assessment_status."+a, en, zh)
for a, en, zh in [("accept","Accept","接受"),("control","Control","控制"),("avoid","Avoid","规避"),("transfer","Transfer","转移")]:
    k("decision."+a, en, zh)
for a in ["pc1","pc2","pc3","pc4"]: k("pc."+a, a.upper(), a.upper())
k("assessment.title_of", "Security risk assessments: {0}", "安全风险评估：{0}")
k("assessment.page_title", "Security risk assessment of {0}, version {1}", "{0}安全风险评估（第 {1} 版）")
k("assessment.intro", "The area's threats rated on HQ's 5×5 matrix before and after the measures that reduce them, with the decision for each. The regional security desk approves; an approved assessment is valid a year, and is due for review as soon as the area's level changes.", "在总部 5×5 矩阵上评定区域各项威胁在采取减缓措施前后的风险，并对每项作出决定。由区域业务司核准；核准的评估有效期一年，区域安全等级一旦变化即须重新审查。")
k("assessment.status", "Assessment", "安全风险评估")
k("assessment.start", "Start the next assessment", "开始新一轮评估")
k("assessment.open_draft", "Open the assessment being written", "打开正在编写的评估")
k("assessment.versions", "Versions", "版本")
k("assessment.version", "Version", "版本"); k("assessment.version_n", "Version {0}", "第 {0} 版")
k("assessment.threats", "Threats", "威胁")
k("assessment.valid_until", "Valid until", "有效期至")
k("assessment.decided", "Decided", "决定")
k("assessment.submitted", "Submitted", "提交")
k("assessment.none", "No assessment has been written for this area yet.", "此区域尚未编写安全风险评估。")
k("assessment.worst_residual", "Worst residual risk", "最高剩余风险")
k("assessment.acceptable_for", "Acceptable for", "可接受的方案")
k("assessment.no_programme", "No programme (unacceptable)", "任何方案均不可接受")
k("assessment.threat", "Threat", "威胁")
k("assessment.description", "What could happen, where and to whom", "可能发生什么、在何处、涉及何人")
k("assessment.before", "Before measures", "采取措施前")
k("assessment.after", "Residual, after measures", "采取措施后的剩余风险")
k("assessment.measures", "Measures that reduce it", "减缓措施")
k("assessment.measures_hint", "What is or will be in place; the residual rating assumes them.", "已经或将要采取的措施；剩余风险以此为前提。")
k("assessment.decision", "Decision", "决定")
k("assessment.no_threats", "No threat assessed yet.", "尚未评估任何威胁。")
k("assessment.add_threat", "Add a threat", "添加威胁")
k("assessment.edit_threat", "Change a threat", "修改威胁")
k("assessment.added_measures", "Measures this assessment adds", "本评估增加的措施")
k("assessment.added_measures_hint", "Once approved, every duty station of the area must meet these besides the baseline of its level.", "核准后，区域内所有工作地点除其等级基线措施外还须执行这些措施。")
k("assessment.changes_since", "Changes since version {0}", "自第 {0} 版以来的变更")
k("assessment.change_added", "Added: {0} — {1}", "新增：{0} — {1}")
k("assessment.change_changed", "Changed: {0} — {1}", "修改：{0} — {1}")
k("assessment.change_removed", "Removed: {0} — {1}", "删除：{0} — {1}")
k("assessment.change_measure_added", "Measure added: {0}", "增加措施：{0}")
k("assessment.change_measure_removed", "Measure dropped: {0}", "取消措施：{0}")
k("assessment.moves", "Review", "审查")
k("assessment.submit", "Submit to the regional security desk", "提交区域业务司")
k("assessment.open", "Risk assessments", "安全风险评估")
k("assessment.threads", "Questions and answers", "问答")
k("assessment.no_threads", "No question has been asked on this version.", "此版本尚无提问。")
k("assessment.whole", "The assessment as a whole", "整份评估")
k("assessment.comment_on", "About", "关于")
k("assessment.comment", "Message", "留言")
k("assessment.send", "Send", "发送")
k("audit.entity.assessment_comment", "Assessment message", "评估留言")
k("audit.entity.risk_assessment", "Security risk assessment", "安全风险评估")
k("audit.field.valid_until", "Valid until", "有效期至")
k("problem.residual_above_inherent", "Measures reduce a risk: the residual rating cannot be above the rating before them.", "措施只会降低风险：剩余风险评级不能高于采取措施前的评级。")
k("problem.nothing_assessed", "Assess at least one threat before submitting.", "提交前请至少评估一项威胁。")
# The duty-station database (issue 15).
k("database.title", "Duty-station database", "工作地点数据库")
k("database.intro", "Every duty station in your reach: its area's security level and risk assessment, its measures compliance and the agencies there. Filter, sort by a column, or download the list.", "您权限范围内的所有工作地点：所在区域的安全等级和安全风险评估、措施合规情况以及在此的机构。可筛选、按列排序或下载列表。")
kp("database.count", "{0} duty station.", "{0} duty stations.", "共 {0} 个工作地点。")
k("database.csv", "Download as CSV", "下载 CSV")
k("database.region", "Region", "区域局")
k("database.below", "Compliance below (%)", "合规低于（%）")
k("database.personnel", "Staff / dependants", "工作人员/受抚养人")
k("database.personnel_line", "{0} / {1}", "{0} / {1}")
k("database.overdue", "Review overdue", "审查逾期")
kp("database.map_cell", "{0} duty station, highest level: {1}", "{0} duty stations, highest level: {1}", "{0} 个工作地点，最高等级：{1}")
kp("database.map_title", "Map of {0} duty station, coloured by security level", "Map of {0} duty stations, coloured by security level", "{0} 个工作地点的地图，按安全等级着色")
# Acceptable risk (issue 15).
k("acceptable.title", "Critical processes beyond acceptable risk", "超出可接受风险的关键流程")
k("acceptable.intro", "Where the residual risk of the area's approved security risk assessment is higher than the process's programme criticality may accept (HQ's guidelines for acceptable risk). A plan's processes are done at the duty stations of its unit and the units below it.", "所在区域核准的安全风险评估的剩余风险高于该流程的方案关键程度可接受的水平（总部可接受风险准则）。计划的流程在其单位及下属单位的工作地点开展。")
k("acceptable.finding", "{0} ({1}) is done at {2}, where the residual risk is {3}: beyond what {1} accepts.", "{0}（{1}）在{2}开展，该地剩余风险为“{3}”：超出 {1} 可接受的水平。")
k("acceptable.finding_many", "{0} ({1}) is done at {2} duty stations where the residual risk is beyond what {1} accepts:", "{0}（{1}）在 {2} 个工作地点开展，这些地点的剩余风险超出 {1} 可接受的水平：")
k("acceptable.none", "No critical process is beyond acceptable risk.", "没有超出可接受风险的关键流程。")
k("acceptable.process", "Critical process", "关键流程")
k("acceptable.place", "Duty station", "工作地点")
# HQ's security settings (issue 15).
k("settings.security_title", "Security settings", "安保设置")
k("settings.intervals", "Review of security levels", "安全等级审查")
k("settings.intervals_hint", "Months after a level takes effect by which it must be reviewed, by level (1 to 24).", "各等级自生效起须在多少个月内审查（1 至 24）。")
k("settings.acceptable", "Acceptable risk", "可接受风险")
k("settings.acceptable_hint", "For each residual risk level, the programmes that may still go on there (PC1 is the most critical). A higher risk cannot be acceptable to more programmes than a lower one.", "对每一剩余风险等级，可继续开展的方案（PC1 最关键）。较高风险可接受的方案不能多于较低风险。")
k("settings.pc_up_to", "PC1 to {0}", "PC1 至 {0}")
k("settings.pc1_only", "PC1 only", "仅 PC1")
k("settings.no_programme", "No programme", "任何方案均不可")
# Performance indicators (issue 15).
k("nav.indicators", "Indicators", "绩效指标")
k("indicators.title_of", "Performance indicators: {0}", "绩效指标：{0}")
k("indicators.intro", "Every indicator the two source documents ask for, computed from the data here for the unit and the units below it. The history is kept daily for headquarters and the regions.", "两份来源文件要求的各项绩效指标，依据本系统数据为该单位及其下属单位计算。总部和各区域的历史每日记录。")
k("indicators.seed_000", "Business continuity planning (UNHCR Emergency Handbook)", "业务连续性规划（难民署紧急情况手册）")
k("indicators.seed_003", "Safety and security (Programme 28, A/69/6)", "安全和安保（方案 28，A/69/6）")
k("indicators.history_of", "History of: {0}", "历史：{0}")
k("indicators.no_history", "No history yet: it is kept for headquarters and the regions, from the first day recorded.", "尚无历史：总部和各区域自首次记录之日起保存历史。")
for a, en, zh, den, dzh, cen, czh in [
  ("plans_in_force", "Plans in force", "有现行计划", "Units whose business continuity plan is approved and in force: the plan is ready and coordinated.", "业务连续性计划已核准并现行有效的单位：计划已就绪并经协调。", "{0} of {1} units", "{1} 个单位中 {0} 个"),
  ("plans_updated", "Plans updated within twelve months", "十二个月内更新的计划", "Units whose plan in force was approved in the last twelve months: regular maintenance and review.", "现行计划在过去十二个月内核准的单位：定期维护和审查。", "{0} of {1} units", "{1} 个单位中 {0} 个"),
  ("plans_tested", "Plans tested within twelve months", "十二个月内检验的计划", "Units that exercised their plan (or activated it) in the last twelve months.", "过去十二个月内演练（或启动）过计划的单位。", "{0} of {1} units", "{1} 个单位中 {0} 个"),
  ("risk_registers", "Joint risk register in place", "已建立联合风险登记册", "Units whose joint risk register holds current risks.", "联合风险登记册中有现行风险的单位。", "{0} of {1} units", "{1} 个单位中 {0} 个"),
  ("assessments_current", "Risk assessments endorsed and current", "经认可的现行安全风险评估", "Security areas whose risk assessment is approved by the regional security desk and current: not expired, and no change of level since.", "安全风险评估经区域业务司核准且现行有效（未过期，且此后等级未变化）的安全区域。", "{0} of {1} areas", "{1} 个区域中 {0} 个"),
  ("measures_implemented", "Measures implemented in line with the assessments", "与安全风险评估一致的措施执行情况", "The average share of required measures met at duty stations: the baseline of each area's level and what its assessment adds.", "各工作地点须执行措施的平均符合比例：各区域等级的基线措施以及评估增加的措施。", "average of {0} duty stations", "{0} 个工作地点的平均值"),
  ("stations_compliant", "Duty stations compliant with the measures", "符合安保措施的工作地点", "Duty stations meeting every measure required of them.", "符合所有须执行措施的工作地点。", "{0} of {1} duty stations", "{1} 个工作地点中 {0} 个"),
  ("personnel_locatable", "Personnel locatable", "可查寻行踪的人员", "Personnel whose location was confirmed within HQ's window (30 days unless HQ sets another), of all personnel at the duty stations.", "在总部规定期限内（除总部另行设定外为 30 天）确认过所在位置的人员，占各工作地点全部人员的比例。", "{0} of {1} personnel", "{1} 名人员中 {0} 名"),
  ("dependants_locatable", "Eligible dependants locatable", "可查寻行踪的合格受抚养人", "Eligible dependants whose location was confirmed within HQ's window, of all dependants of the personnel.", "在总部规定期限内确认过所在位置的合格受抚养人，占人员全部受抚养人的比例。", "{0} of {1} dependants", "{1} 名受抚养人中 {0} 名"),
  ("travel_cases_assessed", "Senior officials' travel cases reviewed", "审查的高级官员旅行案例", "Travel cases of senior officials opened in the last twelve months whose personal protection needs were assessed before the trip.", "过去十二个月内开立、在出行前已评估个人保护需要的高级官员旅行案例。", "{0} of {1} travel cases", "{1} 个旅行案例中 {0} 个"),
  ("aviation_advice_given", "Aviation advice given", "提供的航空咨询意见", "Legs on air operators not approved whose aviation advice HQ gave, of those that asked for it in the last twelve months.", "过去十二个月内乘坐未获批准航空运营人、已取得总部航空咨询意见的行程段占申请数的比例。", "{0} of {1} legs advised", "{1} 个行程段中 {0} 个已获咨询意见"),
  ("levels_on_time", "Security levels reviewed and approved on time", "按时审查和核准的安全等级", "Security areas whose level in force was reviewed and approved within its review date; an area without an approved level is not.", "现行安全等级在审查日期内经审查和核准的安全区域；尚无核准等级的区域不计。", "{0} of {1} areas", "{1} 个区域中 {0} 个"),
]:
    k("indicator."+a, en, zh); k("indicator_definition."+a, den, dzh); k("indicators.count_"+a, cen, czh)
# Personnel, dependants, tracking and roll-calls
k("role.personnel_focal_point", "Personnel focal point", "人事协调人")
k("problem.phone_format", "Enter the number in the international form: + country code and number, e.g. +254 722 000 111.", "请以国际格式输入号码：+ 国家代码和号码，例如 +254 722 000 111。")
k("problem.index_number_taken", "Another personnel record already has this index number.", "已有其他人员记录使用此索引号。")
k("problem.roll_call_reach", "Choose the areas or duty stations, or give a point and a radius.", "请选择区域或工作地点，或给出一个地点和半径。")
k("problem.roll_call_closed", "This roll-call is closed: nothing can be marked any more.", "此次人员清点已结束，不能再标记。")
k("personnel.title", "Personnel", "人员")
k("personnel.title_of", "Personnel of {0}", "{0}的人员")
k("personnel.intro", "Everyone at the duty stations of this unit and the units below it, with or without an account. Contacts, dependants and whereabouts are seen only by the person, the security officers and administrators, and the human resources staff who keep the records.", "本单位及其下属单位各工作地点的所有人员，无论是否有账户。联系方式、受抚养人和行踪仅本人、安保干事、管理员以及维护记录的人力资源人员可见。")
k("personnel.search", "Name or index number", "姓名或索引号")
k("personnel.none", "No personnel here yet.", "此处尚无人员。")
k("personnel.add", "Add a person", "添加人员")
k("personnel.edit", "Change the record", "修改记录")
k("personnel.import", "Import from a spreadsheet", "从电子表格导入")
k("personnel.import_hint", "A CSV file with a row per person: name, index number, category, duty station (by name), and optionally agency, phone, other phone, e-mail, language, emergency contact. You see every row's errors before anything is saved; all rows are saved, or none.", "每人一行的 CSV 文件：姓名、索引号、类别、工作地点（名称），可选机构、电话、其他电话、电子邮件、语言、紧急联系人。保存前可看到每一行的错误；要么全部保存，要么全不保存。")
k("personnel.import_file", "CSV file", "CSV 文件")
k("personnel.preview", "Preview", "预览")
k("personnel.import_confirm", "Save every row", "保存所有行")
kp("personnel.preview_ready", "{0} row is ready to be saved.", "{0} rows are ready to be saved.", "{0} 行可以保存。")
kp("personnel.preview_wrong", "{0} row has errors: correct the file and preview it again. Nothing was saved.", "{0} rows have errors: correct the file and preview it again. Nothing was saved.", "{0} 行有错误：请更正文件后重新预览。未保存任何内容。")
k("personnel.line", "Line", "行")
k("personnel.errors", "What to correct", "需要更正")
k("personnel.download_csv", "Download as CSV", "下载 CSV")
k("personnel.open_reconciliation", "Who cannot be located", "无法查寻行踪的人员")
k("personnel.located_personnel", "{0} of {1} personnel locatable ({2})", "{1} 名人员中 {0} 名可查寻行踪（{2}）")
k("personnel.located_dependants", "{0} of {1} dependants locatable ({2})", "{1} 名受抚养人中 {0} 名可查寻行踪（{2}）")
for f, en, zh in [("name", "Name", "姓名"), ("index_number", "Index number", "索引号"), ("category", "Category", "类别"),
    ("duty_station", "Duty station", "工作地点"), ("agency", "Agency", "机构"), ("phone", "Mobile phone", "手机"),
    ("other_phone", "Other phone", "其他电话"), ("email", "E-mail", "电子邮件"), ("language", "Language of messages", "消息语言"),
    ("emergency_contact", "Emergency contact", "紧急联系人"), ("account", "Account (user name)", "账户（用户名）"),
    ("relationship", "Relationship", "关系"), ("date_of_birth", "Date of birth", "出生日期"), ("residence", "Where they live", "居住地")]:
    k("personnel.field." + f, en, zh)
for c, en, zh in [("international", "International", "国际人员"), ("national", "National", "本国人员"), ("affiliate", "Affiliate", "附属人员")]:
    k("personnel.category." + c, en, zh)
for c, en, zh in [("spouse", "Spouse", "配偶"), ("child", "Child", "子女"), ("parent", "Parent", "父母"), ("other", "Other", "其他")]:
    k("personnel.relationship." + c, en, zh)
for c, en, zh in [("self", "the person", "本人"), ("officer", "a security officer", "安保干事"), ("roll_call", "a roll-call", "人员清点"), ("travel", "a travel itinerary", "差旅行程")]:
    k("personnel.source." + c, en, zh)
for c, en, zh in [("never_confirmed", "never confirmed", "从未确认"), ("confirmed_too_long_ago", "confirmed too long ago", "确认时间过久"), ("no_phone", "no phone", "没有电话"), ("trip_without_return", "a trip without a return", "行程无返程")]:
    k("personnel.reason." + c, en, zh)
k("personnel.phone_hint", "International form: + country code and number.", "国际格式：+ 国家代码和号码。")
k("personnel.account_hint", "The user name of their account, if they have one: they then keep their own record.", "如有账户，填写其用户名：本人即可维护自己的记录。")
k("personnel.protected_hint", "Contacts, dependants and whereabouts are seen only by the person, the security officers, administrators and the human resources staff who keep the records.", "联系方式、受抚养人和行踪仅本人、安保干事、管理员以及维护记录的人力资源人员可见。")
k("personnel.contacts", "Contacts", "联系方式")
k("personnel.whereabouts", "Whereabouts", "行踪")
k("personnel.confirmed", "At {0}, confirmed {1} by {2}.", "位于{0}，{1}由{2}确认。")
k("personnel.never_confirmed", "Where they are was never confirmed.", "从未确认其所在位置。")
k("personnel.locatable", "Locatable", "可查寻")
k("personnel.not_locatable", "Not locatable", "无法查寻")
k("personnel.location_station", "Duty station where they are now", "目前所在工作地点")
k("personnel.location_coordinates", "Coordinates (only if the person gives them)", "坐标（仅在本人提供时）")
k("personnel.with_dependants", "Their dependants are there too", "其受抚养人也在该处")
k("personnel.confirm_location", "Confirm where they are", "确认所在位置")
k("personnel.dependants", "Eligible dependants", "合格受抚养人")
k("personnel.no_dependants", "No dependants recorded.", "未登记受抚养人。")
k("personnel.add_dependant", "Add a dependant", "添加受抚养人")
k("personnel.dependant_named", "dependant {0}", "受抚养人 {0}")
k("personnel.views", "Who looked at this record", "查看过此记录的人")
k("personnel.viewer", "Who", "查看人")
k("personnel.viewed_at", "When", "时间")
k("personnel.no_views", "Nobody else has looked at this record.", "尚无其他人查看此记录。")
k("personnel.export", "Download the record (JSON)", "下载记录（JSON）")
k("personnel.anonymize", "The person has left: anonymize", "人员已离职：匿名化")
k("personnel.anonymize_hint", "Name, contacts and dependants' details are removed for good. The record stays, unnamed, so past roll-calls and figures keep their counts.", "姓名、联系方式和受抚养人的详细信息将被永久删除。记录以匿名方式保留，以使以往的人员清点和数字保持正确。")
k("personnel.anonymize_confirm", "Yes, remove this person's details for good", "是，永久删除此人的详细信息")
k("personnel.reconciliation", "Who cannot be located", "无法查寻行踪的人员")
k("personnel.reconciliation_of", "Who cannot be located: {0}", "无法查寻行踪的人员：{0}")
k("personnel.reconciliation_intro", "Before anything happens: the personnel and dependants whose location was not confirmed within the last {0} days, or who cannot be reached by phone.", "在发生任何事件之前：过去 {0} 天内未确认所在位置或无法通过电话联系的人员和受抚养人。")
k("personnel.last_confirmed", "Last confirmed", "最近确认")
k("personnel.reasons", "Why", "原因")
k("personnel.all_located", "Everyone can be located.", "所有人均可查寻行踪。")
k("personnel.reconciliation_more", "The first {0} are shown.", "仅显示前 {0} 条。")
k("personnel.mine", "My personnel record", "我的人员记录")
k("personnel.no_record", "There is no personnel record linked to your account. Ask your human resources or security focal point to link it.", "您的账户尚未关联人员记录。请联系人力资源或安保协调人进行关联。")
k("home.task.personnel", "Personnel of {0}", "{0}的人员")
kp("home.personnel", "{0} person on record.", "{0} personnel on record.", "登记人员 {0} 名。")
kp("home.personnel_unlocated", "{0} cannot be located now.", "{0} cannot be located now.", "{0} 名目前无法查寻行踪。")
k("home.personnel_all_located", "Everyone can be located.", "所有人均可查寻行踪。")
k("home.open_reconciliation", "Open the list", "打开名单")
k("home.task.whereabouts", "Where are you?", "您在哪里？")
k("home.whereabouts_last", "Your location was last confirmed on {0}.", "您的位置最近一次确认于 {0}。")
k("home.whereabouts_never", "Your location has never been confirmed.", "您的位置从未确认。")
k("home.confirm_whereabouts", "Confirm where you are", "确认所在位置")
k("settings.locatable", "Tracking", "查寻行踪")
k("settings.locatable_days", "Days a confirmed location counts", "已确认位置的有效天数")
k("settings.locatable_hint", "A person is locatable when their location was confirmed within this many days (1 to 366).", "在此天数内确认过位置的人员视为可查寻（1 至 366）。")
k("rollcall.title", "Roll-calls", "人员清点")
k("rollcall.title_of", "Roll-calls: {0}", "人员清点：{0}")
k("rollcall.intro", "After an incident: everyone who may be in the places affected, with their dependants, each accounted for.", "事件发生后：清点可能身处受影响地点的所有人员及其受抚养人。")
k("rollcall.none", "No roll-call yet.", "尚无人员清点。")
k("rollcall.open", "Open a roll-call", "发起人员清点")
k("rollcall.messages_off", "Messages are off: no SMS gateway or mail server is configured. People are marked by hand.", "消息已关闭：未配置短信网关或邮件服务器。请手动标记人员。")
k("rollcall.field.title", "Incident", "事件")
k("rollcall.field.occurred_at", "When it happened", "发生时间")
k("rollcall.field.areas", "Security areas", "安全区域")
k("rollcall.field.stations", "Duty stations", "工作地点")
k("rollcall.field.circle", "Or a point and a radius", "或一个地点及半径")
k("rollcall.field.radius", "Radius (km)", "半径（公里）")
k("rollcall.field.channels", "Reaching people", "联系方式")
k("rollcall.field.first", "First", "首先")
k("rollcall.field.second", "Then", "然后")
k("rollcall.field.second_after", "Then after (minutes)", "之后（分钟）")
k("rollcall.field.repeat", "Again every (minutes)", "每隔（分钟）重复")
k("rollcall.repeat_hint", "To those not yet reached; empty sends once.", "发给尚未联系上的人；留空则只发送一次。")
k("rollcall.opened", "Opened", "发起时间")
k("rollcall.listed", "Listed", "列入人数")
k("rollcall.accounted", "Accounted for", "已清点")
k("rollcall.closed", "closed", "已结束")
k("rollcall.closed_at", "Closed {0}.", "已于 {0} 结束。")
k("rollcall.occurred", "Happened {0}; roll-call opened {1}.", "发生于 {0}；人员清点发起于 {1}。")
k("rollcall.accounted_of", "accounted for: {0} of {1}", "已清点：{1} 人中 {0} 人")
k("rollcall.milestones", "50 % in {0} · 90 % in {1} · 100 % in {2}", "50% 用时 {0} · 90% 用时 {1} · 100% 用时 {2}")
k("rollcall.duration", "{0} h {1} min", "{0} 小时 {1} 分钟")
for a, en, zh in [("personnel","Personnel record","人员记录"),("dependant","Dependant","受抚养人"),("roll_call","Roll-call","人员清点"),("roll_call_entry","Roll-call mark","人员清点标记")]:
    k("audit.entity."+a, en, zh)
for a, en, zh in [("index_number","Index number","索引号"),("phone","Mobile phone","手机"),("other_phone","Other phone","其他电话"),
    ("emergency_contact","Emergency contact","紧急联系人"),("account_id","Account","账户"),("location","Whereabouts","行踪"),
    ("location_confirmed_at","Whereabouts confirmed","行踪确认时间"),("location_source","Confirmed by","确认方"),
    ("left_at","Left","离职时间"),("relationship","Relationship","关系"),("date_of_birth","Date of birth","出生日期"),
    ("residence","Where they live","居住地"),("method","How","方式"),("listed","Listed","列入人数"),("closed","Closed","已结束"),
    ("warden","Warden","督导员"),("personnel","Personnel records","人员记录")]:
    k("audit.field."+a, en, zh)
k("personnel.locatable_of", "Who can be located: {0}", "可查寻行踪的人员：{0}")
k("personnel.locatable_by_area", "By security area (where they are posted)", "按安全区域（按派驻地点）")
k("personnel.locatable_personnel", "Personnel locatable", "可查寻行踪的人员")
k("personnel.locatable_dependants", "Dependants locatable", "可查寻行踪的受抚养人")
k("personnel.share", "{0} of {1} ({2})", "{1} 名中 {0} 名（{2}）")
k("rollcall.hours", "{0} h", "{0} 小时")
k("rollcall.chart", "Accounted for over time", "随时间推移的清点情况")
k("rollcall.channels", "Answers per channel", "各渠道回复")
k("rollcall.channel", "Channel", "渠道")
k("rollcall.messaged", "Messaged", "已发送")
k("rollcall.answered", "Answered", "已回复")
k("rollcall.no_messages", "No message sent.", "未发送消息。")
k("rollcall.everyone", "Everyone", "全部")
k("rollcall.export", "Download as CSV", "下载 CSV")
k("rollcall.people", "People listed", "列入人员")
k("rollcall.status", "Status", "状态")
k("rollcall.method", "How", "方式")
k("rollcall.marked", "Marked", "标记时间")
k("rollcall.mark", "Mark", "标记")
k("rollcall.nobody", "Nobody here.", "此处无人。")
k("rollcall.wardens", "Wardens", "区域督导员")
k("rollcall.warden", "Warden (user name)", "督导员（用户名）")
k("rollcall.warden_hint", "They mark the people of their zone on their behalf.", "由其代为标记其区域的人员。")
k("rollcall.zone", "Zone", "区域")
k("rollcall.add_warden", "Name the warden", "指定督导员")
k("rollcall.send_now", "Send the messages again now", "立即重新发送消息")
k("rollcall.close", "Close the roll-call", "结束人员清点")
for c, en, zh in [("not_reached", "Not yet reached", "尚未联系上"), ("safe", "Safe", "安全"), ("needs_help", "Needs help", "需要帮助"), ("injured", "Injured", "受伤"), ("missing", "Missing", "失踪")]:
    k("rollcall.status." + c, en, zh)
for c, en, zh in [("own_answer", "their own answer", "本人回复"), ("sms", "SMS", "短信"), ("phone", "phone", "电话"), ("in_person", "in person", "当面")]:
    k("rollcall.method." + c, en, zh)
for c, en, zh in [("sms", "SMS", "短信"), ("email", "E-mail", "电子邮件")]:
    k("rollcall.channel." + c, en, zh)
k("rollcall.sms", "{0}: are you safe? Reply 1 if safe, 2 if you need help.", "{0}：您是否安全？安全请回复 1，需要帮助请回复 2。")
k("rollcall.sms_instructions", "{0}: reply 1 (or SAFE) if you are safe, 2 (or HELP) if you need help.", "{0}：安全请回复 1（或“安全”），需要帮助请回复 2（或“求助”）。")
k("rollcall.sms_thanks_safe", "Thank you: you are marked safe.", "谢谢：您已被标记为安全。")
k("rollcall.sms_thanks_help", "Thank you: you are marked as needing help. The security officer has been told.", "谢谢：您已被标记为需要帮助。已通知安保干事。")
k("rollcall.email", "{0},\n\nafter \"{1}\", please tell us whether you and your dependants are safe. Open this personal link (no sign-in needed; it works for this roll-call only):\n\n{2}", "{0}：\n\n“{1}”事件后，请告知您和您的受抚养人是否安全。请打开此个人链接（无需登录；仅适用于本次人员清点）：\n\n{2}")
k("rollcall.email_subject", "{0}: are you safe?", "{0}：您是否安全？")
k("answer.title", "Are you safe?", "您是否安全？")
k("answer.intro", "{0}, after \"{1}\": tell us how you and your dependants are.", "{0}，“{1}”事件后：请告知您和您的受抚养人的情况。")
k("answer.already", "You answered: {0}. You may answer again.", "您已回复：{0}。可以再次回复。")
k("answer.note", "Anything the security officer should know (optional)", "需要安保干事了解的情况（可选）")
k("answer.dependant", "How is {0}?", "{0}的情况如何？")
k("answer.safe", "I am safe", "我安全")
k("answer.help", "I need help", "我需要帮助")
k("answer.thanks_safe", "Thank you. You are marked safe; your answer reached the security officer.", "谢谢。您已被标记为安全；您的回复已送达安保干事。")
k("answer.thanks_help", "Thank you. You are marked as needing help; the security officer has your answer.", "谢谢。您已被标记为需要帮助；安保干事已收到您的回复。")
k("answer.invalid", "This link does not work: it is not complete, or the roll-call it belongs to has closed. If you need help, call your security officer.", "此链接无效：链接不完整，或其所属的人员清点已结束。如需帮助，请致电安保干事。")
k("personnel.back", "Back to the personnel list", "返回人员名单")
k("sms.secret_wrong", "The shared secret is missing or wrong.", "共享密钥缺失或错误。")
k("sms.from_required", "The sender's number (from) is required.", "需要发送方号码（from）。")
k("sms.delivery_incomplete", "A delivery report needs message and status.", "送达报告需要 message 和 status。")
# Travel: requests and security clearance, advisories and directory, aviation risk, protective
# services (issue 17). The seed's words: 差旅请求信息处理过程, 差旅咨询和目录, 航空运营人的适合性,
# 旅行案例, 个人保护需要.
k("nav.travel", "Travel", "差旅")
k("travel.title", "Travel", "差旅")
k("travel.intro", "Enter a trip before you travel: the security officer of each destination clears it where the level or an advisory requires. While you travel, where you are follows your itinerary.", "出行前请登记差旅：目的地安全等级或差旅咨询要求时，由目的地安保干事给予安保许可。出行期间，您的位置随行程更新。")
k("travel.my_trips", "Your trips", "我的差旅")
k("travel.no_record", "You have no personnel record yet: ask your personnel focal point to add you, then you can enter trips.", "您还没有人员记录：请联系人事协调人添加后再登记差旅。")
k("travel.new", "Enter a trip", "登记差旅")
k("travel.new_for", "Trip of {0}", "{0} 的差旅")
k("travel.trip_of", "Trip of {0}", "{0} 的差旅")
k("travel.trips_of", "Trips of {0}", "{0} 的差旅")
k("travel.trips", "Trips", "差旅")
k("travel.trips_and_training", "Trips and security training", "差旅和安保培训")
k("travel.calendar", "Calendar of cleared trips (iCalendar)", "已获许可差旅日历（iCalendar）")
k("travel.calendar_name", "Trips of {0}", "{0} 的差旅")
k("travel.back_to_record", "Back to the personnel record", "返回人员记录")
k("travel.none", "No trips.", "没有差旅。")
k("travel.starts", "Starts", "开始"); k("travel.ends", "Ends", "结束"); k("travel.status", "Status", "状态")
k("travel.traveller", "Traveller", "出行人"); k("travel.requested_by", "Entered by", "登记人")
k("travel.kind", "Kind of trip", "行程类型"); k("travel.one_way", "One way: stays at the last destination", "单程：停留在最后目的地"); k("travel.return", "Return trip", "往返行程")
k("travel.legs", "Legs", "行程段"); k("travel.link", "Link", "链接")
k("travel.leg_n", "Leg {0}", "第 {0} 段")
k("travel.leg_to", "Leg {0} to {1}", "第 {0} 段：前往 {1}")
k("travel.form_intro", "Trip of {0}. Fill in a row per leg, in the order travelled; empty rows are left out. Times are in UTC.", "{0} 的差旅。每个行程段填写一行，按出行顺序；空行将被忽略。时间为协调世界时（UTC）。")
k("travel.legs_hint", "From and to are duty stations, typed by name (add the country code in brackets where names repeat, e.g. Baidoa (SO)). Give a place and coordinates when the destination is not the duty station itself.", "出发地和目的地为工作地点，按名称输入（名称重复时请在括号中加国家代码，例如 Baidoa (SO)）。目的地不是工作地点本身时，请填写地点和坐标。")
k("travel.utc_hint", "UTC", "协调世界时（UTC）")
k("travel.flight_hint", "As on the ticket, e.g. KQ 310.", "按机票填写，例如 KQ 310。")
k("travel.place_hint", "Hotel, compound or village, if not the duty station itself.", "如非工作地点本身，请填写酒店、营地或村庄。")
k("travel.accommodation_hint", "Where you stay: hotel, guest house, compound.", "住宿地点：酒店、招待所、营地。")
k("travel.save_draft", "Save the trip", "保存差旅")
for a, en, zh in [("purpose","Purpose","出行目的"),("accommodation","Accommodation","住宿"),("companions","Dependants travelling","随行受抚养人"),
                  ("from","From (duty station)","出发地（工作地点）"),("to","To (duty station)","目的地（工作地点）"),("departs","Departs","出发时间"),
                  ("arrives","Arrives","到达时间"),("means","By","交通方式"),("operator","Air operator","航空运营人"),("flight","Flight","航班"),
                  ("to_place","Place at the destination","目的地具体地点"),("latitude","Latitude","纬度"),("longitude","Longitude","经度"),
                  ("conditions","Conditions of the clearance","许可条件"),("reason","Reason for refusing","拒绝理由"),("threat","Threat to the person","对本人的威胁"),
                  ("protection","Protection assigned","指派的保护"),("senior_official","Senior official: trips open a travel case for the protective service","高级官员：其差旅将为保护服务开立旅行案例"),
                  ("clearance_level","Security clearance is needed from","需要安保许可的起始等级"),("flight_cap","Most personnel on one flight without HQ's approval","无需总部批准的单一航班最多人数")]:
    k("travel.field."+a, en, zh)
for a, en, zh in [("air","Air","航空"),("road","Road","陆路"),("other","Other","其他")]: k("travel.means."+a, en, zh)
for a, en, zh in [("draft","Draft","草稿"),("submitted","Waiting for clearance","等待安保许可"),("cleared","Cleared","已获许可"),("refused","Refused","已拒绝"),("cancelled","Cancelled","已取消")]:
    k("travel.status."+a, en, zh)
for a, en, zh in [("not_required","No clearance needed","无需许可"),("pending","Waiting","等待中"),("cleared","Cleared","已许可"),("refused","Refused","已拒绝")]:
    k("travel.clearance."+a, en, zh)
k("travel.clearance.not_asked", "Not asked yet", "尚未申请")
k("travel.clearance_title", "Security clearance", "安保许可")
for a, en, zh in [("bsafe","BSAFE (Basic Security in the Field)","BSAFE（外地基本安全）"),("ssafe","SSAFE (Safe and Secure Approaches in Field Environments)","SSAFE（外地环境安全保障方法）")]:
    k("travel.course."+a, en, zh)
for a, en, zh in [("low","Low","低"),("medium","Medium","中"),("high","High","高"),("critical","Critical","危急")]: k("travel.threat."+a, en, zh)
for a, en, zh in [("aviation_advice","HQ's aviation advice on the operator comes first.","须先取得总部关于该航空运营人的航空咨询意见。"),
                  ("flight_cap","HQ must first approve this flight: it is over the cap.","须先经总部批准该航班：人数已超过上限。"),
                  ("protection","The protective service must first assess the senior official's protection needs.","保护服务须先评估该高级官员的个人保护需要。")]:
    k("travel.blocker."+a, en, zh)
k("travel.reasons_title", "What this trip needs, and why", "本次差旅的要求及原因")
k("travel.reason.none", "Nothing: no leg needs clearance.", "无：没有行程段需要安保许可。")
k("travel.reason.level_needs", "Leg {0}: {1} is in {2}, at security level {3}; clearance is needed from level {4}.", "第 {0} 段：{1} 位于{2}，安全等级为 {3}；{4} 级及以上需要安保许可。")
k("travel.reason.level_fine", "Leg {0}: {1} is in {2}, at security level {3}; clearance is needed only from level {4}.", "第 {0} 段：{1} 位于{2}，安全等级为 {3}；{4} 级及以上才需要安保许可。")
k("travel.reason.no_level", "Leg {0}: {1} has no security level in force.", "第 {0} 段：{1} 没有现行安全等级。")
k("travel.reason.advisory_needs", "Leg {0}: the advisory “{1}” ({2}) requires security clearance.", "第 {0} 段：差旅咨询“{1}”（{2}）要求安保许可。")
k("travel.reason.advisory", "Leg {0}: read the advisory “{1}” ({2}).", "第 {0} 段：请阅读差旅咨询“{1}”（{2}）。")
k("travel.reason.operator_waits", "Leg {0}: the air operator {1} is not approved; HQ's aviation advice is awaited.", "第 {0} 段：航空运营人 {1} 未获批准，正在等待总部的航空咨询意见。")
k("travel.reason.operator_advised", "Leg {0}: the air operator {1} is not approved; HQ's aviation advice: {2}", "第 {0} 段：航空运营人 {1} 未获批准；总部航空咨询意见：{2}")
k("travel.reason.operator_restricted", "Leg {0}: the air operator {1} is approved with restrictions: {2}", "第 {0} 段：航空运营人 {1} 有条件批准：{2}")
k("travel.reason.flight_over", "Leg {0}: {2} personnel are booked on {1} that day, over HQ's cap of {3}: HQ must approve.", "第 {0} 段：当天 {1} 航班已有 {2} 名人员预订，超过总部上限 {3} 人，须经总部批准。")
k("travel.reason.flight_approved", "Leg {0}: {2} personnel on {1}, over the cap of {3}; HQ approved.", "第 {0} 段：{1} 航班 {2} 人，超过上限 {3} 人；总部已批准。")
k("travel.reason.training_expired", "{0}: {1} expired on {2}. Renew it, record the new expiry, then submit again.", "{0}：{1} 已于 {2} 过期。请重新参加培训并记录新的有效期，然后重新提交。")
k("travel.reason.training_missing", "{0}: {1} is required for this trip and is not recorded.", "{0}：本次差旅需要 {1}，但没有记录。")
k("travel.reason.protection_waits", "Senior official: the protective service has not yet assessed the protection needs.", "高级官员：保护服务尚未评估个人保护需要。")
k("travel.reason.protection_assessed", "Senior official: the protection needs have been assessed.", "高级官员：个人保护需要已评估。")
k("travel.reason.refused", "Refused: {0}", "已拒绝：{0}")
k("travel.refused_training", "Refused at once: the required security training is not valid on the travel dates. Renew it (below in “Trips and security training”), then submit again.", "已立即拒绝：所需安保培训在出行日期内无效。请重新参加培训（见“差旅和安保培训”），然后重新提交。")
k("travel.renew_training", "Record the renewed course", "记录更新后的培训")
k("travel.submit_title", "Submit for security clearance", "提交安保许可申请")
k("travel.advisories_to_read", "Read and acknowledge every advisory for the places of this trip", "请阅读并确认本次行程所有地点的差旅咨询")
k("travel.no_advisories", "No advisory covers the places of this trip.", "本次行程的地点没有差旅咨询。")
k("travel.acknowledge", "I have read this advisory", "我已阅读此差旅咨询")
k("travel.submit", "Submit", "提交"); k("travel.submit_again", "Submit again", "重新提交")
k("travel.change_or_cancel", "Change or cancel", "修改或取消")
k("travel.change_hint", "A change to a cleared leg needs clearance again.", "修改已获许可的行程段需要重新获得安保许可。")
k("travel.change", "Change the trip", "修改差旅"); k("travel.cancel", "Cancel the trip", "取消差旅")
k("travel.cancel_confirm", "Yes, cancel this trip", "是，取消此次差旅")
k("travel.decide_title", "Clearance", "安保许可")
k("travel.on_flight", "Also booked on {0} that day: {1}", "当天同样预订 {0} 航班的人员：{1}")
k("travel.reason_hint", "Needed to refuse: the traveller sees it.", "拒绝时必填：出行人可以看到。")
k("travel.clear", "Clear the leg", "许可此行程段"); k("travel.refuse", "Refuse", "拒绝")
k("travel.decided_by", "by {0}, {1}", "{0}，{1}")
k("travel.conditions_are", "Conditions: {0}", "条件：{0}")
k("travel.reason_is", "Reason: {0}", "理由：{0}")
k("travel.flight_approval_for", "Approval of flight {0} over the cap", "批准超过上限的 {0} 航班")
k("travel.approve_flight", "Approve the flight", "批准该航班")
k("travel.case_title", "Travel case: protection needs", "旅行案例：个人保护需要")
k("travel.case_assessed", "Threat {0}; protection: {1} (assessed by {2}, {3}).", "威胁：{0}；保护：{1}（{2} 于 {3} 评估）。")
k("travel.assess", "Record the assessment", "记录评估")
k("travel.queue_title", "Trips to clear", "待许可差旅")
k("travel.queue_intro", "Legs to the areas you keep that wait for security clearance, soonest first.", "前往您负责区域、等待安保许可的行程段，按出发时间排序。")
k("travel.queue_empty", "No leg waits for clearance.", "没有等待许可的行程段。")
k("travel.download_csv", "Download as CSV", "下载 CSV")
k("travel.cases_title", "Senior officials' travel cases", "高级官员旅行案例")
k("travel.cases_intro", "Each trip of a senior official opens a travel case: the protective service assesses the protection needs before the trip.", "高级官员的每次差旅都会开立旅行案例：保护服务在出行前评估其个人保护需要。")
k("travel.cases_figure", "{0} of {1} travel cases reviewed with their protection needs assessed.", "{1} 个旅行案例中已有 {0} 个完成审查并评估个人保护需要。")
k("travel.cases_none", "No travel cases.", "没有旅行案例。")
k("travel.assessed", "Assessed", "评估时间"); k("travel.not_assessed", "Not yet assessed", "尚未评估")
k("travel.settings_title", "Travel rules", "差旅规则")
k("travel.settings_intro", "From which security level a destination needs clearance, how many personnel may fly on one flight without HQ's approval, and which security course is required from which level.", "目的地从哪一安全等级起需要安保许可、无需总部批准的单一航班最多人数，以及各安全等级要求的安保培训课程。")
k("travel.from_level", "Level {0} and above", "{0} 级及以上")
k("travel.never", "Never required", "不要求")
k("travel.course_required", "{0} required at", "{0} 要求等级")
k("travel.training_title", "Security training", "安保培训")
k("travel.training_hint", "Until training records exist, the courses you hold and when each expires are kept here. A trip is refused when a required course is not valid until its end.", "在培训记录功能上线前，您持有的课程及其有效期记录在此。所需课程在行程结束前无效时，差旅申请将被拒绝。")
k("travel.course_expires", "{0}: valid until", "{0}：有效期至")
for a, en, zh in [("approved","Approved","批准"),("approved_with_restrictions","Approved with restrictions","有条件批准"),("not_approved","Not approved","未批准")]:
    k("aviation.suitability."+a, en, zh)
k("aviation.title", "Aviation risk", "航空风险")
k("aviation.intro", "HQ's assessment of the air operators personnel fly with. A leg on an operator not approved waits for HQ's aviation advice before it can be cleared; the time to answer is kept.", "总部对人员所乘航空运营人的适合性评估。乘坐未获批准运营人的行程段须先取得总部航空咨询意见方可获得许可；答复所用时间将被记录。")
k("aviation.given", "Advice given in the last twelve months: {0}; median time to answer: {1}.", "过去十二个月提供的航空咨询意见：{0} 条；答复时间中位数：{1}。")
k("home.task.clearances", "Trips to clear in {0}", "{0} 待许可的差旅")
k("home.clearances_none", "No trip waits for your clearance.", "没有等待您许可的差旅。")
kp("home.clearances_waiting", "{0} leg of a trip waits for your clearance.", "{0} legs of trips wait for your clearance.", "{0} 个行程段等待您的安保许可。")
k("home.open_clearances", "Open the trips to clear", "打开待许可差旅")
k("aviation.waiting", "Legs waiting for aviation advice", "等待航空咨询意见的行程段")
k("aviation.none_waiting", "No leg waits for advice.", "没有等待咨询意见的行程段。")
k("aviation.asked", "Asked", "提出时间")
k("aviation.operators", "Air operators", "航空运营人")
k("aviation.none", "No air operators yet.", "尚无航空运营人。")
k("aviation.add", "Add an air operator", "添加航空运营人")
k("aviation.reassess", "Reassess today", "今日重新评估")
for a, en, zh in [("name","Name","名称"),("country","Country","国家"),("suitability","Suitability","适合性"),("restrictions","Restrictions","限制"),("assessed_on","Last assessed","最近评估日期"),("advice","Advice","咨询意见")]:
    k("aviation.field."+a, en, zh)
k("aviation.country_hint", "ISO code of the operator's state, e.g. KE.", "运营人所属国的 ISO 代码，例如 KE。")
k("aviation.advice_for", "Aviation advice on leg {0} ({1})", "第 {0} 段的航空咨询意见（{1}）")
k("aviation.give_advice", "Give the advice", "提供咨询意见")
k("advisory.title", "Travel advisories", "差旅咨询")
k("advisory.intro", "What travellers must know about a place, and whether travel there needs security clearance. Also published as Atom and as Common Alerting Protocol (CAP 1.2) alerts.", "旅行者须了解的地点信息，以及前往该地是否需要安保许可。同时以 Atom 和通用警报协议（CAP 1.2）警报形式发布。")
k("advisory.atom", "Atom feed", "Atom 订阅")
k("advisory.cap", "This advisory as a CAP 1.2 alert", "以 CAP 1.2 警报查看此咨询")
k("advisory.event", "Travel advisory", "差旅咨询")
k("advisory.clearance_instruction", "Security clearance is required before travelling here.", "前往此地之前须获得安保许可。")
k("advisory.place", "Place", "地点"); k("advisory.validity", "Valid", "有效期"); k("advisory.clearance", "Clearance", "安保许可")
k("advisory.valid", "{0} to {1}", "{0} 至 {1}")
k("advisory.requires_clearance", "Requires clearance", "需要安保许可")
k("advisory.no_clearance", "Not required by this advisory", "此咨询不要求许可")
k("advisory.none", "No advisories in force.", "没有现行差旅咨询。")
k("advisory.publish", "Publish an advisory", "发布差旅咨询")
k("advisory.edit", "Change the advisory", "修改差旅咨询")
k("advisory.withdraw", "Withdraw the advisory", "撤回差旅咨询")
k("advisory.withdrawn", "Withdrawn", "已撤回")
k("advisory.published", "Published", "发布")
k("advisory.published_by", "{0}, {1}", "{0}，{1}")
for a, en, zh in [("minor","Minor","轻微"),("moderate","Moderate","中等"),("severe","Severe","严重"),("extreme","Extreme","极端")]: k("advisory.severity."+a, en, zh)
for a, en, zh in [("area","A security area","安全区域"),("country","A whole country","整个国家"),("station","A duty station","工作地点")]: k("advisory.scope."+a, en, zh)
for a, en, zh in [("scope","Covers","覆盖范围"),("area","Security area","安全区域"),("country","Country","国家"),("station","Duty station","工作地点"),("severity","Severity","严重程度"),
                  ("title","Advisory","差旅咨询"),("valid_from","Valid from","生效日期"),("valid_until","Valid until","截止日期"),("requires_clearance","Travel here requires security clearance","前往此地需要安保许可")]:
    k("advisory.field."+a, en, zh)
k("advisory.field.title_in", "Title ({0})", "标题（{0}）")
k("advisory.field.text_in", "Text ({0})", "正文（{0}）")
k("advisory.area_hint", "For an advisory on an area.", "适用于区域咨询。")
k("advisory.country_hint", "For an advisory on a whole country: its ISO code, e.g. SO.", "适用于整个国家：填写 ISO 代码，例如 SO。")
k("advisory.station_hint", "For an advisory on one duty station: its name.", "适用于单个工作地点：填写其名称。")
k("advisory.until_hint", "Empty: until withdrawn.", "留空：直至撤回。")
k("directory.title", "Travel directory", "差旅目录")
k("directory.intro", "Who to call in each country and area: the security officers, their phones, the security level and the advisories. Print it or keep it offline before you travel.", "各国家和区域的联系人：安保干事及其电话、安全等级和差旅咨询。出行前可打印或离线保存。")
k("directory.country", "Country", "国家"); k("directory.all_countries", "All countries", "所有国家"); k("directory.countries", "Countries", "国家")
k("directory.highest", "Highest level", "最高安全等级"); k("directory.advisory_count", "Advisories", "差旅咨询")
k("directory.level", "Level {0}", "{0} 级")
k("directory.no_officer", "No security officer named for this area: call the regional security desk.", "此区域未指定安保干事：请联系区域安保业务司。")
k("directory.none", "No countries with security areas yet.", "尚无设有安全区域的国家。")
k("directory.print", "To keep it offline, print this page or save it (Ctrl+P, Ctrl+S).", "如需离线保存，请打印或保存此页（Ctrl+P、Ctrl+S）。")
k("directory.advisories", "Advisories for {0}", "{0} 的差旅咨询")
k("inbox.travel_to_clear", "The trip of {0} ({1}) waits for your security clearance.", "{0} 的差旅（{1}）等待您的安保许可。")
k("inbox.travel_cleared", "The trip of {0} ({1}) has been cleared.", "{0} 的差旅（{1}）已获安保许可。")
k("inbox.travel_refused", "The trip of {0} ({1}) has been refused. The reason is on the trip's page.", "{0} 的差旅（{1}）已被拒绝，理由见差旅页面。")
for a, en, zh, en_named, zh_named in [
  ("cleared","Submitted: no leg needs clearance, the trip is cleared.","已提交：没有行程段需要许可，差旅已获许可。","Submitted: {0} needs no clearance and is cleared.","已提交：{0} 无需许可，已获许可。"),
  ("refusedTraining","Refused at once: the required security training is not valid on the travel dates.","已立即拒绝：所需安保培训在出行日期内无效。","Refused at once: for {0}, the required security training is not valid on the travel dates.","已立即拒绝：{0} 所需安保培训在出行日期内无效。"),
  ("cancelled","Cancelled.","已取消。","Cancelled: {0}.","已取消：{0}。"),
  ("legCleared","The leg is cleared; the traveller is told once every leg is decided.","该行程段已获许可；所有行程段决定后将通知出行人。","The leg of {0} is cleared; the traveller is told once every leg is decided.","{0} 的行程段已获许可；所有行程段决定后将通知出行人。"),
  ("legRefused","Refused: the traveller and their manager are told, with the reason.","已拒绝：已将理由通知出行人及其主管。","Refused: the traveller of {0} and their manager are told, with the reason.","已拒绝：已将理由通知 {0} 的出行人及其主管。"),
  ("advised","The aviation advice is recorded; the security officer can now decide.","航空咨询意见已记录；安保干事现可作出决定。","The aviation advice on {0} is recorded; the security officer can now decide.","{0} 的航空咨询意见已记录；安保干事现可作出决定。"),
  ("published","The advisory is published, in its feeds too.","差旅咨询已发布，订阅源已同步更新。","Published: {0}, in its feeds too.","已发布：{0}，订阅源已同步更新。"),
]:
    k("said."+a, en, zh); k("said."+a+"_named", en_named, zh_named)
for a, en, zh in [("travel_request","Travel request","差旅请求"),("travel_leg","Travel leg","行程段"),("travel_case","Travel case","旅行案例"),("advisory","Travel advisory","差旅咨询"),("air_operator","Air operator","航空运营人")]:
    k("audit.entity."+a, en, zh)
for code, en, zh in [
  ("leg_ends_before_start", "Leg {0} arrives before it departs: check the times.", "第 {0} 段的到达时间早于出发时间：请检查时间。"),
  ("legs_out_of_order", "Leg {0} departs before leg {1}: enter the legs in the order travelled.", "第 {0} 段的出发时间早于第 {1} 段：请按出行顺序填写行程段。"),
  ("legs_overlap", "Leg {0} departs before leg {1} has arrived.", "第 {0} 段在第 {1} 段到达之前出发。"),
  ("no_legs", "Enter at least one leg: from, to, when.", "请至少填写一个行程段：出发地、目的地和时间。"),
  ("flight_format", "Enter the flight as on the ticket: the airline's code and the number, e.g. KQ 310.", "请按机票填写航班：航空公司代码和航班号，例如 KQ 310。"),
  ("training_not_valid", "The required security training is not valid on the travel dates.", "所需安保培训在出行日期内无效。"),
  ("advisories_not_acknowledged", "Acknowledge every advisory before submitting ({0} not yet).", "提交前请确认所有差旅咨询（尚有 {0} 条未确认）。"),
  ("own_request", "You cannot clear your own trip, or one you entered: another security officer must.", "您不能许可自己的差旅或由您登记的差旅，须由其他安保干事处理。"),
  ("request_not_open", "This trip is no longer waiting for this: it has been cancelled, decided or submitted already.", "此差旅已不处于该阶段：已被取消、已作出决定或已提交。"),
  ("leg_not_pending", "This leg does not wait for clearance.", "此行程段不在等待许可。"),
  ("aviation_advice_first", "HQ's aviation advice on the operator comes first.", "须先取得总部关于该航空运营人的航空咨询意见。"),
  ("flight_approval_first", "This flight is over the cap: HQ must approve it first.", "该航班人数超过上限：须先经总部批准。"),
  ("protection_first", "The protective service must first assess the senior official's protection needs.", "保护服务须先评估该高级官员的个人保护需要。"),
  ("not_a_senior_official", "The traveller is not a senior official.", "出行人不是高级官员。"),
  ("nothing_to_advise", "Nothing waits for this on this leg.", "此行程段没有需要处理的事项。"),
]:
    k("problem."+code, en, zh)
for a, en, zh in [("senior_official","Senior official","高级官员"),("bsafe_expires","BSAFE valid until","BSAFE 有效期至"),("ssafe_expires","SSAFE valid until","SSAFE 有效期至"),
                  ("assessed_on","Last assessed","最近评估日期"),("suitability","Suitability","适合性"),("restrictions","Restrictions","限制"),
                  ("purpose","Purpose","出行目的"),("accommodation","Accommodation","住宿"),("starts_at","Starts","开始"),("ends_at","Ends","结束"),
                  ("refusal","Reason for refusing","拒绝理由"),("personnel_id","Person","人员"),("clearance","Security clearance","安保许可"),
                  ("conditions","Conditions","条件"),("advice","Aviation advice","航空咨询意见"),("flight_approved_by","Flight approved by","航班批准人"),
                  ("threat","Threat","威胁"),("protection","Protection","保护"),("scope","Covers","覆盖范围"),("station_id","Duty station","工作地点"),
                  ("severity","Severity","严重程度"),("titles","Title","标题"),("texts","Text","正文"),("valid_from","Valid from","生效日期"),
                  ("requires_clearance","Requires clearance","需要安保许可"),("withdrawn_at","Withdrawn","撤回时间")]:
    k("audit.field."+a, en, zh)
# The languages whose texts this script holds, by column of k(); every other language is the file a
# translator keeps in the folder: its texts are kept, keys the catalogue no longer has are dropped,
# and the keys it still lacks are listed (the catalogue test fails until each has a text).
COLUMNS = {"en": 0, "zh-Hans": 1}
languages = sorted(set(COLUMNS) | {f[:-5] for f in os.listdir(d) if f.endswith(".json")})
for lang in languages:
    path = os.path.join(d, lang + ".json")
    if lang in COLUMNS:
        texts = {key: v[COLUMNS[lang]] for key, v in E.items() if v[COLUMNS[lang]] is not None}
    else:
        with open(path, encoding="utf-8") as f:
            kept = json.load(f)
        # A plural text keeps the forms the translator wrote ("key[few]" for Russian, say): the
        # forms a language needs are its own, and each needs at least "key[other]".
        texts = {key: value for key, value in kept.items() if key in E or key.split("[")[0] + "[other]" in E}
        missing = sorted(key for key in set(E) - set(kept) if not key.endswith("[one]"))
        if missing:
            print(f"{lang}: {len(missing)} keys to translate, e.g. {', '.join(missing[:5])}")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(dict(sorted(texts.items())), f, ensure_ascii=False, indent=1)
        f.write("\n")
print(len(E), "keys,", len(languages), "languages:", ", ".join(languages))
