<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>关于 公务员诚信档案</source>
        <translation>About Integrity Files</translation>
    </message>
    <message>
        <source>公务员诚信档案</source>
        <translation type="vanished">Integrity Files</translation>
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
        <source>账户与维护</source>
        <translation>Accounts &amp; maintenance</translation>
    </message>
    <message>
        <source>该表单所属的人员或记录已不存在，或您无权查看，无法重新打开。</source>
        <translation>The person or record this form belongs to is gone or no longer visible to you, so the form cannot be reopened.</translation>
    </message>
    <message>
        <source>培训课程、学时登记和名单导入将在后续版本提供。</source>
        <translation type="vanished">Courses, training hours and roster import come in a later version.</translation>
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
        <translation type="vanished">Handling objections and credit repair comes in a later version.</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>与上级中心库同步（网络或离线数据包）将在后续版本提供。</source>
        <translation type="vanished">Sync with headquarters (network or offline bundle) comes in a later version.</translation>
    </message>
    <message>
        <source>审计</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>审计日志的查阅与校验将在后续版本提供；命令行 integrity-files audit / verify 已可使用。</source>
        <translation type="vanished">Reading and verifying the audit log comes in a later version; the command line integrity-files audit / verify works already.</translation>
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
        <translation>Objections &amp; repair</translation>
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
        <source>与中心库的连接中断，同步未完成。已完成的部分已保存，下次同步会接着进行。</source>
        <translation type="vanished">The connection to the central store was lost before the sync finished. What was done is kept; the next sync continues from there.</translation>
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
</TS>
