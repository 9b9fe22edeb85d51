<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AppShell</name>
    <message>
        <source>正在生成演示档案库（首次使用时约需一分钟）…</source>
        <translation>Building the demo archive (about a minute the first time)…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>公务员诚信档案 — 演示</source>
        <translation>Integrity Files — demo</translation>
    </message>
</context>
<context>
    <name>ArchiveStatusBar</name>
    <message>
        <source>用户：{0}（{1}）</source>
        <translation>User: {0} ({1})</translation>
    </message>
    <message>
        <source>档案库：{0}</source>
        <translation>Archive: {0}</translation>
    </message>
    <message>
        <source>上次同步：从未同步</source>
        <translation>Last sync: never</translation>
    </message>
    <message>
        <source>待同步更改：{0}</source>
        <translation>Changes to sync: {0}</translation>
    </message>
    <message>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
</context>
<context>
    <name>ArchiveWizard</name>
    <message>
        <source>公务员诚信档案 — 开始使用</source>
        <translation>Integrity Files — getting started</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>处分种类</source>
        <translation>Sanction</translation>
    </message>
    <message>
        <source>决定日期</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <source>处分期至</source>
        <translation>Sanction until</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>考核等次</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>记录类型</source>
        <translation>Record type</translation>
    </message>
    <message>
        <source>严重程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>决定机关</source>
        <translation>Deciding authority</translation>
    </message>
    <message>
        <source>公示期至</source>
        <translation>Published until</translation>
    </message>
    <message>
        <source>事实</source>
        <translation>Facts</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>程序出现意外错误</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>程序遇到了一个意外错误。已保存的数据不受影响，您可以继续工作。
如果问题反复出现，请复制下面的详情发给技术支持（其中不含口令和完整身份证号）。</source>
        <translation>The program ran into an unexpected error. Saved data is not affected and you can keep working.
If it happens again, copy the details below and send them to support (they contain no passphrases and no full ID numbers).</translation>
    </message>
    <message>
        <source>复制详情</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <source>继续工作</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>已复制</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <source>新建档案库</source>
        <translation>New archive</translation>
    </message>
    <message>
        <source>请记住口令：口令丢失后只能用恢复密钥找回。</source>
        <translation>Remember the passphrase: if it is lost, only the recovery key opens the archive.</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>例如：广州市天河区人力资源和社会保障局</source>
        <translation>e.g. Tianhe District Human Resources and Social Security Bureau</translation>
    </message>
    <message>
        <source>档案库文件：</source>
        <translation>Archive file:</translation>
    </message>
    <message>
        <source>单位名称：</source>
        <translation>Office name:</translation>
    </message>
    <message>
        <source>管理员用户名：</source>
        <translation>Administrator login:</translation>
    </message>
    <message>
        <source>口令：</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>再次输入口令：</source>
        <translation>Repeat passphrase:</translation>
    </message>
    <message>
        <source>口令至少 10 个字符；一句容易记住的话（可含中文）比复杂的短口令更安全。</source>
        <translation>At least 10 characters; a sentence you can remember (Chinese is fine) is safer than a short complex word.</translation>
    </message>
    <message>
        <source>档案库文件</source>
        <translation>Archive file</translation>
    </message>
    <message>
        <source>档案库 (*.db)</source>
        <translation>Archives (*.db)</translation>
    </message>
    <message>
        <source>两次输入的口令不一致。</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <source>无法在该位置建立文件，请换一个文件夹。</source>
        <translation>Cannot create a file there; choose another folder.</translation>
    </message>
</context>
<context>
    <name>DelayedProgress</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>职级</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>记录类型</source>
        <translation>Record type</translation>
    </message>
    <message>
        <source>严重程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>处分种类</source>
        <translation>Sanction</translation>
    </message>
    <message>
        <source>决定日期</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <source>决定机关</source>
        <translation>Deciding authority</translation>
    </message>
    <message>
        <source>事实</source>
        <translation>Facts</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>记录状态</source>
        <translation>Record state</translation>
    </message>
    <message>
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>档案库</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>搜索内容</source>
        <translation>Search text</translation>
    </message>
    <message>
        <source>标记</source>
        <translation>Flag</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>考核等次</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>行政区划代码</source>
        <translation>Division code</translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation>Office name</translation>
    </message>
    <message>
        <source>失信记录必须选择严重程度。</source>
        <translation>A dishonesty record needs a severity.</translation>
    </message>
    <message>
        <source>只有纪律处分记录可以选择处分种类。</source>
        <translation>Only a disciplinary record can have a sanction.</translation>
    </message>
    <message>
        <source>决定日期早于本人的出生日期。</source>
        <translation>The decision date is before the person's birth date.</translation>
    </message>
    <message>
        <source>更正不能改变记录的失信/守信性质；请撤销后重新录入。</source>
        <translation>A correction cannot turn a dishonesty record into an honesty record or back; revoke it and enter a new one.</translation>
    </message>
    <message>
        <source>口令至少需要 {n} 个字符。</source>
        <translation>The passphrase needs at least {n} characters.</translation>
    </message>
    <message>
        <source>口令最多 {n} 个字符。</source>
        <translation>The passphrase may have at most {n} characters.</translation>
    </message>
    <message>
        <source>口令过于简单（不同的字符太少）。</source>
        <translation>The passphrase is too simple (too few different characters).</translation>
    </message>
    <message>
        <source>用户名须为 2–64 个字母、数字或“.”“-”“_”。</source>
        <translation>A user name is 2–64 letters, digits, '.', '-' or '_'.</translation>
    </message>
    <message>
        <source>两次输入的口令不一致。</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <source>此筛选在当前版本中尚不可用。</source>
        <translation>This filter is not available in this version.</translation>
    </message>
    <message>
        <source>请填写{field}。</source>
        <translation>Please fill in: {field}.</translation>
    </message>
    <message>
        <source>{field}不能超过 {n} 个字符。</source>
        <translation>{field}: at most {n} characters.</translation>
    </message>
    <message>
        <source>{field}含有不允许的控制字符。</source>
        <translation>{field} contains a control character that is not allowed.</translation>
    </message>
    <message>
        <source>{field}不能晚于今天。</source>
        <translation>{field} cannot be after today.</translation>
    </message>
    <message>
        <source>{field}不能早于1949年10月1日。</source>
        <translation>{field} cannot be before 1 Oct 1949.</translation>
    </message>
    <message>
        <source>{field}不是有效的日期。</source>
        <translation>{field} is not a valid date.</translation>
    </message>
    <message>
        <source>{field}超出允许的范围。</source>
        <translation>{field} is out of range.</translation>
    </message>
    <message>
        <source>{field}不是可选的值。</source>
        <translation>{field}: not one of the choices.</translation>
    </message>
    <message>
        <source>{field}填写有误。</source>
        <translation>{field} is not valid.</translation>
    </message>
    <message>
        <source>找不到该{field}。</source>
        <translation>{field} not found.</translation>
    </message>
    <message>
        <source>{field}已存在。</source>
        <translation>{field} already exists.</translation>
    </message>
    <message>
        <source>您的角色无权执行此操作。</source>
        <translation>Your role may not do this.</translation>
    </message>
    <message>
        <source>用户名或口令不正确。</source>
        <translation>Wrong user name or passphrase.</translation>
    </message>
    <message>
        <source>失败次数过多，请在 {n} 秒后再试。</source>
        <translation>Too many failed attempts; try again in {n} seconds.</translation>
    </message>
    <message>
        <source>无法打开档案库：文件缺失、已损坏，或不属于这个密钥文件。</source>
        <translation>Cannot open the archive: the file is missing, damaged, or does not belong to this key file.</translation>
    </message>
    <message>
        <source>该记录当前的状态不允许此操作。</source>
        <translation>The record's current state does not allow this.</translation>
    </message>
    <message>
        <source>该身份证号已经建有档案。</source>
        <translation>A file already exists for this ID number.</translation>
    </message>
    <message>
        <source>该位置已有档案库，请换一个文件名。</source>
        <translation>An archive already exists there; choose another file name.</translation>
    </message>
    <message>
        <source>档案库已锁定，请先解锁。</source>
        <translation>The archive is locked; unlock it first.</translation>
    </message>
    <message>
        <source>该档案库由更新版本的程序建立，请先升级本程序。</source>
        <translation>This archive was made by a newer version; update the program first.</translation>
    </message>
    <message>
        <source>档案库旁的密钥文件（.keys）缺失。</source>
        <translation>The key file (.keys) beside the archive is missing.</translation>
    </message>
    <message>
        <source>不能删除自己的账户。</source>
        <translation>You cannot remove your own account.</translation>
    </message>
    <message>
        <source>操作未能完成。</source>
        <translation>The action could not be completed.</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>第 {line} 行：</source>
        <translation>Line {line}: </translation>
    </message>
</context>
<context>
    <name>IdentityPanel</name>
    <message>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>显示完整身份证号（此操作记入审计日志）</source>
        <translation>Show the full ID number (recorded in the audit log)</translation>
    </message>
    <message>
        <source>身份证号：</source>
        <translation>ID number:</translation>
    </message>
    <message>
        <source>性别：</source>
        <translation>Gender:</translation>
    </message>
    <message>
        <source>出生日期：</source>
        <translation>Date of birth:</translation>
    </message>
    <message>
        <source>单位：</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <source>职务：</source>
        <translation>Post:</translation>
    </message>
    <message>
        <source>职级：</source>
        <translation>Rank:</translation>
    </message>
    <message>
        <source>状态：</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>无限制性标记。</source>
        <translation>No restricting flags.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>失信</source>
        <translation>Dishonesty</translation>
    </message>
    <message>
        <source>守信</source>
        <translation>Honesty</translation>
    </message>
    <message>
        <source>司法判决</source>
        <translation>Court judgment</translation>
    </message>
    <message>
        <source>行政处罚</source>
        <translation>Administrative penalty</translation>
    </message>
    <message>
        <source>纪律处分</source>
        <translation>Disciplinary sanction</translation>
    </message>
    <message>
        <source>问责处理</source>
        <translation>Accountability measure</translation>
    </message>
    <message>
        <source>未守信践诺</source>
        <translation>Broken commitment</translation>
    </message>
    <message>
        <source>其他失信</source>
        <translation>Other dishonesty</translation>
    </message>
    <message>
        <source>嘉奖</source>
        <translation>Commendation</translation>
    </message>
    <message>
        <source>记功</source>
        <translation>Merit citation</translation>
    </message>
    <message>
        <source>授予称号</source>
        <translation>Honorary title</translation>
    </message>
    <message>
        <source>其他守信</source>
        <translation>Other honesty</translation>
    </message>
    <message>
        <source>轻微</source>
        <translation>Minor</translation>
    </message>
    <message>
        <source>一般</source>
        <translation>Ordinary</translation>
    </message>
    <message>
        <source>严重</source>
        <translation>Serious</translation>
    </message>
    <message>
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>记过</source>
        <translation>Demerit</translation>
    </message>
    <message>
        <source>记大过</source>
        <translation>Major demerit</translation>
    </message>
    <message>
        <source>降级</source>
        <translation>Demotion</translation>
    </message>
    <message>
        <source>撤职</source>
        <translation>Removal from post</translation>
    </message>
    <message>
        <source>开除</source>
        <translation>Dismissal</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>已生效</source>
        <translation>In effect</translation>
    </message>
    <message>
        <source>已撤销</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>已修复</source>
        <translation>Repaired</translation>
    </message>
    <message>
        <source>公示期满</source>
        <translation>Publication ended</translation>
    </message>
    <message>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>在职</source>
        <translation>Serving</translation>
    </message>
    <message>
        <source>调出</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>退休</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>辞职</source>
        <translation>Resigned</translation>
    </message>
    <message>
        <source>去世</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <source>省</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>市</source>
        <translation>City</translation>
    </message>
    <message>
        <source>县</source>
        <translation>County</translation>
    </message>
    <message>
        <source>乡</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>优秀</source>
        <translation>Excellent</translation>
    </message>
    <message>
        <source>称职</source>
        <translation>Competent</translation>
    </message>
    <message>
        <source>基本称职</source>
        <translation>Basically competent</translation>
    </message>
    <message>
        <source>不称职</source>
        <translation>Incompetent</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>录入员</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>审核员</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>培训员</source>
        <translation>Trainer</translation>
    </message>
    <message>
        <source>审计员</source>
        <translation>Auditor</translation>
    </message>
    <message>
        <source>限制评优评先</source>
        <translation>Barred from awards</translation>
    </message>
    <message>
        <source>处分期内</source>
        <translation>Under sanction</translation>
    </message>
    <message>
        <source>异议处理中</source>
        <translation>Objection pending</translation>
    </message>
    <message>
        <source>培训未达标</source>
        <translation>Training shortfall</translation>
    </message>
    <message>
        <source>创建档案库</source>
        <translation>Create archive</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>更换数据密钥</source>
        <translation>Rotate data key</translation>
    </message>
    <message>
        <source>校验档案库</source>
        <translation>Verify archive</translation>
    </message>
    <message>
        <source>登记年度考核</source>
        <translation>Record annual assessment</translation>
    </message>
    <message>
        <source>更改年度考核</source>
        <translation>Change annual assessment</translation>
    </message>
    <message>
        <source>载入演示数据</source>
        <translation>Load demo data</translation>
    </message>
    <message>
        <source>建立人员档案</source>
        <translation>Open person file</translation>
    </message>
    <message>
        <source>修改人员信息</source>
        <translation>Edit person</translation>
    </message>
    <message>
        <source>查看完整身份证号</source>
        <translation>Reveal full ID number</translation>
    </message>
    <message>
        <source>新增诚信记录</source>
        <translation>New integrity record</translation>
    </message>
    <message>
        <source>更正诚信记录</source>
        <translation>Correct integrity record</translation>
    </message>
    <message>
        <source>记录生效</source>
        <translation>Put record into effect</translation>
    </message>
    <message>
        <source>撤销诚信记录</source>
        <translation>Revoke integrity record</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>公务员诚信档案</source>
        <translation>Integrity Files</translation>
    </message>
    <message>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>人员档案</source>
        <translation>Persons</translation>
    </message>
    <message>
        <source>您的角色无权查看人员档案。</source>
        <translation>Your role may not view person files.</translation>
    </message>
    <message>
        <source>培训</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>培训课程、学时登记和名单导入将在后续版本提供。</source>
        <translation>Courses, training hours and roster import come in a later version.</translation>
    </message>
    <message>
        <source>异议与修复</source>
        <translation>Objections &amp; repair</translation>
    </message>
    <message>
        <source>异议与信用修复</source>
        <translation>Objections and credit repair</translation>
    </message>
    <message>
        <source>异议受理、核查和信用修复的办理将在后续版本提供。</source>
        <translation>Handling objections and credit repair comes in a later version.</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>与上级中心库同步（网络或离线数据包）将在后续版本提供。</source>
        <translation>Sync with headquarters (network or offline bundle) comes in a later version.</translation>
    </message>
    <message>
        <source>审计</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>审计日志的查阅与校验将在后续版本提供；命令行 integrity-files audit / verify 已可使用。</source>
        <translation>Reading and verifying the audit log comes in a later version; the command line integrity-files audit / verify works already.</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>无法完成</source>
        <translation>Could not complete</translation>
    </message>
</context>
<context>
    <name>OpenPage</name>
    <message>
        <source>打开已有的档案库</source>
        <translation>Open an existing archive</translation>
    </message>
    <message>
        <source>选择档案库文件（.db）；同一文件夹中须有它的密钥文件（.db.keys）。</source>
        <translation>Choose the archive file (.db); its key file (.db.keys) must be in the same folder.</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>档案库文件：</source>
        <translation>Archive file:</translation>
    </message>
    <message>
        <source>档案库文件</source>
        <translation>Archive file</translation>
    </message>
    <message>
        <source>档案库 (*.db)</source>
        <translation>Archives (*.db)</translation>
    </message>
    <message>
        <source>找不到该档案库文件。</source>
        <translation>Archive file not found.</translation>
    </message>
    <message>
        <source>档案库旁的密钥文件（.keys）缺失。</source>
        <translation>The key file (.keys) beside the archive is missing.</translation>
    </message>
</context>
<context>
    <name>PassphraseMeter</name>
    <message>
        <source>不符合要求</source>
        <translation>not acceptable</translation>
    </message>
    <message>
        <source>弱</source>
        <translation>weak</translation>
    </message>
    <message>
        <source>中</source>
        <translation>fair</translation>
    </message>
    <message>
        <source>强</source>
        <translation>strong</translation>
    </message>
    <message>
        <source>很强</source>
        <translation>very strong</translation>
    </message>
    <message>
        <source>强度：</source>
        <translation>Strength: </translation>
    </message>
</context>
<context>
    <name>PersonFileView</name>
    <message>
        <source>← 返回列表</source>
        <translation>← Back to list</translation>
    </message>
    <message>
        <source>返回人员列表（Esc）</source>
        <translation>Back to the list of persons (Esc)</translation>
    </message>
    <message>
        <source>诚信记录</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>处分</source>
        <translation>Sanctions</translation>
    </message>
    <message>
        <source>年度考核</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <source>培训</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>培训学时与达标情况将在培训功能完成后显示。</source>
        <translation>Training hours and norms will show here once training is available.</translation>
    </message>
    <message>
        <source>异议与信用修复</source>
        <translation>Objections and credit repair</translation>
    </message>
    <message>
        <source>异议和信用修复的办理情况将在相应功能完成后显示。</source>
        <translation>Objections and repairs will show here once those features are available.</translation>
    </message>
    <message>
        <source>异议与修复</source>
        <translation>Objections &amp; repair</translation>
    </message>
    <message>
        <source>历史</source>
        <translation>History</translation>
    </message>
</context>
<context>
    <name>PersonTableModel</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>职级</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>PersonsPage</name>
    <message>
        <source>搜索：姓名、拼音（zhangsan / zs）、身份证号（可只输后几位）或单位</source>
        <translation>Search: name, pinyin (zhangsan / zs), ID number (or its last digits) or unit</translation>
    </message>
    <message>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>全部人员</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>培训功能在此版本中尚未提供，暂不能按此筛选。</source>
        <translation>Training is not available in this version, so this filter is off.</translation>
    </message>
    <message>
        <source>您的角色无权查看诚信记录，不能按标记筛选。</source>
        <translation>Your role may not read records, so it cannot filter by flags.</translation>
    </message>
    <message>
        <source>共 {0} 人</source>
        <translation>{0} persons</translation>
    </message>
    <message>
        <source>正在查找…</source>
        <translation>Searching…</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>此版本尚未提供该功能</source>
        <translation>Not available in this version</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>更正诚信记录</source>
        <translation>Correct integrity record</translation>
    </message>
    <message>
        <source>新增诚信记录</source>
        <translation>New integrity record</translation>
    </message>
    <message>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>例如：穗纪处〔2026〕12号</source>
        <translation>e.g. 穗纪处〔2026〕12号</translation>
    </message>
    <message>
        <source>保存为草稿（暂不生效）</source>
        <translation>Save as draft (not in effect yet)</translation>
    </message>
    <message>
        <source>更正的理由，将记入历史</source>
        <translation>Why it is corrected (kept in the history)</translation>
    </message>
    <message>
        <source>记录类型：</source>
        <translation>Record type:</translation>
    </message>
    <message>
        <source>严重程度：</source>
        <translation>Severity:</translation>
    </message>
    <message>
        <source>处分种类：</source>
        <translation>Sanction:</translation>
    </message>
    <message>
        <source>决定日期：</source>
        <translation>Decision date:</translation>
    </message>
    <message>
        <source>文号：</source>
        <translation>Document no.:</translation>
    </message>
    <message>
        <source>决定机关：</source>
        <translation>Deciding authority:</translation>
    </message>
    <message>
        <source>事实：</source>
        <translation>Facts:</translation>
    </message>
    <message>
        <source>更正理由：</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RecordsTab</name>
    <message>
        <source>新增记录…</source>
        <translation>New record…</translation>
    </message>
    <message>
        <source>更正…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <source>撤销…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <source>使草稿生效</source>
        <translation>Put into effect</translation>
    </message>
    <message>
        <source>您的角色（{0}）只能查看，不能修改诚信记录。</source>
        <translation>Your role ({0}) may read records but not change them.</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>恢复密钥</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>恢复密钥只显示这一次。请抄写或打印后锁入保险柜；管理员忘记口令时用它找回档案库。</source>
        <translation>The recovery key is shown only now. Write it down or print it and lock it away; it opens the archive if the administrator forgets the passphrase.</translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>我已抄写恢复密钥并妥善保管</source>
        <translation>I have written down the recovery key and put it in a safe place</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <source>撤销诚信记录</source>
        <translation>Revoke integrity record</translation>
    </message>
    <message>
        <source>{kind}　{doc}　{day}</source>
        <translation>{kind} — {doc} — {day}</translation>
    </message>
    <message>
        <source>撤销后记录仍保留在档案中，状态为“已撤销”，并记入历史。</source>
        <translation>A revoked record stays in the file as “Revoked” and in the history.</translation>
    </message>
    <message>
        <source>撤销理由（必填）</source>
        <translation>Reason for revoking (required)</translation>
    </message>
    <message>
        <source>撤销记录</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>撤销理由：</source>
        <translation>Reason for revoking:</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>立即锁定（Ctrl+L）</source>
        <translation>Lock now (Ctrl+L)</translation>
    </message>
    <message>
        <source>无操作自动锁定：</source>
        <translation>Lock when idle for:</translation>
    </message>
    <message>
        <source>界面语言：</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>档案库文件：</source>
        <translation>Archive file:</translation>
    </message>
    <message>
        <source>单位名称：</source>
        <translation>Office name:</translation>
    </message>
    <message>
        <source>当前用户：</source>
        <translation>Signed in as:</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>欢迎使用公务员诚信档案</source>
        <translation>Welcome to Integrity Files</translation>
    </message>
    <message>
        <source>档案库是一个加密文件，只有持有口令的用户才能打开。</source>
        <translation>An archive is an encrypted file that only users with a passphrase can open.</translation>
    </message>
    <message>
        <source>新建档案库（首次使用）</source>
        <translation>Create a new archive (first use)</translation>
    </message>
    <message>
        <source>打开已有的档案库</source>
        <translation>Open an existing archive</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>已锁定 — 公务员诚信档案</source>
        <translation>Locked — Integrity Files</translation>
    </message>
    <message>
        <source>解锁档案库</source>
        <translation>Unlock archive</translation>
    </message>
    <message>
        <source>档案库已锁定，请输入口令继续工作。</source>
        <translation>The archive is locked. Enter your passphrase to continue.</translation>
    </message>
    <message>
        <source>请输入用户名和口令打开档案库。</source>
        <translation>Enter your user name and passphrase to open the archive.</translation>
    </message>
    <message>
        <source>档案库：</source>
        <translation>Archive:</translation>
    </message>
    <message>
        <source>用户名：</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>口令：</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>演示档案库 — 用户名 admin，口令：{0}</source>
        <translation>Demo archive — user admin, passphrase: {0}</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>打开其他档案库…</source>
        <translation>Open another archive…</translation>
    </message>
    <message>
        <source>退出程序</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>请输入用户名和口令。</source>
        <translation>Enter a user name and passphrase.</translation>
    </message>
</context>
</TS>