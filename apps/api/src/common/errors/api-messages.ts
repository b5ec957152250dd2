import type { Locale } from '@chaping/domain';

/** Messages for errors that are not domain refusals (those live in libs/domain). */
const API_MESSAGES = {
  'request.invalid': { 'zh-CN': '请求内容有误，请检查标出的字段', en: 'The request is invalid; see the fields listed' },
  'request.malformed': { 'zh-CN': '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  'request.unsupported_media_type': {
    'zh-CN': '不支持的内容类型，请使用 application/json',
    en: 'Unsupported content type; send application/json',
  },
  'request.too_large': { 'zh-CN': '请求体过大', en: 'The request body is too large' },
  'body.too_deep': {
    'zh-CN': '请求体嵌套过深：对象和数组最多嵌套 {maxDepth} 层',
    en: 'The request body is nested too deeply: at most {maxDepth} levels of objects and arrays',
  },
  'request.bad_url': {
    'zh-CN': '网址中有无效的百分号编码，请检查链接',
    en: 'The URL has an invalid percent-encoding; check the link',
  },
  'request.param_too_long': {
    'zh-CN': '网址中的参数过长（最多 {maxLength} 个字符）',
    en: 'A parameter in the URL is too long (at most {maxLength} characters)',
  },
  'request.headers_too_large': {
    'zh-CN': '请求头过大（合计最多 {maxKilobytes} KB），请清除本站 Cookie 后重试',
    en: 'The request headers are too large (at most {maxKilobytes} KB in all); clear the cookies of this site and retry',
  },
  'request.timeout': {
    'zh-CN': '请求未在 {seconds} 秒内发送完毕，连接已关闭',
    en: 'The request was not received within {seconds} seconds; the connection was closed',
  },
  'request.bad_multipart': {
    'zh-CN': '上传内容格式有误（multipart 缺少 boundary 或被截断），请重新选择文件上传',
    en: 'The upload is malformed (multipart without a boundary, or cut off); choose the file and upload again',
  },
  'request.client_error': {
    'zh-CN': '请求格式有误，无法读取',
    en: 'The request is malformed and cannot be read',
  },
  'case.not_found': { 'zh-CN': '找不到该工单', en: 'No such case' },
  'care_task.not_found': { 'zh-CN': '找不到该回访任务', en: 'No such care follow-up' },
  'user.not_found': { 'zh-CN': '找不到该用户', en: 'No such user' },
  'api_key.not_found': { 'zh-CN': '找不到该 API 密钥', en: 'No such API key' },
  'alert_robot.not_found': { 'zh-CN': '找不到该群机器人', en: 'No such chat robot' },
  'script.not_found': { 'zh-CN': '找不到该话术', en: 'No such script' },
  'action_item.not_found': { 'zh-CN': '找不到该整改事项', en: 'No such action item' },
  'action_item.version_conflict': {
    'zh-CN': '该整改事项刚被他人修改，请刷新后再改',
    en: 'Someone just changed this action item; reload and try again',
  },
  'export.pdf_font_missing': {
    'zh-CN': '服务器缺少中文字体，无法生成 PDF：请安装 fonts-noto-cjk（或设置 CHAPING_PDF_FONT_DIR）',
    en: 'The server has no Chinese font for the PDF: install fonts-noto-cjk (or set CHAPING_PDF_FONT_DIR)',
  },
  'script.version_taken': {
    'zh-CN': '他人刚保存了这个话术的新版本，请重新加载后再改',
    en: 'Someone just saved a new version of this script; reload and edit again',
  },
  'triage_model.version_not_found': {
    'zh-CN': '该店铺没有这个分诊模型版本，请从模型历史中选择要恢复的版本',
    en: 'This shop has no triage model of that version; choose one from the model history',
  },
  'triage_model.already_active': {
    'zh-CN': '这个分诊模型版本已在使用中，无需恢复',
    en: 'This triage model version is already in use; there is nothing to roll back',
  },
  'user.username_taken': { 'zh-CN': '用户名已被使用', en: 'This username is taken' },
  'user.cannot_disable_self': {
    'zh-CN': '不能停用自己的账号：请另一位管理员操作',
    en: 'You cannot disable your own account; ask another admin',
  },
  'shop.not_found': { 'zh-CN': '找不到该店铺', en: 'No such shop' },
  'campaign.not_found': { 'zh-CN': '找不到该活动', en: 'No such campaign' },
  'promotion.not_found': { 'zh-CN': '找不到该活动规则', en: 'No such promotion in this campaign' },
  'promotion.version_conflict': {
    'zh-CN': '该活动规则刚被他人修改或确认，请刷新后再操作',
    en: 'Someone just changed or signed these promotion rules; reload and try again',
  },
  'quiz.version_conflict': {
    'zh-CN': '该测验刚被他人修改，请刷新后再改',
    en: 'Someone just changed this quiz; reload and edit again',
  },
  'quiz.already_published': {
    'zh-CN': '测验已发布，不能再修改题目：客服的作答以发布的题目为准',
    en: "The quiz is published and can no longer change: the agents' answers are to the published questions",
  },
  'connection.not_found': { 'zh-CN': '找不到该店铺连接', en: 'No such shop connection' },
  'connection.platform_unsupported': {
    'zh-CN':
      '该平台无法通过接口连接（目前支持淘宝、天猫、京东、抖店；拼多多开放平台没有评价接口），请用导出文件或接口推送导入评价',
    en: 'This marketplace cannot be connected by API (Taobao, Tmall, JD and Douyin can; Pinduoduo has no open review API); import exports or push payloads instead',
  },
  'connection.sign_method_unsupported': {
    'zh-CN': '该平台不支持所选签名方式，可选的见 details.signMethods',
    en: 'This marketplace does not sign with the chosen method; the ones it takes are in details.signMethods',
  },
  'connection.app_key_invalid': {
    'zh-CN': '该平台的 App Key 是 {digits} 位数字，请从开放平台的应用详情页复制',
    en: "This marketplace's app keys are {digits} digits; copy it from the app's page on the open platform",
  },
  'connection.no_key': {
    'zh-CN': '服务器未设置 CONNECTION_KEY，无法加密保存店铺凭证：请管理员设置后重启',
    en: 'The server has no CONNECTION_KEY to encrypt shop credentials with; ask an admin to set it and restart',
  },
  'connection.revoked': {
    'zh-CN': '该连接已撤销，如需继续拉取请重新连接店铺',
    en: 'This connection was revoked; connect the shop again to pull its reviews',
  },
  'import.not_found': { 'zh-CN': '找不到该导入任务', en: 'No such import' },
  'import.unknown_format': {
    'zh-CN': '不支持的导入格式，可用格式见 details.formats',
    en: 'Unknown import format; the supported ones are in details.formats',
  },
  'import.unrecognised_payload': {
    'zh-CN': '无法识别的数据结构：请发送该平台接口的原始返回、评价数组或单条评价',
    en: "Unrecognised payload: send the platform API's response, an array of reviews or one review",
  },
  'import.unreadable_file': {
    'zh-CN': '文件无法读取，请确认是 UTF-8 的 CSV 或 XLSX 文件',
    en: 'The file cannot be read; send a UTF-8 CSV or an XLSX file',
  },
  'import.missing_columns': {
    'zh-CN': '文件缺少必需的列，见 details.missing（列名可用中文或英文）',
    en: 'The file lacks required columns, see details.missing (Chinese or English headers)',
  },
  'import.file_required': { 'zh-CN': '请上传一个文件（字段名 file）', en: 'Upload one file (field name "file")' },
  'import.batch_too_large': {
    'zh-CN': '单次接口导入最多 {max} 条，更多请分批或上传文件',
    en: 'At most {max} reviews per API call; split the batch or upload a file',
  },
  'import.shop_platform_mismatch': {
    'zh-CN': '数据格式所属平台与店铺平台不一致',
    en: "The payload's platform is not the shop's platform",
  },
  'import.file_too_large': {
    'zh-CN': '文件超过上限（{maxMegabytes} MB），请拆分成几个文件分批上传',
    en: 'The file is over the limit ({maxMegabytes} MB); split it and upload the parts one by one',
  },
  'import.file_too_large_expanded': {
    'zh-CN':
      '表格解压后过大：合计最多 {maxExpandedMegabytes} MB，且每部分最多为压缩后大小的 {maxCompressionRatio} 倍。请在 Excel 中另存或拆分成几个文件',
    en: 'The spreadsheet unpacks to too much: at most {maxExpandedMegabytes} MB in all, and no part more than {maxCompressionRatio} times its packed size. Save it again from Excel, or split it',
  },
  'import.too_many_rows': {
    'zh-CN': '文件行数过多（最多 {maxRows} 行，含表头），请拆分成几个文件分批上传',
    en: 'The file has too many rows (at most {maxRows}, the header included); split it and upload the parts one by one',
  },
  'import.too_many_columns': {
    'zh-CN': '文件列数过多（每行最多 {maxColumns} 列），请只导出评价相关的列',
    en: 'The file has too many columns (at most {maxColumns} in a row); export only the review columns',
  },
  'import.too_many_strings': {
    'zh-CN': '表格中的不同文本过多（最多 {maxStrings} 条，合计 {maxStringMegabytes} MB），请拆分成几个文件或另存为 CSV',
    en: 'The spreadsheet holds too many different texts (at most {maxStrings}, {maxStringMegabytes} MB in all); split it or save it as CSV',
  },
  'import.cell_too_long': {
    'zh-CN': '表格中有单元格内容过长（最多 {maxCellKilobytes} KB），请检查文件',
    en: 'A cell of the spreadsheet is too long (at most {maxCellKilobytes} KB); check the file',
  },
  'policy.legal_line': {
    'zh-CN': '该政策越过了法律或平台规则的底线，未生效：{problemsZh}',
    en: 'The policy crosses a legal or marketplace line and was not put in force: {problemsEn}',
  },
  'idempotency.key_reused': {
    'zh-CN': '这个 Idempotency-Key 已用于另一个请求：新的操作请换一个新 key',
    en: 'This Idempotency-Key was used for another request; send a new key for a new command',
  },
  'auth.shop_forbidden': { 'zh-CN': '你没有该店铺的权限', en: 'You do not work for this shop' },
  'auth.bad_credentials': { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  'auth.session_expired': { 'zh-CN': '登录已过期，请重新登录', en: 'Your session has expired; sign in again' },
  'auth.throttled': {
    'zh-CN': '该账号登录失败次数过多，请 {retryAfterSeconds} 秒后再试；忘记密码可请主管或管理员解除限制',
    en: 'Too many failed sign-ins for this account: try again in {retryAfterSeconds} seconds, or ask a lead or admin to unlock it',
  },
  'auth.rate_limited': {
    'zh-CN': '该网络地址登录失败次数过多，请 {retryAfterSeconds} 秒后再试',
    en: 'Too many failed sign-ins from this network: try again in {retryAfterSeconds} seconds',
  },
  'auth.account_disabled': {
    'zh-CN': '该账号已被管理员停用，如有疑问请联系管理员',
    en: 'This account has been disabled by an administrator; ask them if this is a mistake',
  },
  'auth.too_short': {
    'zh-CN': '新密码去掉首尾空格后至少需要 10 个字符',
    en: 'The new password needs at least 10 characters, not counting spaces at either end',
  },
  'auth.like_username': { 'zh-CN': '新密码不能包含用户名', en: 'The new password must not contain the username' },
  'auth.too_common': {
    'zh-CN': '这个密码太常见或太简单（如 1234567890、qwertyuiop），请换一个更难猜的',
    en: 'This password is too common or too simple (like 1234567890 or qwertyuiop); choose one that is harder to guess',
  },
  'auth.wrong_current_password': { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  'auth.invalid_api_key': { 'zh-CN': 'API 密钥无效或已停用', en: 'The API key is invalid or revoked' },
  'case.version_conflict': {
    'zh-CN': '工单已被他人修改，请刷新后再操作',
    en: 'Someone else changed this case; reload it and try again',
  },
  'conflict.duplicate': { 'zh-CN': '记录已存在', en: 'This record already exists' },
  'auth.missing_actor': { 'zh-CN': '请先登录', en: 'Sign in first' },
  'auth.unknown_actor': { 'zh-CN': '登录身份无效，请重新登录', en: 'Your sign-in is not valid; sign in again' },
  'route.not_found': { 'zh-CN': '接口不存在', en: 'No such endpoint' },
  'http.error': { 'zh-CN': '请求无法处理', en: 'The request could not be handled' },
  'database.unavailable': {
    'zh-CN': '数据库暂时不可用，请稍后重试',
    en: 'The database is unavailable right now; try again shortly',
  },
  internal: { 'zh-CN': '服务器内部错误，请稍后重试', en: 'Something went wrong on our side; try again shortly' },
} as const satisfies Record<string, Record<Locale, string>>;

export type ApiMessageCode = keyof typeof API_MESSAGES;

/** The message for people; `{name}` placeholders take the value of `params.name` (the error's details). */
export const apiMessage = (code: ApiMessageCode, locale: Locale, params: Record<string, unknown> = {}): string =>
  API_MESSAGES[code][locale].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    params[name] === undefined ? placeholder : String(params[name]),
  );

export function localeOf(acceptLanguage: string | string[] | undefined): Locale {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage[0] : acceptLanguage;
  return header?.trim().toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}
