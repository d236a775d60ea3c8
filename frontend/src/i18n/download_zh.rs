//! download 部分的简体中文文本（TCP 文件下载实验）。
pub const TEXTS: &[(&str, &str)] = &[
    (
        "download.protocol.title",
        "课程的协议：文件名进，字节出，然后关闭",
    ),
    (
        "download.protocol.body",
        "客户端连上 7890 端口，用 UTF-8 发送文件名；服务器把文件的原始字节全部发回来，然后关闭连接；文件不存在时什么也不发。下面是课程里的客户端。它能跑，但藏着好几个错误：我们接下来一个一个让它们真的发生。",
    ),
    ("download.truncated.title", "只 recv(1024) 一次：文件被截断"),
    (
        "download.truncated.body",
        "先点“启动文件服务器”（就是课程协议，只服务一个文件夹）。再用“课程客户端”模式下载 poem.txt：recv(1024) 只调用一次，最多拿到 1024 字节。对比收到的大小和校验和与服务器上的真实值。然后换成“循环直到 recv 返回 0”再试：recv 返回 0 字节才表示对方关闭了连接，文件才算收完。",
    ),
    (
        "download.status.title",
        "文件不存在和空文件：看起来一模一样",
    ),
    (
        "download.status.body",
        "下载 empty.txt（空文件），再下载 nope.txt（不存在）。两次都收到 0 字节，连接都正常关闭，客户端完全无法区分。只有我们这个中继知道自己的文件夹，才能在旁边告诉你答案。真正的协议会先发一个状态（比如 HTTP 的 200 和 404），再发内容。",
    ),
    ("download.traversal.title", "路径穿越：../../etc/passwd"),
    (
        "download.traversal.body",
        "课程的服务器直接 open（客户端给的名字），所以请求 ../../etc/passwd 就能读到服务器上的任意文件。这里的服务器只打开它那一个文件夹里的普通文件：..、绝对路径、NUL 字节、反斜杠、指向文件夹外的符号链接、超长的名字都会被拒绝，连接直接关闭、什么也不发，服务器日志里写明原因。",
    ),
    ("download.framing.title", "分帧：文件名可能分几次到达"),
    (
        "download.framing.body",
        "TCP 是字节流，没有消息边界。客户端分两次发出的文件名，服务器可能要 recv 两次才收全；课程的服务器只 recv 一次，会把第一段当成整个名字。中继的服务器会再等 0.1 秒看还有没有后续，这只是让猜错的次数少一些。先预测服务器会把什么当成文件名，再让本页自己的客户端用两种方式发送，看看服务器日志。传回来的文件在结尾也有同样的问题：在 recv 返回 0 之前，客户端分不清最后一段和其他段。解决办法是分帧：先发长度，或者用分隔符（比如换行）标出结尾。",
    ),
    ("download.framing.fix", "修正：让接收方知道名字在哪里结束。"),
    (
        "download.downloader.title",
        "正确的下载器：进度、校验和、不会半途留下“完整”的文件",
    ),
    (
        "download.downloader.body",
        "下载 photo.bin（几 MiB）。中继一直读到 recv 返回 0，边收边写入一个隐藏的临时文件并计算 SHA-256，不把整个文件放在内存里；收完才 fsync 并原子地改名为“[接收]photo.bin”；同名文件已存在时改用“（1）”，绝不悄悄覆盖。服务器停住不动或重置连接时，会清楚地报错，并删掉临时文件。速度和剩余时间由页面根据已收字节数和耗时算出。",
    ),
    ("download.python.title", "你自己的 Python 程序也能用"),
    (
        "download.python.body",
        "这个实验说的就是课程的协议，所以你自己写的客户端可以连中继的文件服务器（端口 7890），下载器也可以从你自己写的服务器下载：先运行下面的服务器，再在第 6 步把端口填成它的端口。注意它的三个问题：只 recv 一次读名字、打开任意路径、把整个文件读进内存。最后一个问题可以在下面亲眼看到：实验的服务器像这段代码一样把 photo.bin 整个读进内存，日志里写明这用了多少内存。",
    ),
    ("download.lab.port", "端口"),
    ("download.lab.start_server", "启动文件服务器"),
    ("download.lab.server_on", "文件服务器在 {addr} 上监听"),
    ("download.lab.file", "文件"),
    ("download.lab.size", "大小（字节）"),
    ("download.lab.name", "文件名"),
    ("download.lab.mode", "接收方式"),
    ("download.lab.mode_once", "课程客户端：recv(1024) 一次"),
    ("download.lab.mode_loop", "循环直到 recv 返回 0"),
    ("download.lab.download", "下载"),
    ("download.lab.cancel", "取消"),
    (
        "download.lab.progress",
        "已收 {received} / {total} 字节，{rate} MiB/s，剩余 {left}",
    ),
    ("download.lab.received", "收到的"),
    ("download.lab.served", "服务器上的"),
    ("download.lab.saved", "已保存为 {path}"),
    ("download.lab.not_saved", "没有保存任何文件。"),
    ("download.lab.log", "服务器日志"),
    (
        "download.status.complete",
        "完成：对方关闭了连接（recv 返回 0），收到的全部字节已保存。",
    ),
    (
        "download.status.course_once",
        "课程客户端：只调用了一次 recv（1024），只保存了这一次拿到的字节。",
    ),
    (
        "download.status.nothing",
        "收到 0 字节：文件不存在和空文件都是这样，什么也没保存。",
    ),
    ("download.status.failed", "下载失败，临时文件已删除。"),
    ("download.status.cancelled", "已取消，临时文件已删除。"),
    (
        "download.verdict.match",
        "大小和校验和都一致：文件完整无误。",
    ),
    (
        "download.verdict.differs",
        "和服务器上的文件不一致：文件不完整。",
    ),
    (
        "download.verdict.missing",
        "服务器上没有这个文件（或名字被拒绝）。",
    ),
    (
        "download.completeness.as_far",
        "就协议所能判断的而言是完整的：服务器发送后关闭了连接，课程的协议只能告诉我们这么多。一个中途停下然后关闭的服务器看起来完全一样（协议既不发送长度，也不发送校验和）。",
    ),
    (
        "download.verdict.unknown",
        "不是中继自己的服务器，无法对比；请自己核对校验和。",
    ),
    (
        "download.log.sent",
        "{peer} 请求 “{name}”（名字分 {recvs} 次 recv 到达）：发送了 {bytes} 字节，然后关闭",
    ),
    (
        "download.log.missing",
        "{peer} 请求 “{name}”：没有这个文件，什么也没发就关闭了",
    ),
    (
        "download.log.refused",
        "{peer} 请求 “{name}”：拒绝（{reason}），什么也没发就关闭了",
    ),
    (
        "download.log.failed",
        "{peer} 请求 “{name}”：发送了 {bytes} 字节后中断（客户端离开了）",
    ),
    ("download.reason.empty_name", "名字是空的"),
    ("download.reason.not_utf8", "名字不是有效的 UTF-8"),
    ("download.reason.nul_byte", "名字里有 NUL 字节"),
    ("download.reason.backslash", "名字里有反斜杠"),
    ("download.reason.absolute", "绝对路径"),
    ("download.reason.dot_dot", "含有 ..，想离开文件夹"),
    ("download.reason.too_long", "名字超过 255 字节"),
    ("download.reason.outside_folder", "符号链接指向文件夹外面"),
    ("download.reason.not_a_file", "不是普通文件"),
    (
        "download.reason.reserved_name",
        "Windows 的设备名（CON、NUL、COM1、LPT1……），带扩展名也一样",
    ),
    (
        "download.reason.alternate_stream",
        "含有冒号：在 Windows 上 “a.txt:x” 是 a.txt 的隐藏数据流",
    ),
    (
        "download.reason.drive_relative",
        "盘符相对路径（C:x），在 Windows 上会离开文件夹",
    ),
    (
        "download.reason.unc",
        "网络路径（\\\\host\\share），指向另一台电脑",
    ),
    (
        "download.reason.trailing_dot_or_space",
        "名字以点或空格结尾，Windows 会把它们去掉",
    ),
    (
        "download.reason.case_mismatch",
        "文件夹里只有大小写不同的同名文件；只提供大小写完全一致的文件",
    ),
    ("download.predict.check", "检查"),
    ("download.predict.right", "答对了。"),
    ("download.predict.wrong", "不太对。"),
    (
        "download.protocol.q",
        "poem.txt 有 4760 个字节。这个客户端能保存其中多少？",
    ),
    ("download.protocol.q_all", "全部 4760 个"),
    ("download.protocol.q_1024", "最多 1024 个"),
    ("download.protocol.q_none", "一个也没有"),
    (
        "download.protocol.q_explain",
        "recv(1024) 最多返回 1024 个字节，而这个客户端只调用一次。第 2 步会让它真的发生。",
    ),
    (
        "download.framing.q",
        "客户端先发送“{head}”，等 {pause} 秒，再发送“{tail}”。服务器会把什么当成文件名？",
    ),
    (
        "download.framing.q_explain",
        "服务器的 recv 返回已经到达的数据：“po”。在下面运行一次，看看服务器日志。",
    ),
    (
        "download.framing.two",
        "发送“{head}”，等 {pause} 秒，再发送“{tail}”",
    ),
    ("download.framing.one", "一次发送完整的“{name}”"),
    ("download.framing.client", "本页的客户端"),
    ("download.framing.turn_sent", "send(b'{piece}')"),
    ("download.framing.turn_paused", "…… 等待 {ms} 毫秒 ……"),
    (
        "download.framing.turn_recv",
        "recv(1024) -> {n} 字节（目前共 {total} 字节；后面还有吗？客户端无从知道）",
    ),
    (
        "download.framing.turn_end",
        "recv(1024) -> 0 字节：服务器关闭了连接。直到这时才知道文件收完了：共 {total} 字节",
    ),
    (
        "download.memory.q",
        "课程的服务器用 conn.sendall(f.read()) 发送 photo.bin（6 MiB）。发送期间它为这个文件占用多少内存？",
    ),
    ("download.memory.q_buffer", "大约 1 KiB，一次一段"),
    ("download.memory.q_whole", "整个文件，6 MiB"),
    ("download.memory.q_nothing", "不占：字节直接发到网络上"),
    (
        "download.memory.q_explain",
        "f.read() 先把整个文件读进一个 bytes 对象，sendall 才开始发送。文件比电脑的内存还大时，服务器会因 MemoryError 而退出。",
    ),
    (
        "download.memory.whole",
        "按课程的方式提供 photo.bin（整个文件读进内存）",
    ),
    (
        "download.memory.stream",
        "以流的方式提供 photo.bin（中继的做法）",
    ),
    ("download.memory.file", "文件"),
    ("download.memory.held", "同时占用的内存"),
    ("download.memory.cap", "中继设的上限（课程的服务器没有）"),
    (
        "download.memory.rss",
        "持有这个文件时，中继的内存从 {before} MiB 增加了 {grew} MiB，达到 {holding} MiB。",
    ),
    (
        "download.memory.no_rss",
        "这个系统在这里不提供中继的总内存；上面这些字节是同时持有的。",
    ),
    (
        "download.memory.streamed",
        "流式发送：这个 {size} MiB 的文件是一段一段发出的，从没有整个放在内存里。",
    ),
    (
        "download.reason.too_big_to_hold",
        "文件超过了这个服务器最多放进内存的 64 MiB",
    ),
];
