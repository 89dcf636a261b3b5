# Writes the two catalogue files. Kept as a script so both languages are edited side by side;
# the app reads only the JSON files, and another language is added by adding a JSON file.
import json, os
E = {}
def k(key, en, zh): E[key] = (en, zh)
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
k("account.change_password", "Change password", "更改密码"); k("account.password_changed", "Your password has been changed.", "您的密码已更改。")
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
k("hint.unit_ref", "The unit's code (e.g. BGD) or its identifier.", "单位代码（例如 BGD）或其标识符。")
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
for a, en, zh in [("create","Created","创建"),("update","Changed","修改"),("delete","Deleted","删除"),("sign_in","Signed in","登录"),("sign_in_failed","Failed sign-in","登录失败"),("sign_out","Signed out","退出"),("grant","Granted","授予"),("revoke","Revoked","撤销"),("move","Moved","移动"),("retire","Retired","撤销")]:
    k("audit.action."+a, en, zh)
for a, en, zh in [("unit","Unit","单位"),("duty_station","Duty station","工作地点"),("user","Account","账户"),("grant","Role","角色"),("api_token","API token","API 令牌")]:
    k("audit.entity."+a, en, zh)
for a, en, zh in [("administrator","Administrator","系统管理员"),("hq_oversight","HQ oversight","总部监督"),("regional_reviewer","Regional reviewer","区域多职能团队审核人"),("focal_point","BCP focal point","BCP 协调人"),("contributor","Contributor","协作人"),("senior_manager","Senior manager","代表/主任"),("security_officer","Security officer","安保干事"),("staff_member","Staff member","工作人员")]:
    k("role."+a, en, zh)
for a, en, zh in [("headquarters","Headquarters","总部"),("region","Region","区域"),("country_operation","Country operation","国家行动"),("office","Office","办事处")]:
    k("unit_kind."+a, en, zh)
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
 "date_order": ("This date must not be before the one it follows.", "此日期不能早于其前一个日期。"),
}
for code, (en, zh) in P.items(): k("problem."+code, en, zh)
d = os.path.join(os.path.dirname(__file__), "..", "Sources", "ResilienceApp", "Resources", "Localization")
for i, lang in enumerate(["en", "zh-Hans"]):
    with open(os.path.join(d, lang + ".json"), "w", encoding="utf-8") as f:
        json.dump({key: v[i] for key, v in sorted(E.items())}, f, ensure_ascii=False, indent=1)
        f.write("\n")
print(len(E), "keys")
