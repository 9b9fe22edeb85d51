<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <source>受理异议</source>
        <translation>Accept objection</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>转提供单位核查</source>
        <translation>Refer for verification</translation>
    </message>
    <message>
        <source>转核查</source>
        <translation>Refer</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>书面答复：</source>
        <translation>Written reply:</translation>
    </message>
    <message>
        <source>评优评先限制</source>
        <translation>Awards restriction</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>理由：</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>异议期间仍限制评优评先</source>
        <translation>Keep barring from awards during the objection</translation>
    </message>
    <message>
        <source>异议期间不作限制（默认）</source>
        <translation>No restriction during the objection (default)</translation>
    </message>
    <message>
        <source>受理修复申请</source>
        <translation>Accept repair application</translation>
    </message>
    <message>
        <source>作出修复决定</source>
        <translation>Decide on repair</translation>
    </message>
    <message>
        <source>决定</source>
        <translation>Decide</translation>
    </message>
    <message>
        <source>准予修复</source>
        <translation>Grant repair</translation>
    </message>
    <message>
        <source>不予修复</source>
        <translation>Deny repair</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>关于 公务员诚信档案</source>
        <translation>About Integrity Files</translation>
    </message>
    <message>
        <source>公务员诚信档案</source>
        <translation>Integrity Files</translation>
    </message>
</context>
<context>
    <name>AccountPanel</name>
    <message>
        <source>我的账户</source>
        <translation>My account</translation>
    </message>
    <message>
        <source>整个档案库</source>
        <translation>The whole archive</translation>
    </message>
    <message>
        <source>修改口令…</source>
        <translation>Change passphrase…</translation>
    </message>
    <message>
        <source>用户名：</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>角色：</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>负责单位：</source>
        <translation>Units:</translation>
    </message>
    <message>
        <source>口令已修改。下次登录或解锁时请使用新口令。</source>
        <translation>Passphrase changed. Use the new passphrase the next time you sign in or unlock.</translation>
    </message>
</context>
<context>
    <name>AddAttendeesDialog</name>
    <message>
        <source>添加学员</source>
        <translation>Add attendees</translation>
    </message>
    <message>
        <source>搜索人员</source>
        <translation>Search persons</translation>
    </message>
    <message>
        <source>粘贴名单</source>
        <translation>Paste list</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>姓名、拼音（zhangsan / zs）或身份证号后几位</source>
        <translation>Name, pinyin (zhangsan / zs) or last digits of the ID number</translation>
    </message>
    <message>
        <source>每行一人：身份证号或姓名（也可两者都有，可再加单位）。
例如：
张三
440106198503010035
李四 天河区人社局</source>
        <translation>One person a line: ID number or name (or both, optionally with the unit).
For example:
张三
440106198503010035
李四 天河区人社局</translation>
    </message>
    <message>
        <source>从 Excel 或文档中复制学员名单，粘贴到下面：</source>
        <translation>Copy the list of attendees from Excel or a document and paste it below:</translation>
    </message>
    <message numerus="yes">
        <source>找到 %n 人</source>
        <translation>
            <numerusform>Found %n person</numerusform>
            <numerusform>Found %n persons</numerusform>
        </translation>
    </message>
    <message>
        <source>没有找到</source>
        <translation>Nobody found</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>新增用户</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>例如 li.clerk</source>
        <translation>e.g. li.clerk</translation>
    </message>
    <message>
        <source>不勾选：与您负责的单位相同。</source>
        <translation>None ticked: the same units as yours.</translation>
    </message>
    <message>
        <source>不勾选：可处理整个档案库。勾选的单位包括其下级单位。</source>
        <translation>None ticked: the whole archive. A ticked unit includes the units below it.</translation>
    </message>
    <message>
        <source>用户名：</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>角色：</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>初始口令：</source>
        <translation>First passphrase:</translation>
    </message>
    <message>
        <source>再次输入口令：</source>
        <translation>Repeat passphrase:</translation>
    </message>
    <message>
        <source>限定单位：</source>
        <translation>Limit to units:</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>账户与维护</source>
        <translation>Accounts &amp; maintenance</translation>
    </message>
</context>
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
        <source>{0} 等 {1} 个单位</source>
        <translation>{0} and {1} units in all</translation>
    </message>
    <message>
        <source>，负责：{0}</source>
        <translation>, units: {0}</translation>
    </message>
    <message>
        <source>负责的单位（含下级单位）：
{0}</source>
        <translation>Units in your charge (with the units below them):
{0}</translation>
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
    <message>
        <source>同步冲突：{0}</source>
        <translation>Sync conflicts: {0}</translation>
    </message>
    <message>
        <source>上次同步：{0}</source>
        <translation>Last sync: {0}</translation>
    </message>
    <message>
        <source>（已 {0} 天未同步）</source>
        <translation> (not synced for {0} days)</translation>
    </message>
    <message>
        <source>自动同步需要中心库口令：请在“同步”页输入。</source>
        <translation>Automatic sync needs the central store&apos;s password: enter it on the Sync page.</translation>
    </message>
    <message>
        <source>（最近一次同步未成功）</source>
        <translation> (the last sync failed)</translation>
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
    <name>AttendancePanel</name>
    <message>
        <source>名单 (*.xlsx *.xlsm *.csv *.txt);;Excel (*.xlsx *.xlsm);;CSV (*.csv *.txt)</source>
        <translation>Rosters (*.xlsx *.xlsm *.csv *.txt);;Excel (*.xlsx *.xlsm);;CSV (*.csv *.txt)</translation>
    </message>
    <message>
        <source>添加学员</source>
        <translation>Add attendees</translation>
    </message>
    <message>
        <source>粘贴名单</source>
        <translation>Paste list</translation>
    </message>
    <message>
        <source>导入花名册…</source>
        <translation>Import roster…</translation>
    </message>
    <message>
        <source>撤销修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>保存成绩</source>
        <translation>Save marks</translation>
    </message>
    <message>
        <source>导出签到表…</source>
        <translation>Export sign-in sheet…</translation>
    </message>
    <message>
        <source>选中学员后按 Ctrl+1 合格、Ctrl+2 不合格、Ctrl+3 退学；直接输入可修改请假学时等。脱产培训请假超过学时的1/7，保存时自动判为不合格。</source>
        <translation>Select attendees, then press Ctrl+1 for passed, Ctrl+2 for failed, Ctrl+3 for withdrawn; type into a cell to change leave hours and the like. In full-time training, leave over 1/7 of the hours fails the attendee on saving.</translation>
    </message>
    <message>
        <source>请在左侧选择或新建一个课程期次。</source>
        <translation>Choose or create a session on the left.</translation>
    </message>
    <message>
        <source>{start} 至 {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <source>授课人：{0}</source>
        <translation>Trainer: {0}</translation>
    </message>
    <message>
        <source>{topic} · {mode} · {hours}学时/{days}天</source>
        <translation>{topic} · {mode} · {hours} hours/{days} days</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt;&#x3000;{details}</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt; — {details}</translation>
    </message>
    <message>
        <source>&#x3000;</source>
        <translation> — </translation>
    </message>
    <message>
        <source>共 {n} 人；{counts}</source>
        <translation>Attendees: {n}; {counts}</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{result} {n}</source>
        <translation>{result} {n}</translation>
    </message>
    <message>
        <source>&#x3000;&#x3000;有 {n} 人的成绩尚未保存（Ctrl+S）</source>
        <translation> — unsaved marks for {n} attendees (Ctrl+S)</translation>
    </message>
    <message>
        <source>{name}：{problem}</source>
        <translation>{name}: {problem}</translation>
    </message>
    <message>
        <source>粘贴的名单</source>
        <translation>Pasted list</translation>
    </message>
    <message>
        <source>无法完成</source>
        <translation>Could not complete</translation>
    </message>
    <message>
        <source>选择花名册</source>
        <translation>Choose roster</translation>
    </message>
    <message>
        <source>导出签到表</source>
        <translation>Export sign-in sheet</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>审计</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>审计日志仅供审计员查阅</source>
        <translation>The audit trail is for the auditor</translation>
    </message>
    <message>
        <source>查阅审计日志需要审计员的“查阅审计日志”权限，您的角色（{0}）没有这项权限。管理员与审计员由不同的人担任；任何角色都不能修改或删除审计日志。</source>
        <translation>Reading the audit trail needs the auditor&apos;s “read audit trail” permission, which your role ({0}) does not have. The administrator and the auditor are different people; no role can change or delete the audit trail.</translation>
    </message>
    <message>
        <source>每一次登录、查看、修改、打印、导出和同步都记录在此，按时间由近及远排列；日志首尾相连，任何删改都会在校验时被发现。</source>
        <translation>Every sign-in, reveal, change, print, export and sync is recorded here, newest first. The entries are chained, so any deletion or change is found by the check.</translation>
    </message>
    <message>
        <source>按对象编号筛选（粘贴完整编号）</source>
        <translation>Filter by object id (paste the full id)</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>序号</source>
        <translation>No.</translation>
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
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>详情</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>AuditTexts</name>
    <message>
        <source>与中心库同步</source>
        <translation>Sync with the central store</translation>
    </message>
    <message>
        <source>同步：新增</source>
        <translation>Sync: insert</translation>
    </message>
    <message>
        <source>同步：更新</source>
        <translation>Sync: update</translation>
    </message>
    <message>
        <source>同步：隔离更改</source>
        <translation>Sync: change quarantined</translation>
    </message>
    <message>
        <source>导出离线包</source>
        <translation>Export offline bundle</translation>
    </message>
    <message>
        <source>导入回执包</source>
        <translation>Import return bundle</translation>
    </message>
    <message>
        <source>拒绝数据包</source>
        <translation>Bundle refused</translation>
    </message>
    <message>
        <source>处理同步冲突</source>
        <translation>Resolve sync conflict</translation>
    </message>
    <message>
        <source>新增用户</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>删除用户</source>
        <translation>Remove user</translation>
    </message>
    <message>
        <source>修改口令</source>
        <translation>Change passphrase</translation>
    </message>
    <message>
        <source>重设口令</source>
        <translation>Reset passphrase</translation>
    </message>
    <message>
        <source>新增单位</source>
        <translation>Add unit</translation>
    </message>
    <message>
        <source>公示期满</source>
        <translation>Publication period ended</translation>
    </message>
    <message>
        <source>信用修复</source>
        <translation>Credit repair</translation>
    </message>
    <message>
        <source>记录加注</source>
        <translation>Annotate record</translation>
    </message>
    <message>
        <source>记录进入异议处理</source>
        <translation>Record under objection</translation>
    </message>
    <message>
        <source>记录异议办结</source>
        <translation>Objection on record closed</translation>
    </message>
    <message>
        <source>登记异议</source>
        <translation>Register objection</translation>
    </message>
    <message>
        <source>异议决定</source>
        <translation>Decide objection</translation>
    </message>
    <message>
        <source>异议处理更正</source>
        <translation>Objection correction</translation>
    </message>
    <message>
        <source>添加异议证据</source>
        <translation>Add objection evidence</translation>
    </message>
    <message>
        <source>申请信用修复</source>
        <translation>Apply for credit repair</translation>
    </message>
    <message>
        <source>添加修复材料</source>
        <translation>Add repair evidence</translation>
    </message>
    <message>
        <source>修改政策设置</source>
        <translation>Change policy settings</translation>
    </message>
    <message>
        <source>添加附件</source>
        <translation>Add attachment</translation>
    </message>
    <message>
        <source>查看附件</source>
        <translation>Open attachment</translation>
    </message>
    <message>
        <source>保存文件</source>
        <translation>Store file</translation>
    </message>
    <message>
        <source>打印档案</source>
        <translation>Print file</translation>
    </message>
    <message>
        <source>批量打印</source>
        <translation>Batch print</translation>
    </message>
    <message>
        <source>导出打印文件</source>
        <translation>Export printout</translation>
    </message>
    <message>
        <source>生成打印文件</source>
        <translation>Render printout</translation>
    </message>
    <message>
        <source>核验打印件</source>
        <translation>Check printout</translation>
    </message>
    <message>
        <source>导出报表</source>
        <translation>Export report</translation>
    </message>
    <message>
        <source>导出培训数据</source>
        <translation>Export training data</translation>
    </message>
    <message>
        <source>导入培训名单</source>
        <translation>Import training roster</translation>
    </message>
    <message>
        <source>新增课程</source>
        <translation>Add course</translation>
    </message>
    <message>
        <source>修改课程</source>
        <translation>Change course</translation>
    </message>
    <message>
        <source>新增培训班次</source>
        <translation>Add training session</translation>
    </message>
    <message>
        <source>修改培训班次</source>
        <translation>Change training session</translation>
    </message>
    <message>
        <source>登记学时</source>
        <translation>Record attendance</translation>
    </message>
    <message>
        <source>修改学时</source>
        <translation>Change attendance</translation>
    </message>
    <message>
        <source>登记在编人数</source>
        <translation>Record headcount</translation>
    </message>
    <message>
        <source>修改在编人数</source>
        <translation>Change headcount</translation>
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
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>冲突</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>考核</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>异议</source>
        <translation>Objection</translation>
    </message>
    <message>
        <source>修复申请</source>
        <translation>Repair application</translation>
    </message>
    <message>
        <source>课程</source>
        <translation>Course</translation>
    </message>
    <message>
        <source>班次</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>成功</source>
        <translation>Succeeded</translation>
    </message>
    <message>
        <source>失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>拒绝（无权限）</source>
        <translation>Denied (no permission)</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>fields</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>reason</translation>
    </message>
    <message>
        <source>发送</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>接收</source>
        <translation>received</translation>
    </message>
    <message>
        <source>应用</source>
        <translation>applied</translation>
    </message>
    <message>
        <source>新增冲突</source>
        <translation>new conflicts</translation>
    </message>
    <message>
        <source>隔离</source>
        <translation>quarantined</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>number</translation>
    </message>
    <message>
        <source>更改</source>
        <translation>changes</translation>
    </message>
    <message>
        <source>处理方式</source>
        <translation>choice</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>file</translation>
    </message>
    <message>
        <source>来自设备</source>
        <translation>from device</translation>
    </message>
    <message>
        <source>缺少权限</source>
        <translation>missing permission</translation>
    </message>
    <message>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>查看本机公钥</source>
        <translation>Read device key</translation>
    </message>
    <message>
        <source>查阅审计日志</source>
        <translation>Read audit trail</translation>
    </message>
    <message>
        <source>校验档案库</source>
        <translation>Check archive</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Back up</translation>
    </message>
    <message>
        <source>更换数据密钥</source>
        <translation>Rotate data key</translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation>office</translation>
    </message>
</context>
<context>
    <name>BatchPrint</name>
    <message>
        <source>保存位置：{0}</source>
        <translation>Saved to: {0}</translation>
    </message>
    <message>
        <source>已打印 {0} 人的档案，共 {1} 页。</source>
        <translation>Printed the files of {0} persons, {1} pages in all.</translation>
    </message>
    <message>
        <source>批量打印完成</source>
        <translation>Batch print finished</translation>
    </message>
    <message>
        <source>正在批量打印档案…</source>
        <translation>Printing the files…</translation>
    </message>
</context>
<context>
    <name>BatchPrintDialog</name>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>保存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>保存到：</source>
        <translation>Save to:</translation>
    </message>
    <message>
        <source>公示</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>内部审查</source>
        <translation>Internal review</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>合并为一个PDF文件</source>
        <translation>One PDF file for all</translation>
    </message>
    <message>
        <source>开始打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>当前查询结果（{0} 人）</source>
        <translation>Current search result ({0} persons)</translation>
    </message>
    <message>
        <source>批量打印</source>
        <translation>Batch print</translation>
    </message>
    <message>
        <source>每人一个PDF文件（存入文件夹）</source>
        <translation>One PDF file per person (into a folder)</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>版本：</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>范围：</source>
        <translation>Persons:</translation>
    </message>
    <message>
        <source>请选择保存位置。</source>
        <translation>Choose where to save.</translation>
    </message>
    <message>
        <source>输出：</source>
        <translation>Output:</translation>
    </message>
    <message>
        <source>选中的人员（{0} 人）</source>
        <translation>Selected persons ({0})</translation>
    </message>
    <message>
        <source>选择文件夹</source>
        <translation>Choose a folder</translation>
    </message>
</context>
<context>
    <name>BundlePanel</name>
    <message>
        <source>不能联网的单位用离线包同步：导出离线包（只有上级单位能解密），用移动介质交给上级单位；再导入上级单位发回的回执包。每个数据包都有编号和签名，重复、缺号、被改动或发错单位的数据包会被拒绝，且不做任何更改。</source>
        <translation>Offices without a network sync with offline bundles: export a bundle (only headquarters can decrypt it), carry it to headquarters on removable media, then import the return bundle headquarters sends back. Every bundle is numbered and signed; a repeated, missing, altered or misaddressed bundle is refused and changes nothing.</translation>
    </message>
    <message>
        <source>导出离线包…</source>
        <translation>Export offline bundle…</translation>
    </message>
    <message>
        <source>导入回执包…</source>
        <translation>Import return bundle…</translation>
    </message>
    <message>
        <source>选择上级单位的公钥文件</source>
        <translation>Choose headquarters&apos; public key file</translation>
    </message>
    <message>
        <source>公钥文件 (*.key);;所有文件 (*)</source>
        <translation>Public key files (*.key);;All files (*)</translation>
    </message>
    <message>
        <source>保存离线包</source>
        <translation>Save offline bundle</translation>
    </message>
    <message>
        <source>离线包 (*.ifb);;所有文件 (*)</source>
        <translation>Offline bundles (*.ifb);;All files (*)</translation>
    </message>
    <message>
        <source>选择回执包</source>
        <translation>Choose return bundle</translation>
    </message>
    <message>
        <source>导入回执包</source>
        <translation>Import return bundle</translation>
    </message>
    <message>
        <source>现在导入吗？</source>
        <translation>Import it now?</translation>
    </message>
</context>
<context>
    <name>CentralPanel</name>
    <message>
        <source>中心库</source>
        <translation>Central store</translation>
    </message>
    <message>
        <source>postgresql://登录名@服务器/数据库，或中心库文件的路径</source>
        <translation>postgresql://login@server/database, or the path of a central store file</translation>
    </message>
    <message>
        <source>登记时上级单位提供的地址。地址中的口令不会保存到磁盘。</source>
        <translation>The address headquarters gave at enrollment. A password in it is never saved to disk.</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>单机或演示用的中心库文件（SQLite）</source>
        <translation>A central store file (SQLite) for one machine or a demo</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>输入口令…</source>
        <translation>Enter password…</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>未同步时提醒</source>
        <translation>without sync</translation>
    </message>
    <message>
        <source>地址：</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>选择中心库文件</source>
        <translation>Choose central store file</translation>
    </message>
    <message>
        <source>中心库文件 (*.db *.sqlite);;所有文件 (*)</source>
        <translation>Central store files (*.db *.sqlite);;All files (*)</translation>
    </message>
    <message>
        <source>尚未设置中心库：设置后，程序运行期间会按下面的间隔自动同步。</source>
        <translation>No central store yet: once it is set, the program syncs at the interval below while it runs.</translation>
    </message>
    <message>
        <source>地址中的口令已移除，只保存在内存中；锁定或退出后需要重新输入。</source>
        <translation>The password was taken out of the address and is kept in memory only; enter it again after locking or quitting.</translation>
    </message>
    <message>
        <source>需要输入中心库口令才能同步（口令不保存到磁盘）。</source>
        <translation>Syncing needs the central store&apos;s password (it is never saved to disk).</translation>
    </message>
    <message>
        <source>已输入口令（只保存在内存中）。</source>
        <translation>Password entered (kept in memory only).</translation>
    </message>
    <message>
        <source>中心库已设置。</source>
        <translation>Central store set.</translation>
    </message>
    <message>
        <source>每</source>
        <translation>Every</translation>
    </message>
    <message>
        <source>同步一次；超过</source>
        <translation>; remind after</translation>
    </message>
    <message>
        <source>同步计划：</source>
        <translation>Schedule:</translation>
    </message>
</context>
<context>
    <name>CentralPasswordDialog</name>
    <message>
        <source>中心库口令</source>
        <translation>Central store password</translation>
    </message>
    <message>
        <source>连接中心库 {0} 需要本单位的登录口令（登记时由上级单位提供）。</source>
        <translation>Connecting to the central store {0} needs your office&apos;s login password (given by headquarters at enrollment).</translation>
    </message>
    <message>
        <source>口令只保存在内存中：锁定或退出程序后需要重新输入。</source>
        <translation>The password is kept in memory only: enter it again after locking or quitting.</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>修改口令</source>
        <translation>Change passphrase</translation>
    </message>
    <message>
        <source>为 {0} 设置新口令。下次登录或解锁时使用新口令；其他用户不受影响。</source>
        <translation>Set a new passphrase for {0}. Use it the next time you sign in or unlock; other users are not affected.</translation>
    </message>
    <message>
        <source>原口令：</source>
        <translation>Current passphrase:</translation>
    </message>
    <message>
        <source>新口令：</source>
        <translation>New passphrase:</translation>
    </message>
    <message>
        <source>再次输入新口令：</source>
        <translation>Repeat new passphrase:</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>原口令不正确。</source>
        <translation>The current passphrase is wrong.</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>检查结果</source>
        <translation>Check result</translation>
    </message>
    <message>
        <source>已逐行检查，尚未写入档案。请查看结果，再决定是否导入。</source>
        <translation>Every line was checked; nothing is written yet. Review the result, then decide whether to import.</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>正在逐行检查文件，尚未写入档案…</source>
        <translation>Checking the file line by line; nothing is written yet…</translation>
    </message>
    <message>
        <source>无法导入的行（{0}）</source>
        <translation>Lines that cannot be imported ({0})</translation>
    </message>
    <message>
        <source>将更新的档案（{0}）</source>
        <translation>Files to update ({0})</translation>
    </message>
    <message>
        <source>跳过有误的 {0} 行，只导入其余 {1} 行</source>
        <translation>Skip the {0} lines with errors and import the other {1}</translation>
    </message>
    <message>
        <source>共 {0} 行：新增 {1}，更新 {2}，无变化 {3}，有误 {4}。</source>
        <translation>{0} lines: {1} new, {2} updated, {3} unchanged, {4} with errors.</translation>
    </message>
    <message>
        <source>有误的行需要改正；也可以跳过它们，只导入其余的行。</source>
        <translation>Correct the lines with errors, or skip them and import only the other lines.</translation>
    </message>
    <message>
        <source>文件中的内容与档案一致，无需导入。</source>
        <translation>The file matches the archive; there is nothing to import.</translation>
    </message>
    <message>
        <source>检查通过。点击“导入”后，先备份档案，再一次性写入；中途出错不会留下部分数据。</source>
        <translation>Check passed. “Import” backs up the archive first, then writes everything at once; an error on the way leaves no partial data.</translation>
    </message>
    <message>
        <source>（只列出前 {0} 个问题）</source>
        <translation>(only the first {0} problems are listed)</translation>
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
        <source>申请日期</source>
        <translation>Applied on</translation>
    </message>
    <message>
        <source>严重程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>：{reason}</source>
        <translation>: {reason}</translation>
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
    <message>
        <source>档案</source>
        <translation>File</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>当前值</source>
        <translation>Current value</translation>
    </message>
    <message>
        <source>未采用的修改</source>
        <translation>Edit not applied</translation>
    </message>
    <message>
        <source>修改人</source>
        <translation>Edited by</translation>
    </message>
    <message>
        <source>修改时间</source>
        <translation>Edited at</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>收到时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>来源设备</source>
        <translation>From device</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>更改编号</source>
        <translation>Change id</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>负责单位</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>记录文号</source>
        <translation>Record document no.</translation>
    </message>
    <message>
        <source>办理期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>收到日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>课程</source>
        <translation>Course</translation>
    </message>
    <message>
        <source>主题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>学时</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>结束</source>
        <translation>End</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>Attendees</translation>
    </message>
</context>
<context>
    <name>ConflictTableModel</name>
    <message>
        <source>本机</source>
        <translation>this device</translation>
    </message>
    <message>
        <source>设备 {0}</source>
        <translation>device {0}</translation>
    </message>
    <message>
        <source>{user}（{device}）</source>
        <translation>{user} ({device})</translation>
    </message>
</context>
<context>
    <name>ConflictValues</name>
    <message>
        <source>异议处理中</source>
        <translation>Under objection</translation>
    </message>
    <message>
        <source>状态说明</source>
        <translation>State reason</translation>
    </message>
    <message>
        <source>处分期满日</source>
        <translation>Sanction end</translation>
    </message>
    <message>
        <source>公示开始日</source>
        <translation>Publication start</translation>
    </message>
    <message>
        <source>最早公示结束日</source>
        <translation>Earliest publication end</translation>
    </message>
    <message>
        <source>最晚公示结束日</source>
        <translation>Latest publication end</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>建档日期</source>
        <translation>File opened on</translation>
    </message>
    <message>
        <source>失信/守信</source>
        <translation>Polarity</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>上级单位</source>
        <translation>Parent unit</translation>
    </message>
    <message>
        <source>同时修改</source>
        <translation>Concurrent edit</translation>
    </message>
    <message>
        <source>撤销后修改</source>
        <translation>Edit after revoke</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>没有待处理的冲突。</source>
        <translation>No conflicts to resolve.</translation>
    </message>
    <message>
        <source>当前值（档案中现在的值）</source>
        <translation>Current value (in the archive now)</translation>
    </message>
    <message>
        <source>未采用的修改</source>
        <translation>Edit not applied</translation>
    </message>
    <message>
        <source>保留当前值</source>
        <translation>Keep current value</translation>
    </message>
    <message>
        <source>恢复此值</source>
        <translation>Restore this value</translation>
    </message>
    <message>
        <source>{0}：该记录已被撤销，{1} 随后在另一台设备上修改了{2}。修改已保留在历史中，记录保持撤销；请确认知悉。</source>
        <translation>{0}: the record was revoked, and {1} later changed {2} on another device. The change is kept in the history and the record stays revoked; please acknowledge.</translation>
    </message>
    <message>
        <source>{0}的“{1}”被两处同时修改；{2} 于 {3} 的修改未被采用。</source>
        <translation>“{1}” of {0} was edited in two places at once; the edit by {2} at {3} was not applied.</translation>
    </message>
    <message>
        <source>确认知悉</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>您的角色只能查看冲突，不能处理。</source>
        <translation>Your role may view conflicts but not resolve them.</translation>
    </message>
    <message>
        <source>正在同步，请稍候。</source>
        <translation>Syncing, please wait.</translation>
    </message>
    <message>
        <source>记录已被撤销：撤销后所做的修改只能确认知悉，不能恢复。</source>
        <translation>The record was revoked: an edit made after the revoke can only be acknowledged, not restored.</translation>
    </message>
    <message>
        <source>把档案中的值改回这条未采用的修改（作为一次新的修改同步到各处）。</source>
        <translation>Put this edit back into the archive (as a new change that syncs everywhere).</translation>
    </message>
    <message>
        <source>保留档案中现在的值，关闭这条冲突。</source>
        <translation>Keep the value the archive has now and close this conflict.</translation>
    </message>
</context>
<context>
    <name>CourseDialog</name>
    <message>
        <source>修改课程</source>
        <translation>Edit course</translation>
    </message>
    <message>
        <source>新建课程</source>
        <translation>New course</translation>
    </message>
    <message>
        <source>例如：2026年诚信教育专题培训班</source>
        <translation>e.g. Integrity education seminar 2026</translation>
    </message>
    <message>
        <source>课程名称</source>
        <translation>Course title</translation>
    </message>
    <message>
        <source>主题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>培训方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>学时</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>天数</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>主办单位</source>
        <translation>Organizer</translation>
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
    <name>CoursePanel</name>
    <message>
        <source>筛选课程名称</source>
        <translation>Filter by course title</translation>
    </message>
    <message>
        <source>新建课程</source>
        <translation>New course</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>新建期次</source>
        <translation>New session</translation>
    </message>
    <message>
        <source>&lt;b&gt;课程&lt;/b&gt;</source>
        <translation>&lt;b&gt;Courses&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;期次&lt;/b&gt;</source>
        <translation>&lt;b&gt;Sessions&lt;/b&gt;</translation>
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
    <name>DecideObjectionDialog</name>
    <message>
        <source>办结异议</source>
        <translation>Close objection</translation>
    </message>
    <message>
        <source>{name}&#x3000;{doc}&#x3000;申请人：{applicant}</source>
        <translation>{name} — {doc} — applicant: {applicant}</translation>
    </message>
    <message>
        <source>核查结论（维持、无法确认时必填）</source>
        <translation>Findings of the verification (required for upheld or unconfirmable)</translation>
    </message>
    <message>
        <source>给申请人的书面答复</source>
        <translation>Written reply to the applicant</translation>
    </message>
    <message>
        <source>处理结果：</source>
        <translation>Outcome:</translation>
    </message>
    <message>
        <source>办结日期：</source>
        <translation>Closed on:</translation>
    </message>
    <message>
        <source>核查结论：</source>
        <translation>Findings:</translation>
    </message>
    <message>
        <source>书面答复：</source>
        <translation>Written reply:</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>更正后的内容（不改的项留空）</source>
        <translation>Corrected content (leave unchanged items empty)</translation>
    </message>
    <message>
        <source>（不变）</source>
        <translation>(unchanged)</translation>
    </message>
    <message>
        <source>严重程度：</source>
        <translation>Severity:</translation>
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
        <source>决定日期：</source>
        <translation>Decision date:</translation>
    </message>
    <message>
        <source>事实：</source>
        <translation>Facts:</translation>
    </message>
    <message>
        <source>{name}&#x3000;{doc}</source>
        <translation>{name} — {doc}</translation>
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
    <name>DevicePanel</name>
    <message>
        <source>本机</source>
        <translation>This device</translation>
    </message>
    <message>
        <source>保存本机公钥文件…</source>
        <translation>Save this device&apos;s public key file…</translation>
    </message>
    <message>
        <source>上级单位用这个文件为本机办理登记（central enroll）；文件不含任何私钥或个人信息。</source>
        <translation>Headquarters enrolls this device with this file (central enroll); it holds no private key and no personal data.</translation>
    </message>
    <message>
        <source>设备编号：</source>
        <translation>Device id:</translation>
    </message>
    <message>
        <source>公钥指纹：</source>
        <translation>Key fingerprint:</translation>
    </message>
    <message>
        <source>只有管理员可以导出本机公钥。</source>
        <translation>Only an administrator may export the device key.</translation>
    </message>
    <message>
        <source>保存本机公钥文件</source>
        <translation>Save this device&apos;s public key file</translation>
    </message>
    <message>
        <source>公钥文件 (*.key);;所有文件 (*)</source>
        <translation>Public key files (*.key);;All files (*)</translation>
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
        <translation>The decision date is before the person&apos;s birth date.</translation>
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
        <translation>A user name is 2–64 letters, digits, &apos;.&apos;, &apos;-&apos; or &apos;_&apos;.</translation>
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
        <translation>The record&apos;s current state does not allow this.</translation>
    </message>
    <message>
        <source>档案库正在其他会话中打开（例如另一个窗口或命令行）。请先关闭它们，再更换数据密钥。</source>
        <translation>The archive is open in another session (for example another window or the command line). Close them first, then rotate the data key.</translation>
    </message>
    <message>
        <source>导入前的自动备份无法写入（磁盘空间不足或磁盘故障），未导入任何内容。请释放磁盘空间后重新导入。</source>
        <translation>The automatic backup taken before an import could not be written (the disk is full or failing), so nothing was imported. Free some disk space and import again.</translation>
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
        <source>磁盘空间不足或磁盘故障，操作未完成，档案库没有改变。请释放磁盘空间后重试。</source>
        <translation>The disk is full or failing: the action was not completed and the archive is unchanged. Free some disk space and try again.</translation>
    </message>
    <message>
        <source>档案库缺少已保存的更改，已拒绝打开。请恢复备份，或由管理员accept-loss后同步找回。</source>
        <translation>The archive is missing changes that were saved, so it was not opened. Restore a backup, or have an administrator run accept-loss and sync to bring them back.</translation>
    </message>
    <message>
        <source>该人员或单位不在您负责的单位范围内。</source>
        <translation>This person or unit is outside the units in your charge.</translation>
    </message>
    <message>
        <source>只有负责整个档案库的用户才能执行此操作（您只负责部分单位）。</source>
        <translation>Only a user who works on the whole archive may do this (you work on some units only).</translation>
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
    <name>ExportButton</name>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV（UTF-8，Excel 可直接打开） (*.csv)</source>
        <translation>CSV (UTF-8, opens in Excel) (*.csv)</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>把当前列表导出为 Excel 或 CSV 文件</source>
        <translation>Export the current list as an Excel or CSV file</translation>
    </message>
    <message>
        <source>导出为 Excel（.xlsx）…</source>
        <translation>Export as Excel (.xlsx)…</translation>
    </message>
    <message>
        <source>导出为 CSV…</source>
        <translation>Export as CSV…</translation>
    </message>
    <message>
        <source>导出为 Excel（含完整身份证号）…</source>
        <translation>Export as Excel (with full ID numbers)…</translation>
    </message>
    <message>
        <source>您的角色无权导出。</source>
        <translation>Your role may not export.</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>已导出 {0} 行到：
{1}</source>
        <translation>Exported {0} rows to:
{1}</translation>
    </message>
    <message>
        <source>文件含完整身份证号，请妥善保管。</source>
        <translation>The file contains full ID numbers; keep it safe.</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>导出完整身份证号</source>
        <translation>Export full ID numbers</translation>
    </message>
    <message>
        <source>导出的文件将包含完整的身份证号。此次导出会记入审计日志，文件请按涉密材料保管。继续吗？</source>
        <translation>The exported file will contain full ID numbers. The export is recorded in the audit log; keep the file as classified material. Continue?</translation>
    </message>
    <message>
        <source>人员名单</source>
        <translation>Persons</translation>
    </message>
</context>
<context>
    <name>FileList</name>
    <message>
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>{name}（{size}）</source>
        <translation>{name} ({size})</translation>
    </message>
    <message>
        <source>选择文件</source>
        <translation>Choose file</translation>
    </message>
    <message>
        <source>证明材料 (*.pdf *.jpg *.jpeg *.png *.tif *.ofd *.doc *.docx);;所有文件 (*)</source>
        <translation>Evidence (*.pdf *.jpg *.jpeg *.png *.tif *.ofd *.doc *.docx);;All files (*)</translation>
    </message>
</context>
<context>
    <name>FileObjectionDialog</name>
    <message>
        <source>登记异议</source>
        <translation>Register objection</translation>
    </message>
    <message>
        <source>异议的事实和理由</source>
        <translation>The facts and grounds of the objection</translation>
    </message>
    <message>
        <source>身份证号：</source>
        <translation>ID number:</translation>
    </message>
    <message>
        <source>申请人：</source>
        <translation>Applicant:</translation>
    </message>
    <message>
        <source>收到日期：</source>
        <translation>Received on:</translation>
    </message>
    <message>
        <source>异议理由：</source>
        <translation>Grounds:</translation>
    </message>
    <message>
        <source>证据材料：</source>
        <translation>Evidence:</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请先输入身份证号并选择一条已生效的失信记录。</source>
        <translation>Enter an ID number and choose a dishonesty record in effect first.</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>表格文件 (*.xlsx *.xlsm *.csv *.txt);;Excel (*.xlsx *.xlsm);;CSV (*.csv *.txt)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.csv *.txt);;Excel (*.xlsx *.xlsm);;CSV (*.csv *.txt)</translation>
    </message>
    <message>
        <source>选择文件</source>
        <translation>Choose file</translation>
    </message>
    <message>
        <source>支持 Excel（.xlsx）和 CSV（UTF-8、GBK、GB18030 编码）。导入前会先逐行检查，不会直接写入档案。</source>
        <translation>Excel (.xlsx) and CSV (UTF-8, GBK or GB18030) files. Every line is checked before anything is written to the archive.</translation>
    </message>
    <message>
        <source>选择或输入文件路径</source>
        <translation>Choose or type the file&apos;s path</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>空白模板…</source>
        <translation>Blank template…</translation>
    </message>
    <message>
        <source>保存一个只有标题行的 Excel 文件，填好后再导入</source>
        <translation>Save an Excel file with the header row only; fill it in, then import it</translation>
    </message>
    <message>
        <source>培训期次</source>
        <translation>Training session</translation>
    </message>
    <message>
        <source>导入内容</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>{title}（{start} 至 {end}）</source>
        <translation>{title} ({start} to {end})</translation>
    </message>
    <message>
        <source>选择要导入的文件</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <source>{0}导入模板.xlsx</source>
        <translation>{0} import template.xlsx</translation>
    </message>
    <message>
        <source>保存空白模板</source>
        <translation>Save blank template</translation>
    </message>
    <message>
        <source>已保存空白模板：{0}</source>
        <translation>Blank template saved: {0}</translation>
    </message>
</context>
<context>
    <name>Flags</name>
    <message>
        <source>{document_no} 异议处理中</source>
        <translation>{document_no}: objection in progress</translation>
    </message>
    <message>
        <source>{document_no} 失信记录有效</source>
        <translation>{document_no}: dishonesty record in effect</translation>
    </message>
    <message>
        <source>{document_no} 异议处理中，经审核仍限制评优评先</source>
        <translation>{document_no}: objection in progress; a reviewer decided it still restricts awards</translation>
    </message>
    <message>
        <source>{sanction}处分期至{end}，不得晋升职务职级和级别、档次</source>
        <translation>{sanction} sanction period until {end}: no promotion in post or rank, and no rise in grade or pay step</translation>
    </message>
    <message>
        <source>{sanction}处分期至{end}，不得晋升职务职级</source>
        <translation>{sanction} sanction period until {end}: no promotion in post or rank</translation>
    </message>
    <message>
        <source>{first}、{second}年度连续两年考核不称职：应予辞退</source>
        <translation>Assessed incompetent two years running ({first}, {second}): to be dismissed</translation>
    </message>
    <message>
        <source>{year}年度考核为{grade}，但当年受{sanction}处分（{document_no}），不得确定为称职以上等次</source>
        <translation>{year} assessment is {grade}, but a {sanction} sanction that year ({document_no}) rules out competent or better</translation>
    </message>
    <message>
        <source>{year}年度考核为{grade}，但当年受{sanction}处分（{document_no}），不得确定为优秀</source>
        <translation>{year} assessment is {grade}, but a {sanction} sanction that year ({document_no}) rules out excellent</translation>
    </message>
    <message>
        <source>{year}年度考核基本称职：诫勉并限期改进；一年内不得晋升职务职级；不享受年度考核奖金</source>
        <translation>{year} assessment basically competent: admonished and given time to improve; no promotion in post or rank for a year; no annual assessment bonus</translation>
    </message>
    <message>
        <source>{year}年度考核不称职：降低一个职务或者职级层次任职；不享受年度考核奖金</source>
        <translation>{year} assessment incompetent: moved down one level of post or rank; no annual assessment bonus</translation>
    </message>
    <message>
        <source>公示期满（{day}）</source>
        <translation>Publication period ended ({day})</translation>
    </message>
    <message>
        <source>公示期满</source>
        <translation>Publication period ended</translation>
    </message>
    <message>
        <source>信用修复准予</source>
        <translation>Credit repair granted</translation>
    </message>
    <message>
        <source>经复查撤销</source>
        <translation>Revoked on review</translation>
    </message>
    <message>
        <source>信用修复：{rest}</source>
        <translation>Credit repair: {rest}</translation>
    </message>
    <message>
        <source>异议无法确认：{rest}</source>
        <translation>Objection could not be confirmed: {rest}</translation>
    </message>
    <message>
        <source>异议撤销：{rest}</source>
        <translation>Revoked after an objection: {rest}</translation>
    </message>
    <message>
        <source>异议更正：{rest}</source>
        <translation>Corrected after an objection: {rest}</translation>
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
        <source>&lt;li&gt;&lt;b&gt;{flag}&lt;/b&gt;：{reason}&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;{flag}&lt;/b&gt;: {reason}&lt;/li&gt;</translation>
    </message>
    <message>
        <source>无限制性标记。</source>
        <translation>No restricting flags.</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>单元格是公式：请复制该列后“选择性粘贴为数值”，再导入。</source>
        <translation>The cell holds a formula: copy the column, “Paste Special → Values”, then import again.</translation>
    </message>
    <message>
        <source>长数字已被 Excel 改动（超过 15 位）：请把该列设为文本后重新录入。</source>
        <translation>Excel changed a long number (over 15 digits): format the column as text and enter it again.</translation>
    </message>
    <message>
        <source>这一行在没有标题的列中有内容。</source>
        <translation>The line has content in a column without a header.</translation>
    </message>
    <message>
        <source>单元格是错误值（如 #N/A）。</source>
        <translation>The cell holds an error value (such as #N/A).</translation>
    </message>
    <message>
        <source>与文件第 {n} 行重复。</source>
        <translation>Repeats line {n} of the file.</translation>
    </message>
    <message>
        <source>与文件第 {n} 行是同一人。</source>
        <translation>Same person as line {n} of the file.</translation>
    </message>
    <message>
        <source>已有其他单位使用这个名称。</source>
        <translation>Another unit already has this name.</translation>
    </message>
    <message>
        <source>档案中有多条文号、决定日期和类型都相同的记录，无法确定更新哪一条。</source>
        <translation>The archive has several records with this document number, decision date and type, so it is unclear which one to update.</translation>
    </message>
    <message>
        <source>身份证号被 Excel 转成了数字，后几位已丢失：请把该列设为文本后重新录入。</source>
        <translation>Excel turned the ID number into a number and lost its last digits: format the column as text and enter it again.</translation>
    </message>
    <message>
        <source>身份证号应为 18 位。</source>
        <translation>An ID number has 18 characters.</translation>
    </message>
    <message>
        <source>身份证号前 17 位只能是数字。</source>
        <translation>The first 17 characters of an ID number must be digits.</translation>
    </message>
    <message>
        <source>身份证号最后一位应为数字或 X。</source>
        <translation>The last character of an ID number must be a digit or X.</translation>
    </message>
    <message>
        <source>身份证号前两位不是省级行政区划代码。</source>
        <translation>The first two digits of the ID number are not a province code.</translation>
    </message>
    <message>
        <source>身份证号中的出生日期不存在。</source>
        <translation>The birth date in the ID number does not exist.</translation>
    </message>
    <message>
        <source>身份证号中的出生日期不合理。</source>
        <translation>The birth date in the ID number is not plausible.</translation>
    </message>
    <message>
        <source>身份证号校验位错误（可能有数字录错）。</source>
        <translation>The ID number&apos;s check digit is wrong (a digit may be mistyped).</translation>
    </message>
    <message>
        <source>统一社会信用代码应为 18 位。</source>
        <translation>A unified social credit code has 18 characters.</translation>
    </message>
    <message>
        <source>统一社会信用代码校验位错误（可能有字符录错）。</source>
        <translation>The credit code&apos;s check character is wrong (a character may be mistyped).</translation>
    </message>
    <message>
        <source>统一社会信用代码含有不允许的字符。</source>
        <translation>The credit code contains a character that is not allowed.</translation>
    </message>
    <message>
        <source>统一社会信用代码不是在广东省登记的。</source>
        <translation>The credit code was not registered in Guangdong.</translation>
    </message>
    <message>
        <source>行政区划代码应为 6 位数字。</source>
        <translation>A division code has 6 digits.</translation>
    </message>
    <message>
        <source>行政区划代码不在广东省的区划表中。</source>
        <translation>The division code is not in Guangdong&apos;s list of divisions.</translation>
    </message>
    <message>
        <source>{column}与身份证号不符。</source>
        <translation>{column} does not match the ID number.</translation>
    </message>
    <message>
        <source>该身份证号属于“{n}”，与姓名不符。</source>
        <translation>This ID number belongs to “{n}”, not to the name given.</translation>
    </message>
    <message>
        <source>失信记录必须填写严重程度。</source>
        <translation>A dishonesty record needs a severity.</translation>
    </message>
    <message>
        <source>只有纪律处分记录可以填写处分。</source>
        <translation>Only a disciplinary record can have a sanction.</translation>
    </message>
    <message>
        <source>决定日期早于本人出生日期。</source>
        <translation>The decision date is before the person&apos;s birth date.</translation>
    </message>
    <message>
        <source>上级单位不能是本单位。</source>
        <translation>A unit cannot be its own parent unit.</translation>
    </message>
    <message>
        <source>上级单位之间形成了循环。</source>
        <translation>The parent units form a cycle.</translation>
    </message>
    <message>
        <source>上级单位所在的行无法导入。</source>
        <translation>The line of the parent unit cannot be imported.</translation>
    </message>
    <message>
        <source>档案库和文件中都没有这个上级单位。</source>
        <translation>Neither the archive nor the file has this parent unit.</translation>
    </message>
    <message>
        <source>有多个单位同名，请改填统一社会信用代码。</source>
        <translation>Several units have this name; give the unified social credit code instead.</translation>
    </message>
    <message>
        <source>单位名称与统一社会信用代码不是同一个单位。</source>
        <translation>The unit name and the credit code belong to different units.</translation>
    </message>
    <message>
        <source>档案库中没有这个单位，请先导入单位。</source>
        <translation>The archive has no such unit; import the units first.</translation>
    </message>
    <message>
        <source>档案库中没有此身份证号的人员，请先导入人员。</source>
        <translation>The archive has nobody with this ID number; import the persons first.</translation>
    </message>
    <message>
        <source>档案中的这条记录已撤销、已修复、公示期满或正在异议/修复程序中，导入不能更改它。</source>
        <translation>This record in the archive is revoked, repaired, past its publication period or under objection or repair, so an import cannot change it.</translation>
    </message>
    <message>
        <source>请填写{column}。</source>
        <translation>Please fill in: {column}.</translation>
    </message>
    <message>
        <source>{column}不是有效的日期（例如 2025-03-01）。</source>
        <translation>{column} is not a valid date (e.g. 2025-03-01).</translation>
    </message>
    <message>
        <source>{column}不能晚于今天。</source>
        <translation>{column} cannot be after today.</translation>
    </message>
    <message>
        <source>{column}不能早于 1949 年 10 月 1 日。</source>
        <translation>{column} cannot be before 1 Oct 1949.</translation>
    </message>
    <message>
        <source>{column}超出允许的范围。</source>
        <translation>{column} is out of range.</translation>
    </message>
    <message>
        <source>{column}太长。</source>
        <translation>{column} is too long.</translation>
    </message>
    <message>
        <source>{column}含有不允许的控制字符。</source>
        <translation>{column} contains a control character that is not allowed.</translation>
    </message>
    <message>
        <source>{column}不是可选的值。</source>
        <translation>{column}: not one of the choices.</translation>
    </message>
    <message>
        <source>这一行既没有姓名也没有身份证号。</source>
        <translation>The line has neither a name nor an ID number.</translation>
    </message>
    <message>
        <source>{column}填写有误。</source>
        <translation>{column} is not valid.</translation>
    </message>
    <message>
        <source>这一行</source>
        <translation>The line</translation>
    </message>
    <message>
        <source>还没有列对应到：{fields}。请在“对应字段”中选择。</source>
        <translation>No column is mapped to: {fields}. Choose them under “Field”.</translation>
    </message>
    <message>
        <source>有两列对应到了同一个字段，请只保留一列。</source>
        <translation>Two columns are mapped to the same field; keep only one.</translation>
    </message>
    <message>
        <source>这不是可用的对应模板（或是别的导入种类的模板）。</source>
        <translation>This is not a usable mapping template (or it is a template for another kind of import).</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Persons</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>诚信记录</source>
        <translation>Integrity records</translation>
    </message>
    <message>
        <source>培训出勤（期次名单）</source>
        <translation>Training attendance (a session&apos;s roster)</translation>
    </message>
    <message>
        <source>文件中有 {n} 行无法导入，所以一行也没有导入。</source>
        <translation>{n} lines of the file cannot be imported, so no line was imported.</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{0}。</source>
        <translation>{0}.</translation>
    </message>
    <message>
        <source>文件中的列</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>示例</source>
        <translation>Example</translation>
    </message>
    <message>
        <source>对应字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>{letter}（{column}）</source>
        <translation>{letter} ({column})</translation>
    </message>
    <message>
        <source>行号</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>对应的档案</source>
        <translation>File in the archive</translation>
    </message>
    <message>
        <source>将更新的内容</source>
        <translation>Changes</translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>公民身份号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>单位统一社会信用代码</source>
        <translation>Unit&apos;s credit code</translation>
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
        <source>建档日期</source>
        <translation>File opened on</translation>
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
        <source>单位名称</source>
        <translation>Unit name</translation>
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
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>上级单位</source>
        <translation>Parent unit</translation>
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
        <source>处分</source>
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
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>请假学时</source>
        <translation>Leave hours</translation>
    </message>
    <message>
        <source>获得学时</source>
        <translation>Hours earned</translation>
    </message>
    <message>
        <source>获得天数</source>
        <translation>Days earned</translation>
    </message>
    <message>
        <source>成绩</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>证书编号</source>
        <translation>Certificate no.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>导入</source>
        <translation>Import</translation>
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
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Finish</translation>
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
    <message>
        <source>已登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>核查中</source>
        <translation>Under verification</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>更正</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>维持</source>
        <translation>Upheld</translation>
    </message>
    <message>
        <source>无法确认</source>
        <translation>Unconfirmable</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Acceptance</translation>
    </message>
    <message>
        <source>自查</source>
        <translation>Self-check</translation>
    </message>
    <message>
        <source>提供单位核查</source>
        <translation>Verification by the issuing unit</translation>
    </message>
    <message>
        <source>已申请</source>
        <translation>Applied</translation>
    </message>
    <message>
        <source>准予修复</source>
        <translation>Repair granted</translation>
    </message>
    <message>
        <source>不予修复</source>
        <translation>Repair denied</translation>
    </message>
    <message>
        <source>决定是否受理</source>
        <translation>Acceptance decision</translation>
    </message>
    <message>
        <source>作出修复决定</source>
        <translation>Repair decision</translation>
    </message>
    <message>
        <source>证据材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>履行义务证明</source>
        <translation>Proof of obligations met</translation>
    </message>
    <message>
        <source>信用修复承诺书</source>
        <translation>Credit repair commitment letter</translation>
    </message>
    <message>
        <source>书面答复</source>
        <translation>Written reply</translation>
    </message>
    <message>
        <source>考核结果影响</source>
        <translation>Effect on assessments</translation>
    </message>
    <message>
        <source>终止公示</source>
        <translation>Publication ended</translation>
    </message>
    <message>
        <source>停止共享</source>
        <translation>Sharing stopped</translation>
    </message>
    <message>
        <source>解除评优评先限制</source>
        <translation>Awards restriction lifted</translation>
    </message>
    <message>
        <source>诚信教育</source>
        <translation>Integrity</translation>
    </message>
    <message>
        <source>政治理论</source>
        <translation>Political theory</translation>
    </message>
    <message>
        <source>党性教育</source>
        <translation>Party spirit</translation>
    </message>
    <message>
        <source>法律法规</source>
        <translation>Law</translation>
    </message>
    <message>
        <source>专业能力</source>
        <translation>Professional skills</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>脱产</source>
        <translation>Full-time</translation>
    </message>
    <message>
        <source>集中</source>
        <translation>Intensive</translation>
    </message>
    <message>
        <source>网络</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>未评定</source>
        <translation>Not marked</translation>
    </message>
    <message>
        <source>合格</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>不合格</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>退学</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>乡科级及以下</source>
        <translation>Section level and below</translation>
    </message>
    <message>
        <source>县处级及以上</source>
        <translation>Division level and above</translation>
    </message>
    <message>
        <source>可导入</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>已在名单中</source>
        <translation>Already on the roster</translation>
    </message>
    <message>
        <source>与前面的行重复</source>
        <translation>Repeats an earlier line</translation>
    </message>
    <message>
        <source>查无此人</source>
        <translation>No such person</translation>
    </message>
    <message>
        <source>有多人符合</source>
        <translation>Several persons match</translation>
    </message>
    <message>
        <source>身份证号有误</source>
        <translation>Invalid ID number</translation>
    </message>
    <message>
        <source>姓名与身份证号不符</source>
        <translation>Name and ID number do not match</translation>
    </message>
    <message>
        <source>单位不符</source>
        <translation>Unit does not match</translation>
    </message>
    <message>
        <source>内容有误</source>
        <translation>Invalid value</translation>
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
        <source>账户与维护</source>
        <translation>Accounts &amp; maintenance</translation>
    </message>
    <message>
        <source>该表单所属的人员或记录已不存在，或您无权查看，无法重新打开。</source>
        <translation>The person or record this form belongs to is gone or no longer visible to you, so the form cannot be reopened.</translation>
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
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>审计</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>您的角色无权查看培训记录。</source>
        <translation>Your role may not see training records.</translation>
    </message>
    <message>
        <source>您的角色无权查看异议与信用修复。</source>
        <translation>Your role may not see objections and credit repair.</translation>
    </message>
</context>
<context>
    <name>MaintenancePanel</name>
    <message>
        <source>备份与密钥</source>
        <translation>Backup and data key</translation>
    </message>
    <message>
        <source>备份到…</source>
        <translation>Back up to…</translation>
    </message>
    <message>
        <source>写一份加密的备份（与档案库使用同一数据密钥），密钥文件（.keys）和校验文件（.head）写在旁边；凭各自现在的口令即可打开。这几个文件请一起妥善保存。</source>
        <translation>Writes an encrypted backup (under the archive&apos;s data key) with its key file (.keys) and head file (.head) beside it; it opens with each user&apos;s current passphrase. Keep these files together, safely.</translation>
    </message>
    <message>
        <source>更换数据密钥…</source>
        <translation>Rotate data key…</translation>
    </message>
    <message>
        <source>重新加密整个档案库，例如在停用用户之后：旧的密钥文件副本随即失效。每位用户的口令不变。</source>
        <translation>Re-encrypts the whole archive, for example after deactivating a user: old copies of the key file stop working. Every user keeps their passphrase.</translation>
    </message>
    <message>
        <source>正在备份到 {0}…</source>
        <translation>Backing up to {0}…</translation>
    </message>
    <message>
        <source>备份到</source>
        <translation>Back up to</translation>
    </message>
    <message>
        <source>档案库 (*.db)</source>
        <translation>Archives (*.db)</translation>
    </message>
    <message>
        <source>备份已写入 {0}，密钥文件写入 {1}。</source>
        <translation>Backup written to {0}, its key file to {1}.</translation>
    </message>
    <message>
        <source>更换数据密钥</source>
        <translation>Rotate data key</translation>
    </message>
    <message>
        <source>更换前请关闭本档案库的其他会话（例如另一个窗口或命令行）。只要还有其他会话开着，更换就会被拒绝，档案库不会改变。

每位用户继续使用自己现在的口令；已停用用户留下的密钥文件副本将无法再打开档案库。

现在更换数据密钥吗？</source>
        <translation>Before rotating, close every other session of this archive (for example another window or the command line). While another session is open the rotation is refused and the archive does not change.

Every user keeps their current passphrase; copies of the key file left by deactivated users will no longer open the archive.

Rotate the data key now?</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在更换数据密钥…</source>
        <translation>Rotating the data key…</translation>
    </message>
    <message>
        <source>数据密钥已更换。每位用户继续使用自己现在的口令。</source>
        <translation>The data key was rotated. Every user keeps their current passphrase.</translation>
    </message>
    <message>
        <source>操作未能完成。</source>
        <translation>The action could not be completed.</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>对应模板 (*.json)</source>
        <translation>Mapping templates (*.json)</translation>
    </message>
    <message>
        <source>对应列</source>
        <translation>Map columns</translation>
    </message>
    <message>
        <source>已自动对应能识别的列标题。请为其余的列选择字段，或选择“不导入”。带 * 的字段必须有对应的列。</source>
        <translation>Recognised column headers are mapped already. Choose a field for each other column, or “Do not import”. Fields marked * need a column.</translation>
    </message>
    <message>
        <source>载入对应模板…</source>
        <translation>Load mapping template…</translation>
    </message>
    <message>
        <source>保存为对应模板…</source>
        <translation>Save as mapping template…</translation>
    </message>
    <message>
        <source>（不导入）</source>
        <translation>(Do not import)</translation>
    </message>
    <message>
        <source>对应完整。</source>
        <translation>Every field is mapped.</translation>
    </message>
    <message>
        <source>{0} 列不导入。</source>
        <translation>{0} columns are not imported.</translation>
    </message>
    <message>
        <source>载入对应模板</source>
        <translation>Load mapping template</translation>
    </message>
    <message>
        <source>保存对应模板</source>
        <translation>Save mapping template</translation>
    </message>
    <message>
        <source>导入对应模板.json</source>
        <translation>import mapping.json</translation>
    </message>
    <message>
        <source>已保存对应模板：{0}</source>
        <translation>Mapping template saved: {0}</translation>
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
    <name>Objections</name>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>收到日期</source>
        <translation>Received on</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>当前环节</source>
        <translation>Current stage</translation>
    </message>
    <message>
        <source>办理期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>异议理由</source>
        <translation>Grounds</translation>
    </message>
    <message>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>核查结论</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>书面答复</source>
        <translation>Written reply</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <source>评优评先</source>
        <translation>Awards</translation>
    </message>
    <message>
        <source>适用政策版本</source>
        <translation>Policy version</translation>
    </message>
    <message>
        <source>申请日期</source>
        <translation>Applied on</translation>
    </message>
    <message>
        <source>决定理由</source>
        <translation>Reason for the decision</translation>
    </message>
    <message>
        <source>申请说明</source>
        <translation>Statement</translation>
    </message>
    <message>
        <source>修复效果</source>
        <translation>Effects</translation>
    </message>
    <message>
        <source>异议期间仍限制（审核员决定）：{reason}</source>
        <translation>Still barred during the objection (reviewer&apos;s decision): {reason}</translation>
    </message>
    <message>
        <source>异议期间不作限制</source>
        <translation>Not barred during the objection</translation>
    </message>
    <message>
        <source>* 该年度节假日安排尚未收录，期限按周末推算；请在政策设置中补录。</source>
        <translation>* The public holidays of that year are not on file, so the deadline counts weekends only; add them under Policy settings.</translation>
    </message>
    <message>
        <source>{purpose}：{file}</source>
        <translation>{purpose}: {file}</translation>
    </message>
    <message>
        <source>&#x3000;</source>
        <translation> — </translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>以下文件已不存在或无法读取，请重新选择：{files}</source>
        <translation>These files are gone or cannot be read; choose them again: {files}</translation>
    </message>
    <message>
        <source>{name}：{value}</source>
        <translation>{name}: {value}</translation>
    </message>
    <message>
        <source>{name}：
{value}</source>
        <translation>{name}:
{value}</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
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
        <source>决定日期</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <source>事实</source>
        <translation>Facts</translation>
    </message>
    <message>
        <source>文字</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>证据材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>履行义务证明</source>
        <translation>Proof of obligations met</translation>
    </message>
    <message>
        <source>信用修复承诺书</source>
        <translation>Credit repair commitment letter</translation>
    </message>
    <message>
        <source>（逾期{n}个工作日）</source>
        <translation> ({n} working days late)</translation>
    </message>
    <message>
        <source>（已逾期）</source>
        <translation> (overdue)</translation>
    </message>
    <message>
        <source>办理日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>更正内容</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>诚信记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>异议</source>
        <translation>Objection</translation>
    </message>
    <message>
        <source>修复申请</source>
        <translation>Repair application</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>履行义务</source>
        <translation>Obligations met</translation>
    </message>
    <message>
        <source>政策设置</source>
        <translation>Policy settings</translation>
    </message>
    <message>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>该异议当前的状态不允许此操作（可能已被他人办理，请刷新）。</source>
        <translation>The objection&apos;s current state does not allow this (someone else may have handled it; refresh).</translation>
    </message>
    <message>
        <source>该记录已撤销，不能再提出异议。</source>
        <translation>The record is revoked; it can no longer be objected to.</translation>
    </message>
    <message>
        <source>只能对已生效的记录提出异议。</source>
        <translation>Only a record in effect can be objected to.</translation>
    </message>
    <message>
        <source>该记录已有正在办理的异议。</source>
        <translation>The record already has an open objection.</translation>
    </message>
    <message>
        <source>该记录有正在办理的信用修复申请，请先办结。</source>
        <translation>The record has an open credit repair application; close it first.</translation>
    </message>
    <message>
        <source>该记录正在异议处理中，只能通过异议办结更改。</source>
        <translation>The record is under objection; it can only be changed by closing the objection.</translation>
    </message>
    <message>
        <source>该修复申请当前的状态不允许此操作（可能已被他人办理，请刷新）。</source>
        <translation>The application&apos;s current state does not allow this (someone else may have handled it; refresh).</translation>
    </message>
    <message>
        <source>只有失信记录可以申请信用修复。</source>
        <translation>Only a dishonesty record can be repaired.</translation>
    </message>
    <message>
        <source>只有已生效的记录可以申请信用修复。</source>
        <translation>Only a record in effect can be repaired.</translation>
    </message>
    <message>
        <source>该记录正在异议处理中，异议办结后才能申请信用修复。</source>
        <translation>The record is under objection; apply for credit repair once the objection is closed.</translation>
    </message>
    <message>
        <source>该记录已有正在办理的信用修复申请。</source>
        <translation>The record already has an open credit repair application.</translation>
    </message>
    <message>
        <source>尚未收录该年度的节假日安排，请在政策设置中补录。</source>
        <translation>The public holidays of that year are not on file; add them under Policy settings.</translation>
    </message>
    <message>
        <source>未到最短公示期，该记录可于{day}起申请信用修复。</source>
        <translation>The shortest publication period has not passed; credit repair can be applied for from {day}.</translation>
    </message>
    <message>
        <source>处分期未满，该记录可于{day}起申请信用修复。</source>
        <translation>The sanction period has not ended; credit repair can be applied for from {day}.</translation>
    </message>
    <message>
        <source>{field}不能早于上一环节的日期。</source>
        <translation>{field} cannot be before the date of the previous step.</translation>
    </message>
    <message>
        <source>{field}不能早于记录的决定日期。</source>
        <translation>{field} cannot be before the record&apos;s decision date.</translation>
    </message>
    <message>
        <source>{field}不能晚于今天。</source>
        <translation>{field} cannot be after today.</translation>
    </message>
    <message>
        <source>更正内容与原记录相同；如无需更正，请选择“维持”。</source>
        <translation>The correction equals the record; if nothing needs correcting, choose “Upheld”.</translation>
    </message>
    <message>
        <source>选择“更正”时请填写更正后的内容。</source>
        <translation>With “Corrected”, fill in the corrected content.</translation>
    </message>
    <message>
        <source>所选文件是空的。</source>
        <translation>The chosen file is empty.</translation>
    </message>
    <message>
        <source>文件过大（每个文件不超过 20 MB）。</source>
        <translation>The file is too large (at most 20 MB each).</translation>
    </message>
    <message>
        <source>无法读取所选文件（已被移动、删除，或没有读取权限）。</source>
        <translation>The chosen file cannot be read (it was moved or deleted, or may not be read).</translation>
    </message>
    <message>
        <source>评优限制已是所选状态。</source>
        <translation>The awards restriction is already as chosen.</translation>
    </message>
    <message>
        <source>没有修改任何设置。</source>
        <translation>No setting was changed.</translation>
    </message>
    <message>
        <source>请附上签署的信用修复承诺书。</source>
        <translation>Attach the signed credit repair commitment letter.</translation>
    </message>
    <message>
        <source>请填写{field}。</source>
        <translation>Please fill in: {field}.</translation>
    </message>
    <message>
        <source>申请人须已履行决定规定的义务。</source>
        <translation>The applicant must have met the obligations the decision set.</translation>
    </message>
    <message>
        <source>请附上{field}（至少一个文件）。</source>
        <translation>Attach the {field} (at least one file).</translation>
    </message>
    <message>
        <source>{field}超出允许的范围。</source>
        <translation>{field} is out of range.</translation>
    </message>
    <message>
        <source>找不到该{field}，请刷新。</source>
        <translation>{field} not found; refresh.</translation>
    </message>
    <message>
        <source>设置项 {field} 的值不正确。</source>
        <translation>The value of setting {field} is not valid.</translation>
    </message>
</context>
<context>
    <name>ObjectionsPage</name>
    <message>
        <source>异议与信用修复</source>
        <translation>Objections and credit repair</translation>
    </message>
    <message>
        <source>异议</source>
        <translation>Objections</translation>
    </message>
    <message>
        <source>信用修复</source>
        <translation>Credit repair</translation>
    </message>
    <message>
        <source>政策设置</source>
        <translation>Policy settings</translation>
    </message>
    <message>
        <source>您的角色无权查看诚信记录，只能查看政策设置。</source>
        <translation>Your role may not read records; it can only view the policy settings.</translation>
    </message>
    <message>
        <source>办理中的异议 {a} 件（逾期 {b} 件）；办理中的修复申请 {c} 件（逾期 {d} 件）</source>
        <translation>Open objections: {a} ({b} overdue); open repair applications: {c} ({d} overdue)</translation>
    </message>
    <message>
        <source>无法识别该表单。</source>
        <translation>The form is not recognised.</translation>
    </message>
    <message>
        <source>您的角色无权办理此步骤。</source>
        <translation>Your role may not take this step.</translation>
    </message>
    <message>
        <source>该事项已进入其他环节或已办结（当前状态：{state}），此步骤不能再办理。</source>
        <translation>The case has moved on or is closed (current state: {state}); this step can no longer be taken.</translation>
    </message>
</context>
<context>
    <name>ObjectionsTab</name>
    <message>
        <source>只有录入员可以办理此步骤。</source>
        <translation>Only a clerk may take this step.</translation>
    </message>
    <message>
        <source>只有审核员可以作出此决定。</source>
        <translation>Only a reviewer may take this decision.</translation>
    </message>
    <message>
        <source>登记异议…</source>
        <translation>Register objection…</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>不予受理…</source>
        <translation>Refuse…</translation>
    </message>
    <message>
        <source>转提供单位核查</source>
        <translation>Refer for verification</translation>
    </message>
    <message>
        <source>办结…</source>
        <translation>Close…</translation>
    </message>
    <message>
        <source>评优限制…</source>
        <translation>Awards restriction…</translation>
    </message>
    <message>
        <source>添加证据…</source>
        <translation>Add evidence…</translation>
    </message>
    <message>
        <source>另存附件…</source>
        <translation>Save attachment…</translation>
    </message>
    <message>
        <source>受理异议</source>
        <translation>Accept objection</translation>
    </message>
    <message>
        <source>转核查</source>
        <translation>Refer</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>书面答复：</source>
        <translation>Written reply:</translation>
    </message>
    <message>
        <source>异议期间仍限制评优评先</source>
        <translation>Keep barring from awards during the objection</translation>
    </message>
    <message>
        <source>异议期间不作限制（默认）</source>
        <translation>No restriction during the objection (default)</translation>
    </message>
    <message>
        <source>评优评先限制</source>
        <translation>Awards restriction</translation>
    </message>
    <message>
        <source>理由：</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>选择证据文件</source>
        <translation>Choose evidence files</translation>
    </message>
    <message>
        <source>无法添加</source>
        <translation>Could not add</translation>
    </message>
    <message>
        <source>{name}&#x3000;{doc}&#x3000;{state}</source>
        <translation>{name} — {doc} — {state}</translation>
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
    <name>OptionsPage</name>
    <message>
        <source>编码与工作表</source>
        <translation>Encoding and sheet</translation>
    </message>
    <message>
        <source>请核对下面的预览。若出现乱码，请换一种编码；Excel 文件可选择工作表。</source>
        <translation>Check the preview below. If the text is garbled, choose another encoding; for an Excel file, choose the sheet.</translation>
    </message>
    <message>
        <source>编码</source>
        <translation>Encoding</translation>
    </message>
    <message>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>自动识别</source>
        <translation>detected</translation>
    </message>
    <message>
        <source>UTF-8（带 BOM）</source>
        <translation>UTF-8 (with BOM)</translation>
    </message>
    <message>
        <source>指定</source>
        <translation>chosen</translation>
    </message>
    <message>
        <source>CSV 文件，编码 {0}（{1}），标题在第 {2} 行。</source>
        <translation>CSV file, encoding {0} ({1}), headers on line {2}.</translation>
    </message>
    <message>
        <source>Excel 文件，工作表“{0}”，标题在第 {1} 行。</source>
        <translation>Excel file, sheet “{0}”, headers on line {1}.</translation>
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
        <source>您的角色无权打印档案。</source>
        <translation>Your role may not print files.</translation>
    </message>
    <message>
        <source>打印档案</source>
        <translation>Print file</translation>
    </message>
    <message>
        <source>正在生成档案…</source>
        <translation>Rendering the file…</translation>
    </message>
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
        <translation>Objections &amp;&amp; repair</translation>
    </message>
    <message>
        <source>历史</source>
        <translation>History</translation>
    </message>
    <message>
        <source>此安装缺少 QtPdf 组件，无法预览；可在人员列表用“批量打印”生成PDF。</source>
        <translation>This installation lacks the QtPdf component, so there is no preview; use “Batch print” in the person list to make PDFs.</translation>
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
        <source>批量打印…</source>
        <translation>Batch print…</translation>
    </message>
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
    <message>
        <source>导入…</source>
        <translation>Import…</translation>
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
    <name>PolicySettingsWidget</name>
    <message>
        <source>轻微失信信息公示期</source>
        <translation>Publication: minor dishonesty</translation>
    </message>
    <message>
        <source>一般失信信息公示期</source>
        <translation>Publication: ordinary dishonesty</translation>
    </message>
    <message>
        <source>严重失信信息公示期</source>
        <translation>Publication: serious dishonesty</translation>
    </message>
    <message>
        <source>公示</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>最短公示期（月）</source>
        <translation>Shortest period (months)</translation>
    </message>
    <message>
        <source>最长公示期（月）</source>
        <translation>Longest period (months)</translation>
    </message>
    <message>
        <source>处分期</source>
        <translation>Sanction periods</translation>
    </message>
    <message>
        <source>警告处分期（月）</source>
        <translation>Warning (months)</translation>
    </message>
    <message>
        <source>记过处分期（月）</source>
        <translation>Demerit (months)</translation>
    </message>
    <message>
        <source>记大过处分期（月）</source>
        <translation>Major demerit (months)</translation>
    </message>
    <message>
        <source>降级处分期（月）</source>
        <translation>Demotion (months)</translation>
    </message>
    <message>
        <source>撤职处分期（月）</source>
        <translation>Removal from post (months)</translation>
    </message>
    <message>
        <source>异议处理期限</source>
        <translation>Objection deadlines</translation>
    </message>
    <message>
        <source>受理（工作日）</source>
        <translation>Acceptance (workdays)</translation>
    </message>
    <message>
        <source>自查（工作日）</source>
        <translation>Self-check (workdays)</translation>
    </message>
    <message>
        <source>提供单位核查（工作日）</source>
        <translation>Issuer&apos;s verification (workdays)</translation>
    </message>
    <message>
        <source>信用修复期限</source>
        <translation>Credit repair deadlines</translation>
    </message>
    <message>
        <source>决定是否受理（工作日）</source>
        <translation>Acceptance decision (workdays)</translation>
    </message>
    <message>
        <source>作出修复决定（工作日）</source>
        <translation>Repair decision (workdays)</translation>
    </message>
    <message>
        <source>培训要求</source>
        <translation>Training norms</translation>
    </message>
    <message>
        <source>乡科级及以下每年（天）</source>
        <translation>Section and below: days a year</translation>
    </message>
    <message>
        <source>乡科级及以下每年（学时）</source>
        <translation>Section and below: hours a year</translation>
    </message>
    <message>
        <source>县处级及以上五年（月）</source>
        <translation>Division and above: months in 5 years</translation>
    </message>
    <message>
        <source>县处级及以上五年（学时）</source>
        <translation>Division and above: hours in 5 years</translation>
    </message>
    <message>
        <source>脱产培训请假上限（学时的几分之一）</source>
        <translation>Full-time leave limit (1/n of hours)</translation>
    </message>
    <message>
        <source>内置默认值（DESIGN.md §4）</source>
        <translation>Built-in defaults (DESIGN.md §4)</translation>
    </message>
    <message>
        <source>版本：</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>{0}：</source>
        <translation>{0}:</translation>
    </message>
    <message>
        <source>修改依据（如文件文号），必填</source>
        <translation>Basis of the change (e.g. a document number), required</translation>
    </message>
    <message>
        <source>保存为新版本</source>
        <translation>Save as new version</translation>
    </message>
    <message>
        <source>修改只影响此后作出的决定；已作出的决定保留其适用的政策版本。</source>
        <translation>A change affects only decisions taken from now on; decisions already taken keep their policy version.</translation>
    </message>
    <message>
        <source>只有负责整个档案库的管理员可以修改政策设置。</source>
        <translation>Only an administrator who works on the whole archive may change the policy settings.</translation>
    </message>
    <message>
        <source>补录节假日安排（日历尚未收录的年度）</source>
        <translation>Holidays of years not in the calendar</translation>
    </message>
    <message>
        <source>放假的工作日，如 2027-01-01,2027-02-08</source>
        <translation>Weekdays off, e.g. 2027-01-01,2027-02-08</translation>
    </message>
    <message>
        <source>调休上班的周末，如 2027-02-06</source>
        <translation>Weekend days worked, e.g. 2027-02-06</translation>
    </message>
    <message>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>放假日期：</source>
        <translation>Days off:</translation>
    </message>
    <message>
        <source>调休上班：</source>
        <translation>Days worked:</translation>
    </message>
    <message>
        <source>第 {n} 版</source>
        <translation>Version {n}</translation>
    </message>
    <message>
        <source>{when}&#x3000;{by}&#x3000;依据：{note}</source>
        <translation>{when} — {by} — basis: {note}</translation>
    </message>
    <message>
        <source>已保存为第 {n} 版。</source>
        <translation>Saved as version {n}.</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>公示</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>公示版不含身份证号全号等内部信息</source>
        <translation>The public version leaves out internal details such as the full ID number</translation>
    </message>
    <message>
        <source>共 {0} 页</source>
        <translation>{0} pages</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>内部审查</source>
        <translation>Internal review</translation>
    </message>
    <message>
        <source>导出PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>导出PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>已发送 {0} 页到打印机。</source>
        <translation>Sent {0} pages to the printer.</translation>
    </message>
    <message>
        <source>已导出：{0}</source>
        <translation>Exported: {0}</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>打印档案</source>
        <translation>Print file</translation>
    </message>
    <message>
        <source>打印预览</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>无法打开打印机。</source>
        <translation>The printer could not be opened.</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>正在生成…</source>
        <translation>Rendering…</translation>
    </message>
    <message>
        <source>正在生成档案…</source>
        <translation>Rendering the file…</translation>
    </message>
    <message>
        <source>版本：</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>验证码：{0}</source>
        <translation>Verification code: {0}</translation>
    </message>
</context>
<context>
    <name>ProcedureTab</name>
    <message>
        <source>办理中</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>显示：</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>{name}（{size} B）</source>
        <translation>{name} ({size} B)</translation>
    </message>
    <message>
        <source>另存附件</source>
        <translation>Save attachment</translation>
    </message>
    <message>
        <source>选择要另存的文件：</source>
        <translation>Choose the file to save:</translation>
    </message>
    <message>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>共 {n} 件</source>
        <translation>Total: {n}</translation>
    </message>
</context>
<context>
    <name>QuarantinePanel</name>
    <message>
        <source>这些来自其他设备的更改未通过核验，没有写入档案库。它们只供查看；如有疑问，请把原因告知上级单位。</source>
        <translation>These changes from other devices failed verification and were not written to the archive. They are shown for information; if in doubt, tell headquarters the reason.</translation>
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
    <name>RecordPicker</name>
    <message>
        <source>输入身份证号后按回车</source>
        <translation>Type an ID number and press Enter</translation>
    </message>
    <message>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>{name}&#x3000;{unit}&#x3000;可选记录 {n} 条</source>
        <translation>{name} — {unit} — {n} records to choose from</translation>
    </message>
    <message>
        <source>{day}&#x3000;{kind}&#x3000;{doc}&#x3000;{state}</source>
        <translation>{day} — {kind} — {doc} — {state}</translation>
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
    <name>ReminderBanner</name>
    <message>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>请立即同步，或导出离线包交给上级单位。</source>
        <translation> Please sync now, or export an offline bundle for headquarters.</translation>
    </message>
    <message>
        <source>请联系管理员同步。</source>
        <translation> Please ask the administrator to sync.</translation>
    </message>
    <message>
        <source>本档案库已 {0} 天没有与上级中心库同步。</source>
        <translation>This archive has not synced with the central store for {0} days.</translation>
    </message>
</context>
<context>
    <name>RepairApplyDialog</name>
    <message>
        <source>申请信用修复</source>
        <translation>Apply for credit repair</translation>
    </message>
    <message>
        <source>已履行决定规定的义务（如缴清罚款、完成整改）</source>
        <translation>Obligations met (e.g. fine paid, corrections made)</translation>
    </message>
    <message>
        <source>身份证号：</source>
        <translation>ID number:</translation>
    </message>
    <message>
        <source>申请人：</source>
        <translation>Applicant:</translation>
    </message>
    <message>
        <source>申请日期：</source>
        <translation>Applied on:</translation>
    </message>
    <message>
        <source>履行义务证明：</source>
        <translation>Proof of obligations:</translation>
    </message>
    <message>
        <source>信用修复承诺书：</source>
        <translation>Commitment letter:</translation>
    </message>
    <message>
        <source>申请说明：</source>
        <translation>Statement:</translation>
    </message>
    <message>
        <source>登记申请</source>
        <translation>Register application</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>该记录符合申请信用修复的时间条件。</source>
        <translation>The record meets the time conditions for credit repair.</translation>
    </message>
    <message>
        <source>请先输入身份证号并选择一条已生效的失信记录。</source>
        <translation>Enter an ID number and choose a dishonesty record in effect first.</translation>
    </message>
</context>
<context>
    <name>RepairsTab</name>
    <message>
        <source>只有审核员可以作出此决定。</source>
        <translation>Only a reviewer may take this decision.</translation>
    </message>
    <message>
        <source>申请信用修复…</source>
        <translation>Apply for credit repair…</translation>
    </message>
    <message>
        <source>只有录入员可以登记修复申请。</source>
        <translation>Only a clerk may register a repair application.</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>不予受理…</source>
        <translation>Refuse…</translation>
    </message>
    <message>
        <source>作出决定…</source>
        <translation>Decide…</translation>
    </message>
    <message>
        <source>另存附件…</source>
        <translation>Save attachment…</translation>
    </message>
    <message>
        <source>受理修复申请</source>
        <translation>Accept repair application</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>理由：</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>准予修复</source>
        <translation>Grant repair</translation>
    </message>
    <message>
        <source>不予修复</source>
        <translation>Deny repair</translation>
    </message>
    <message>
        <source>作出修复决定</source>
        <translation>Decide on repair</translation>
    </message>
    <message>
        <source>决定</source>
        <translation>Decide</translation>
    </message>
    <message>
        <source>{name}&#x3000;{doc}&#x3000;{state}</source>
        <translation>{name} — {doc} — {state}</translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <source>报表</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt;&#x3000;{n} 行</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt; — {n} rows</translation>
    </message>
    <message>
        <source>无法导出</source>
        <translation>Could not export</translation>
    </message>
    <message>
        <source>导出报表</source>
        <translation>Export report</translation>
    </message>
</context>
<context>
    <name>ResetPassphraseDialog</name>
    <message>
        <source>重置口令</source>
        <translation>Reset passphrase</translation>
    </message>
    <message>
        <source>为 {0} 设置新口令。旧口令随即失效。请把新口令当面告诉本人，并请其登录后在“账户与维护”中改为只有自己知道的口令。</source>
        <translation>Set a new passphrase for {0}. The old one stops working at once. Tell the user the new passphrase in person, and ask them to change it under “Accounts &amp; maintenance” to one only they know.</translation>
    </message>
    <message>
        <source>新口令：</source>
        <translation>New passphrase:</translation>
    </message>
    <message>
        <source>再次输入新口令：</source>
        <translation>Repeat new passphrase:</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <source>撤销诚信记录</source>
        <translation>Revoke integrity record</translation>
    </message>
    <message>
        <source>{kind}&#x3000;{doc}&#x3000;{day}</source>
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
    <name>RosterDialog</name>
    <message>
        <source>自动识别</source>
        <translation>Detect automatically</translation>
    </message>
    <message>
        <source>核对名单：%1</source>
        <translation>Check the roster: %1</translation>
    </message>
    <message>
        <source>粘贴的名单</source>
        <translation>Pasted list</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>编码</source>
        <translation>Encoding</translation>
    </message>
    <message>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>无法读取</source>
        <translation>Cannot read</translation>
    </message>
    <message>
        <source>共 {lines} 行：导入 {import} 行，不导入 {left_out} 行</source>
        <translation>{lines} lines: {import} to import, {left_out} left out</translation>
    </message>
    <message>
        <source>；还有 {open} 行待处理（红色，按 F8 跳到下一行）</source>
        <translation>; {open} lines still need a choice (red; F8 goes to the next)</translation>
    </message>
    <message>
        <source>。未使用的列：</source>
        <translation>. Columns not used: </translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>未导入</source>
        <translation>Nothing imported</translation>
    </message>
    <message>
        <source>名单中的人员都没有导入。</source>
        <translation>No one on the list was imported.</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>先备份档案，再一次性写入：中途出错或取消，档案保持原样。</source>
        <translation>The archive is backed up first, then written at once: after an error or a cancel it stays as it was.</translation>
    </message>
    <message>
        <source>取消导入</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <source>正在备份并导入，请稍候…</source>
        <translation>Backing up and importing, please wait…</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>导入完成：新增 {0}，更新 {1}。</source>
        <translation>Import finished: {0} new, {1} updated.</translation>
    </message>
    <message>
        <source>已跳过有误的 {0} 行。</source>
        <translation>Skipped {0} lines with errors.</translation>
    </message>
    <message>
        <source>导入前的备份：{0}</source>
        <translation>Backup taken before the import: {0}</translation>
    </message>
    <message>
        <source>档案在检查之后有了变化，请返回重新检查。</source>
        <translation>The archive changed after the check; go back and check again.</translation>
    </message>
    <message>
        <source>未导入：</source>
        <translation>Not imported: </translation>
    </message>
    <message>
        <source>档案没有任何改动。</source>
        <translation>The archive is unchanged.</translation>
    </message>
    <message>
        <source>未导入：发生了意外错误，档案没有任何改动。</source>
        <translation>Not imported: an unexpected error occurred; the archive is unchanged.</translation>
    </message>
    <message>
        <source>已取消，档案没有任何改动。</source>
        <translation>Cancelled; the archive is unchanged.</translation>
    </message>
</context>
<context>
    <name>RunPanel</name>
    <message>
        <source>同步状态</source>
        <translation>Sync status</translation>
    </message>
    <message>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>待同步更改：</source>
        <translation>Pending changes:</translation>
    </message>
    <message>
        <source>上次同步：</source>
        <translation>Last sync:</translation>
    </message>
    <message>
        <source>未处理冲突：</source>
        <translation>Open conflicts:</translation>
    </message>
    <message>
        <source>自动同步：</source>
        <translation>Automatic sync:</translation>
    </message>
    <message>
        <source>从未同步</source>
        <translation>never</translation>
    </message>
    <message>
        <source>（已 {0} 天未同步）</source>
        <translation> (not synced for {0} days)</translation>
    </message>
    <message>
        <source>由管理员执行</source>
        <translation>run by the administrator</translation>
    </message>
    <message>
        <source>未设置中心库</source>
        <translation>no central store set</translation>
    </message>
    <message>
        <source>等待输入中心库口令</source>
        <translation>waiting for the central store&apos;s password</translation>
    </message>
    <message>
        <source>已停止</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>约 {0} 分钟后</source>
        <translation>in about {0} min</translation>
    </message>
    <message>
        <source>（连续 {0} 次未成功，已延长间隔）</source>
        <translation> ({0} failures in a row; waiting longer)</translation>
    </message>
</context>
<context>
    <name>ScopeDialog</name>
    <message>
        <source>限定单位</source>
        <translation>Limit to units</translation>
    </message>
    <message>
        <source>{0} 可以查看和处理哪些单位的档案：</source>
        <translation>Whose files {0} may see and work on:</translation>
    </message>
    <message>
        <source>整个档案库</source>
        <translation>The whole archive</translation>
    </message>
    <message>
        <source>仅限勾选的单位（包括其下级单位）</source>
        <translation>Only the ticked units (with the units below them)</translation>
    </message>
    <message>
        <source>您只负责部分单位，不能授予整个档案库。</source>
        <translation>You work on some units only, so you cannot give the whole archive.</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请至少勾选一个单位，或选择“整个档案库”。</source>
        <translation>Tick at least one unit, or choose “The whole archive”.</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>新建期次</source>
        <translation>New session</translation>
    </message>
    <message>
        <source>课程</source>
        <translation>Course</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>授课人</source>
        <translation>Trainer</translation>
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
        <source>{name}（{role}）</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <source>当前用户：</source>
        <translation>Signed in as:</translation>
    </message>
    <message>
        <source>关于…</source>
        <translation>About…</translation>
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
    <name>StepDialog</name>
    <message>
        <source>决定：</source>
        <translation>Decision:</translation>
    </message>
    <message>
        <source>日期：</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SyncErrors</name>
    <message>
        <source>中心库拒绝登录：口令不正确，或本机的登录已被上级单位停用。</source>
        <translation>The central store refused the login: the password is wrong, or headquarters disabled this device&apos;s login.</translation>
    </message>
    <message>
        <source>无法连接中心库：网络不通、服务器未开启或地址有误。程序会稍后自动重试。</source>
        <translation>Cannot reach the central store: no network, the server is down, or the address is wrong. The program will try again later.</translation>
    </message>
    <message>
        <source>找不到中心库：该位置没有中心库文件，请核对地址（中心库由上级单位建立）。</source>
        <translation>No central store found: there is no central store file there. Check the address (headquarters creates the central store).</translation>
    </message>
    <message>
        <source>本机尚未在中心库登记：请把“保存本机公钥文件”得到的文件交给上级单位办理登记。</source>
        <translation>This device is not enrolled at the central store: give headquarters the file from “Save this device&apos;s public key file” to enroll it.</translation>
    </message>
    <message>
        <source>中心库尚未初始化，请联系上级单位。</source>
        <translation>The central store is not set up yet; contact headquarters.</translation>
    </message>
    <message>
        <source>中心库出错或连接中断，同步未完成。本机档案库完好，已同步的部分已保存，下次同步会接着进行。</source>
        <translation>The central store failed or the connection dropped, so the sync did not finish. This archive is intact and keeps what was already synced; the next sync carries on.</translation>
    </message>
    <message>
        <source>本机已被上级单位撤销，不能再同步。请联系上级单位。</source>
        <translation>Headquarters revoked this device; it can no longer sync. Contact headquarters.</translation>
    </message>
    <message>
        <source>上级单位已将本档案库标记为异常（审计历史不一致），请先联系上级单位核查。</source>
        <translation>Headquarters flagged this archive (its audit history does not match); contact headquarters before syncing again.</translation>
    </message>
    <message>
        <source>本档案库的审计历史与中心库记录不符（可能是从旧副本恢复的），同步已停止，并已通知上级单位。</source>
        <translation>This archive&apos;s audit history does not match the central store&apos;s record (was it restored from an older copy?). Sync stopped and headquarters was alerted.</translation>
    </message>
    <message>
        <source>中心库地址的格式不正确。</source>
        <translation>The central store address is not valid.</translation>
    </message>
    <message>
        <source>所选的公钥文件不存在。</source>
        <translation>The chosen key file does not exist.</translation>
    </message>
    <message>
        <source>所选文件不是上级单位的公钥文件。</source>
        <translation>The chosen file is not headquarters&apos; public key file.</translation>
    </message>
    <message>
        <source>这个回执包已经导入过（重复或较旧的数据包），未做任何更改。</source>
        <translation>This return bundle was already imported (a repeated or older bundle); nothing was changed.</translation>
    </message>
    <message>
        <source>缺少更早的回执包：请按编号顺序导入，未做任何更改。</source>
        <translation>An earlier return bundle is missing: import them in order. Nothing was changed.</translation>
    </message>
    <message>
        <source>这个回执包与上次导入的不衔接，未做任何更改。</source>
        <translation>This return bundle does not follow the one imported last; nothing was changed.</translation>
    </message>
    <message>
        <source>这个数据包是发给其他单位的，未做任何更改。</source>
        <translation>This bundle is addressed to someone else; nothing was changed.</translation>
    </message>
    <message>
        <source>这不是上级单位发来的回执包。</source>
        <translation>This is not a return bundle from headquarters.</translation>
    </message>
    <message>
        <source>本档案库还没有导出过离线包，无法核验回执包：请先导出离线包。</source>
        <translation>This archive has never exported a bundle, so it cannot check a return bundle: export one first.</translation>
    </message>
    <message>
        <source>所选的上级单位公钥与以前使用的不同，请核对公钥文件。</source>
        <translation>This headquarters key differs from the one used before; check the key file.</translation>
    </message>
    <message>
        <source>数据包的签名不符：文件可能被篡改或伪造，未做任何更改。</source>
        <translation>The bundle&apos;s signature does not match: it may have been altered or forged. Nothing was changed.</translation>
    </message>
    <message>
        <source>数据包不完整或已损坏，未做任何更改。</source>
        <translation>The bundle is incomplete or damaged; nothing was changed.</translation>
    </message>
    <message>
        <source>该地址不是中心库（缺少中心库的数据表），请核对地址。</source>
        <translation>This address is not a central store (its tables are missing); check the address.</translation>
    </message>
    <message>
        <source>本机档案库读写失败（磁盘已满或出错），同步未完成。已同步的部分已保存；请释放磁盘空间，或在“审计”页校验档案库，然后重新同步。</source>
        <translation>This computer&apos;s archive could not be read or written (the disk is full or failing), so the sync did not finish. What was already synced is kept. Free some disk space, or check the archive on the Audit page, then sync again.</translation>
    </message>
    <message>
        <source>本机档案库读写失败（磁盘已满或出错），操作未完成，已保存的内容不受影响。请释放磁盘空间，或在“审计”页校验档案库。</source>
        <translation>This computer&apos;s archive could not be read or written (the disk is full or failing), so the action did not finish; what was saved before is not affected. Free some disk space, or check the archive on the Audit page.</translation>
    </message>
    <message>
        <source>数据包被拒绝，未做任何更改。</source>
        <translation>The bundle was refused; nothing was changed.</translation>
    </message>
    <message>
        <source>同步未能完成。</source>
        <translation>The sync did not finish.</translation>
    </message>
    <message>
        <source>无法读写文件：{0}</source>
        <translation>Cannot read or write the file: {0}</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>只有管理员可以执行同步。</source>
        <translation>Only an administrator may sync.</translation>
    </message>
    <message>
        <source>同步冲突涉及档案内容，您的角色无权查看。</source>
        <translation>Sync conflicts show file contents, which your role may not see.</translation>
    </message>
    <message>
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>离线数据包</source>
        <translation>Offline bundles</translation>
    </message>
    <message>
        <source>请先填写中心库地址并保存。</source>
        <translation>Enter and save the central store&apos;s address first.</translation>
    </message>
    <message>
        <source>冲突（{0}）</source>
        <translation>Conflicts ({0})</translation>
    </message>
    <message>
        <source>隔离的更改（{0}）</source>
        <translation>Quarantined changes ({0})</translation>
    </message>
    <message>
        <source>同步已取消。已完成的部分已保存，下次同步会从中断处继续。</source>
        <translation>Sync cancelled. What was done is kept; the next sync continues where this one stopped.</translation>
    </message>
</context>
<context>
    <name>SyncTexts</name>
    <message>
        <source>正在发送本机的更改…</source>
        <translation>Sending this archive&apos;s changes…</translation>
    </message>
    <message>
        <source>正在接收中心库的更改…</source>
        <translation>Receiving changes from the central store…</translation>
    </message>
    <message>
        <source>正在导出离线包…</source>
        <translation>Exporting the offline bundle…</translation>
    </message>
    <message>
        <source>正在检查回执包…</source>
        <translation>Checking the return bundle…</translation>
    </message>
    <message>
        <source>正在导入回执包…</source>
        <translation>Importing the return bundle…</translation>
    </message>
    <message>
        <source>正在连接中心库…</source>
        <translation>Connecting to the central store…</translation>
    </message>
    <message>
        <source>签名不符（内容可能在途中被改动）</source>
        <translation>Bad signature (the content may have been altered on the way)</translation>
    </message>
    <message>
        <source>来自未登记的设备</source>
        <translation>From an unenrolled device</translation>
    </message>
    <message>
        <source>来自已被撤销的设备</source>
        <translation>From a revoked device</translation>
    </message>
    <message>
        <source>发送设备与更改中记载的设备不一致</source>
        <translation>The sending device differs from the one in the change</translation>
    </message>
    <message>
        <source>内容格式损坏</source>
        <translation>Malformed content</translation>
    </message>
    <message>
        <source>这类数据不参与同步</source>
        <translation>This kind of data is not synchronised</translation>
    </message>
    <message>
        <source>所修改的对象不在本档案库中</source>
        <translation>The changed object is not in this archive</translation>
    </message>
    <message>
        <source>超出该设备的数据范围</source>
        <translation>Outside the device&apos;s scope</translation>
    </message>
    <message>
        <source>发送 {0} 项更改</source>
        <translation>sent {0} changes</translation>
    </message>
    <message>
        <source>{0} 项中心库已有</source>
        <translation>{0} already at the central store</translation>
    </message>
    <message>
        <source>接收 {0} 项，应用 {1} 项</source>
        <translation>received {0}, applied {1}</translation>
    </message>
    <message>
        <source>新增冲突 {0} 项</source>
        <translation>{0} new conflicts</translation>
    </message>
    <message>
        <source>隔离 {0} 项</source>
        <translation>{0} quarantined</translation>
    </message>
    <message>
        <source>用时 {0} 秒</source>
        <translation>{0} s</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>同步完成：{0}（{1}）。</source>
        <translation>Sync finished: {0} ({1}).</translation>
    </message>
    <message>
        <source>已导出第 {0} 号离线包（{1} 项更改）：{2}。请交给上级单位导入。</source>
        <translation>Exported offline bundle no. {0} ({1} changes): {2}. Hand it to headquarters for import.</translation>
    </message>
    <message>
        <source>第 {0} 号回执包，含 {1} 项更改：将应用 {2} 项，本机已有 {3} 项，隔离 {4} 项，产生冲突 {5} 项。</source>
        <translation>Return bundle no. {0} with {1} changes: {2} will be applied, {3} are already here, {4} quarantined, {5} conflicts.</translation>
    </message>
    <message>
        <source>已导入第 {0} 号回执包：应用 {1} 项，已有 {2} 项，隔离 {3} 项，冲突 {4} 项。</source>
        <translation>Imported return bundle no. {0}: {1} applied, {2} already here, {3} quarantined, {4} conflicts.</translation>
    </message>
</context>
<context>
    <name>Training</name>
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
        <source>请假学时</source>
        <translation>Leave hours</translation>
    </message>
    <message>
        <source>获得学时</source>
        <translation>Hours earned</translation>
    </message>
    <message>
        <source>获得天数</source>
        <translation>Days earned</translation>
    </message>
    <message>
        <source>成绩</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>证书编号</source>
        <translation>Certificate no.</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>情况</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>处理</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>请选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>{status}：{field}</source>
        <translation>{status}: {field}</translation>
    </message>
    <message>
        <source>跳过此行</source>
        <translation>Skip this line</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>不导入</source>
        <translation>Leave out</translation>
    </message>
    <message>
        <source>可导入此人（不带该行的请假、成绩），再在成绩表中填写；或跳过此行。</source>
        <translation>Import the person (without the line&apos;s leave and result) and fill those in the grid, or skip the line.</translation>
    </message>
    <message>
        <source>请选择名单所指的人员，或跳过此行（之后可用“添加学员”另行添加）。</source>
        <translation>Choose the person the line means, or skip the line (and add them later with “Add attendees”).</translation>
    </message>
    <message>
        <source>课程名称</source>
        <translation>Course title</translation>
    </message>
    <message>
        <source>主题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>培训方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>学时</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>天数</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>主办单位</source>
        <translation>Organizer</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>授课人</source>
        <translation>Trainer</translation>
    </message>
    <message>
        <source>文件编码</source>
        <translation>File encoding</translation>
    </message>
    <message>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>课程</source>
        <translation>Course</translation>
    </message>
    <message>
        <source>期次</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>学员记录</source>
        <translation>Attendance record</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>标题行</source>
        <translation>Header row</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>文件是空的。</source>
        <translation>The file is empty.</translation>
    </message>
    <message>
        <source>文件只有标题行，没有学员。</source>
        <translation>The file has a header row but no data rows.</translation>
    </message>
    <message>
        <source>这不是文本表格文件（可能是改了扩展名的 Excel、PDF 或图片）。Excel 文件请保存为 .xlsx 后选择。</source>
        <translation>This is not a text table (perhaps an Excel file, a PDF or an image with another extension). Save an Excel file as .xlsx and choose that.</translation>
    </message>
    <message>
        <source>不支持这种文件格式，请另存为 .xlsx 或 CSV。</source>
        <translation>This file format is not supported; save it as .xlsx or CSV.</translation>
    </message>
    <message>
        <source>无法识别文件编码，请在“编码”中选择 GBK、GB18030 或 UTF-8。</source>
        <translation>The file&apos;s encoding was not recognised; choose GBK, GB18030 or UTF-8 under “Encoding”.</translation>
    </message>
    <message>
        <source>工作簿中没有这个工作表。</source>
        <translation>The workbook has no such sheet.</translation>
    </message>
    <message>
        <source>找不到标题行，或标题重复、为空。名单需有“姓名”或“身份证号”列。</source>
        <translation>No header row found, or a header is repeated or empty. A roster needs a name column (“姓名” or “name”) or an ID number column (“身份证号” or “id_number”).</translation>
    </message>
    <message>
        <source>单元格 {field} 是公式，请复制后“粘贴为数值”再导入。</source>
        <translation>Cell {field} holds a formula; copy it, “Paste Special → Values”, then import again.</translation>
    </message>
    <message>
        <source>{field} 列的单元格无法导入（长数字请设为文本格式后重输）。</source>
        <translation>A cell of column {field} cannot be imported (format long numbers as text and enter them again).</translation>
    </message>
    <message>
        <source>无法读取该文件。</source>
        <translation>The file cannot be read.</translation>
    </message>
    <message>
        <source>其他用户刚修改过这些成绩，请刷新后重新填写。</source>
        <translation>Another user has just changed these marks; refresh and enter yours again.</translation>
    </message>
    <message>
        <source>{field}填写有误。</source>
        <translation>{field} is not valid.</translation>
    </message>
    <message>
        <source>第 {line} 行：</source>
        <translation>Line {line}: </translation>
    </message>
    <message>
        <source>找不到该{field}。</source>
        <translation>{field} not found.</translation>
    </message>
    <message>
        <source>{field}重复：此人已在本期名单中，或在名单中出现了两次。</source>
        <translation>{field} repeated: the person is already in this session, or appears twice in the list.</translation>
    </message>
    <message>
        <source>您的角色无权执行此操作。</source>
        <translation>Your role may not do this.</translation>
    </message>
    <message>
        <source>{field}须以 0.5 为单位。</source>
        <translation>{field} must be in steps of 0.5.</translation>
    </message>
    <message>
        <source>{field}不能为负数。</source>
        <translation>{field} cannot be negative.</translation>
    </message>
    <message>
        <source>{field}超出允许的范围。</source>
        <translation>{field} is out of range.</translation>
    </message>
    <message>
        <source>{field}须为数字。</source>
        <translation>{field} must be a number.</translation>
    </message>
    <message>
        <source>请填写{field}。</source>
        <translation>Please fill in: {field}.</translation>
    </message>
    <message>
        <source>{field}须大于 0。</source>
        <translation>{field} must be more than 0.</translation>
    </message>
    <message>
        <source>结束日期早于开始日期。</source>
        <translation>The end date is before the start date.</translation>
    </message>
    <message>
        <source>{field}不是有效的日期。</source>
        <translation>{field} is not a valid date.</translation>
    </message>
    <message>
        <source>{field}不是可选的值。</source>
        <translation>{field}: not one of the choices.</translation>
    </message>
    <message>
        <source>名单需有“姓名”或“身份证号”列。</source>
        <translation>A roster needs a name column (“姓名” or “name”) or an ID number column (“身份证号” or “id_number”).</translation>
    </message>
    <message>
        <source>年度培训学时统计</source>
        <translation>Training hours by year</translation>
    </message>
    <message>
        <source>培训未达标名单</source>
        <translation>Training shortfall list</translation>
    </message>
    <message>
        <source>培训签到汇总</source>
        <translation>Attendance summary</translation>
    </message>
    <message>
        <source>职级</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>层级</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>统计期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>应达学时</source>
        <translation>Hours required</translation>
    </message>
    <message>
        <source>应达天数</source>
        <translation>Days required</translation>
    </message>
    <message>
        <source>诚信教育（门）</source>
        <translation>Integrity courses</translation>
    </message>
    <message>
        <source>是否达标</source>
        <translation>Norm met</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>达标</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>未达标</source>
        <translation>Not met</translation>
    </message>
    <message>
        <source>不考核</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>不要求诚信教育课程</source>
        <translation>no integrity course required</translation>
    </message>
    <message>
        <source>只计成绩为“合格”的培训，按期次结束日期所在年度计。</source>
        <translation>Only training marked “Passed” counts, in the year its session ends.</translation>
    </message>
    <message>
        <source>不考核：非在职人员，或当年1月1日以后才建档的人员。</source>
        <translation>Not assessed: persons not serving, or whose file was opened after 1 January of the year.</translation>
    </message>
    <message>
        <source>{year}年培训学时统计</source>
        <translation>Training hours {year}</translation>
    </message>
    <message>
        <source>{year}年培训未达标名单</source>
        <translation>Training shortfall list {year}</translation>
    </message>
    <message>
        <source>{year}年培训签到汇总</source>
        <translation>Attendance summary {year}</translation>
    </message>
    <message>
        <source>范围：{scope}，{n}人</source>
        <translation>Scope: {scope}, {n} persons</translation>
    </message>
    <message>
        <source>范围：{scope}</source>
        <translation>Scope: {scope}</translation>
    </message>
    <message>
        <source>统计截至 {day}（{year}年尚未结束）</source>
        <translation>As of {day} ({year} is not over yet)</translation>
    </message>
    <message>
        <source>{n}人次</source>
        <translation>{n} attendances</translation>
    </message>
    <message>
        <source>乡科级及以下：每年{days}天或{hours}学时；县处级及以上：{years}年累计{months}个月（{window_days}天）或{window_hours}学时；{integrity}。</source>
        <translation>Section level and below: {days} days or {hours} hours a year; division level and above: {months} months ({window_days} days) or {window_hours} hours in {years} years; {integrity}.</translation>
    </message>
    <message>
        <source>每年至少{n}门诚信教育课程</source>
        <translation>integrity courses: at least {n} a year</translation>
    </message>
    <message>
        <source>{year}年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <source>{first}–{last}年</source>
        <translation>{first}–{last}</translation>
    </message>
    <message>
        <source>{period}培训{hours}学时/{days}天，应达{required_hours}学时或{required_days}天</source>
        <translation>{period}: {hours} hours/{days} days of training, {required_hours} hours or {required_days} days required</translation>
    </message>
    <message>
        <source>{year}年诚信教育课程{done}门，应至少{required}门</source>
        <translation>{year}: {done} integrity courses, at least {required} required</translation>
    </message>
    <message>
        <source>{period}培训已达标</source>
        <translation>{period}: training norm met</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <source>您的角色无权查看培训信息。</source>
        <translation>Your role may not see training records.</translation>
    </message>
    <message>
        <source>课程与学员</source>
        <translation>Courses and attendees</translation>
    </message>
    <message>
        <source>统计报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>保存成绩</source>
        <translation>Save marks</translation>
    </message>
    <message>
        <source>本期有未保存的成绩修改，是否保存？</source>
        <translation>This session has unsaved marks. Save them?</translation>
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
<context>
    <name>UnrestoredDraftDialog</name>
    <message>
        <source>未能恢复草稿</source>
        <translation>Draft not restored</translation>
    </message>
    <message>
        <source>锁定前未完成的表单无法重新打开：{reason}
下面是当时填写的内容，可复制后另行使用。</source>
        <translation>The form left open at the lock cannot be reopened: {reason}
Below is what had been typed; copy it to use elsewhere.</translation>
    </message>
    <message>
        <source>复制全部</source>
        <translation>Copy all</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <source>整个档案库</source>
        <translation>The whole archive</translation>
    </message>
    <message>
        <source>在用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Deactivated</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <source>用户</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>为新同事建立账户、为忘记口令的用户重置口令、限定用户负责的单位，或停用离岗人员的账户。停用后建议更换数据密钥，使其手中可能留存的密钥文件副本失效。</source>
        <translation>Add accounts for new colleagues, reset a forgotten passphrase, limit users to units, or deactivate the account of someone who left. After deactivating, rotate the data key so that any copy of the key file they kept stops working.</translation>
    </message>
    <message>
        <source>新增用户…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <source>重置口令…</source>
        <translation>Reset passphrase…</translation>
    </message>
    <message>
        <source>限定单位…</source>
        <translation>Limit to units…</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>该账户已停用。</source>
        <translation>This account is deactivated.</translation>
    </message>
    <message>
        <source>已新增用户 {0}。</source>
        <translation>User {0} added.</translation>
    </message>
    <message>
        <source>已为 {0} 重置口令。</source>
        <translation>Passphrase of {0} reset.</translation>
    </message>
    <message>
        <source>已更新 {0} 负责的单位。</source>
        <translation>Units of {0} updated.</translation>
    </message>
    <message>
        <source>停用用户</source>
        <translation>Deactivate user</translation>
    </message>
    <message>
        <source>停用 {0} 的账户？

停用后此人无法再登录，其密钥槽随即删除；账户和审计记录保留。如此人可能留有密钥文件副本，请随后更换数据密钥。</source>
        <translation>Deactivate the account of {0}?

They can no longer sign in and their key slot is deleted; the account and the audit trail stay. If they may have kept a copy of the key file, rotate the data key afterwards.</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>已停用 {0}。</source>
        <translation>{0} deactivated.</translation>
    </message>
</context>
<context>
    <name>VerifyPanel</name>
    <message>
        <source>校验档案库</source>
        <translation>Check the archive</translation>
    </message>
    <message>
        <source>校验</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>检查密文、数据库结构、审计链，以及当前数据是否与审计日志一致。</source>
        <translation>Checks the encryption, the database structure, the audit chain, and that the current data matches the audit trail.</translation>
    </message>
    <message>
        <source>尚未校验。</source>
        <translation>Not checked yet.</translation>
    </message>
    <message>
        <source>正在校验…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>校验通过：档案库完好，审计日志未被改动。（{0}）</source>
        <translation>Check passed: the archive is intact and the audit trail unaltered. ({0})</translation>
    </message>
    <message>
        <source>校验未通过：请勿继续修改档案，立即报告上级单位并保留此文件。（{0}）</source>
        <translation>Check FAILED: make no further changes, report to headquarters at once and keep this file. ({0})</translation>
    </message>
    <message>
        <source>校验未能完成。</source>
        <translation>The check could not finish.</translation>
    </message>
</context>
<context>
    <name>VerifyTexts</name>
    <message>
        <source>该条缺失（被删除）</source>
        <translation>the entry is missing (deleted)</translation>
    </message>
    <message>
        <source>与前一条不衔接（被删除或调换了顺序）</source>
        <translation>it does not link to the entry before it (removed or reordered)</translation>
    </message>
    <message>
        <source>写入后内容被改动</source>
        <translation>its content was altered after it was written</translation>
    </message>
    <message>
        <source>日志末尾被截去（与另存的链头不符）</source>
        <translation>the end of the trail was cut off (it does not match the stored head)</translation>
    </message>
    <message>
        <source>无法读取审计日志</source>
        <translation>the audit trail cannot be read</translation>
    </message>
    <message>
        <source>通过</source>
        <translation>passed</translation>
    </message>
    <message>
        <source>未通过</source>
        <translation>FAILED</translation>
    </message>
    <message>
        <source>在第 {0} 条断开：{1}</source>
        <translation>broken at entry {0}: {1}</translation>
    </message>
    <message>
        <source>加密完整性（每一页的密文校验）</source>
        <translation>Encryption integrity (every page&apos;s authentication)</translation>
    </message>
    <message>
        <source>数据库完整性</source>
        <translation>Database integrity</translation>
    </message>
    <message>
        <source>审计链（每条日志与前一条的哈希相连）</source>
        <translation>Audit chain (each entry hashed onto the one before)</translation>
    </message>
    <message>
        <source>当前数据与审计日志一致（防止回滚到旧副本）</source>
        <translation>Current data matches the audit trail (catches a rollback to an older copy)</translation>
    </message>
    <message>
        <source>{0} 处不一致</source>
        <translation>{0} mismatches</translation>
    </message>
</context>
<context>
    <name>tab</name>
    <message>
        <source>{name}&#x3000;{doc}&#x3000;{state}</source>
        <translation>{name} — {doc} — {state}</translation>
    </message>
</context>
</TS>
