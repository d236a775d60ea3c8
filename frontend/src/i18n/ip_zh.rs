//! IP 地址、分类、掩码与子网各课以及练习模式的简体中文文本。每个键也必须出现在 `ip_en.rs` 里。

pub const TEXTS: &[(&str, &str)] = &[
    // ----- 课程列表 -----
    ("lesson.subnets.title", "子网掩码、CIDR 与子网划分"),
    (
        "lesson.subnets.summary",
        "按位与、同一子网还是走网关、把网络切成子网",
    ),
    // ----- 第 2 课:IP 地址 -----
    ("ip.what.title", "IP 地址：32 个二进制位"),
    (
        "ip.what.body",
        "网络上的每台主机都有一个 **IP 地址**，用来标明“是谁”。在同一个局域网里，它必须是唯一的，否则数据就不知道该交给谁。\n\n一个 IPv4 地址是 **32 位**，也就是 **4 个字节**。人读 32 个 0 和 1 太吃力，所以把每个字节写成一个十进制数（0 到 255），中间用点隔开，这叫 **点分十进制**，比如 `192.168.1.1`。\n\n下面就是 `192.168.1.1` 在机器眼里的样子：每组 8 位对应一个十进制数。\n\n每个地址都由两部分组成：前面的 **网络部分** 说明主机在哪个网络里，后面的 **主机部分** 说明是这个网络里的哪一台。哪些位属于哪一部分，由 **子网掩码** 决定（下一课细讲）。",
    ),
    ("ip.explorer.title", "地址探索器：随便输入一个地址"),
    (
        "ip.explorer.body",
        "输入任意一个 IPv4 地址，下面会立刻显示：\n\n- 32 位，按 4 个字节分组；开头决定 **类别** 的几位加了框；\n- 按传统分类的默认掩码划分的 **网络部分** 和 **主机部分**（两种颜色）；\n- 这个地址的类别、默认掩码、所在的分类网络和每个网络可容纳的主机数；\n- 这个地址的所有 **特殊含义**（私有地址、环回地址、组播等）。\n\n也试试写错的地址，比如 `256.1.1.1`、`1.2.3`、`1..2.3`、带空格或字母的：页面会准确说出哪里错了。",
    ),
    ("ip.classes.title", "A、B、C、D、E 五类地址"),
    (
        "ip.classes.body",
        "早期的互联网按地址 **开头的几位** 把地址分成五类，类别决定了网络部分有多长：\n\n- **A 类** 以 `0` 开头：第 1 个字节是网络部分，后 3 个字节是主机部分，默认掩码 `255.0.0.0`。\n- **B 类** 以 `10` 开头：前 2 个字节是网络部分，默认掩码 `255.255.0.0`。\n- **C 类** 以 `110` 开头：前 3 个字节是网络部分，默认掩码 `255.255.255.0`。\n- **D 类** 以 `1110` 开头：组播地址（224.0.0.0–239.255.255.255），不分配给单台主机。\n- **E 类** 以 `1111` 开头：保留作实验用（240.0.0.0–255.255.255.255）。\n\n每个网络的主机数是 2 的“主机位数”次方再减 2：主机位全 0 的地址代表网络本身，全 1 的是广播地址，都不能给主机用。所以 A 类每个网络有 2^24 − 2 = **16,777,214** 台主机（有的教材印成 1677214，少了一位，是笔误），B 类 65,534 台，C 类 254 台。\n\nA 类可用的网络只有 126 个：网络号 0 表示“本网络”，127 留给环回地址。B 类有 2^14 = 16,384 个网络，C 类有 2^21 = 2,097,152 个。\n\n表格第三列是按开头几位算出的 **完整范围**；最后一列是这些网络里 **第一个和最后一个可用主机地址**。有些教材写 B 类从 128.1.0.1、C 类从 192.0.1.1 开始，那是因为 128.0.0.0/16 和 192.0.0.0/24 早年被保留。128.0.0.0/16 后来已经放开；192.0.0.0/24 至今仍然保留（IETF 协议分配，RFC 6890），特殊地址表里能看到它。",
    ),
    ("ip.cidr.title", "为什么分类地址被 CIDR 取代"),
    (
        "ip.cidr.body",
        "分类地址只有三种大小：254、65,534 和 16,777,214 台主机，中间没有别的选择。\n\n设想一个单位需要 **2,000** 台主机的地址：一个 C 类只有 254 个，不够；于是只能申请一个 B 类（65,534 个），**约 97%** 的地址白白闲置；或者申请 8 个 C 类，那样路由器的路由表里就要多出 8 条记录。90 年代初，B 类地址快被分光，路由表也越来越大。\n\n1993 年，**CIDR（无类别域间路由，RFC 1519，现行版本是 RFC 4632）** 取消了类别：网络部分可以是 0 到 32 之间的任意位数，写在斜杠后面，比如 `/21` 表示前 21 位是网络部分。2,000 台主机用一个 /21（2,046 个可用地址）就够了。\n\n在下面改一改主机数，看看分类地址浪费了多少。",
    ),
    ("ip.special.title", "特殊地址"),
    (
        "ip.special.body",
        "有些地址有固定的特殊用途，写程序时经常遇到：\n\n- `0.0.0.0` 表示“本机”。服务器绑定到 `0.0.0.0`，就是在本机 **所有网卡** 上监听。网络部分全为 0 的地址（0.0.0.0/8）表示“本网络”。\n- `127.0.0.0/8` 是 **环回地址**，`127.0.0.1` 就是“这台机器自己”：在浏览器里打开 `http://127.0.0.1`，访问的是本机上运行的网页服务器，数据根本不出网卡。\n- `255.255.255.255` 是 **受限广播**：发给当前这个局域网里的所有主机，路由器不会转发它。注意和 **定向广播** 的区别：定向广播是某个子网主机位全为 1 的地址，比如 `192.168.1.255` 是 192.168.1.0/24 的广播地址。\n- **私有地址**（RFC 1918）：`10.0.0.0/8`、`172.16.0.0/12`（即 172.16 到 172.31）、`192.168.0.0/16`。家里和公司内网用它们，不能直接在互联网上路由，要经过 NAT 才能上网。\n\n下表列出了全部特殊地址块。回到上一步的探索器里输入这些地址试试。",
    ),
    // ----- 第 3 课:掩码与子网 -----
    ("subnets.mask.title", "子网掩码与前缀长度"),
    (
        "subnets.mask.body",
        "**子网掩码** 也是 32 位：前面连续的 1 标出网络部分，后面连续的 0 标出主机部分。`255.255.255.192` 写成二进制是 26 个 1 再加 6 个 0，所以也可以写成 **前缀长度** `/26`。\n\n掩码里的 1 必须 **连在一起、排在最前面**。`255.0.255.0` 不是合法的掩码：第 9 位是 0，后面却又出现了 1，网络部分就被断开了。\n\n把掩码按位取反就得到 **反掩码（通配符掩码）**，比如 `/26` 的反掩码是 `0.0.0.63`，它标出的正是主机位。\n\n在下面输入掩码或前缀长度，两种写法会互相换算。",
    ),
    ("subnets.and.title", "按位与：算出网络地址"),
    (
        "subnets.and.body",
        "主机怎么知道自己的网络地址？把 **IP 地址和子网掩码逐位做“与”（AND）运算**：两位都是 1 结果才是 1，否则是 0。\n\n掩码为 1 的位，地址原样保留（网络部分）；掩码为 0 的位，结果一律变成 0（主机部分被清零）。\n\n点 **下一位** 一位一位地算，或者点 **自动播放** 看它从左到右算完 32 位。",
    ),
    ("subnets.calc.title", "网络地址、广播地址与可用主机"),
    (
        "subnets.calc.body",
        "知道了地址和前缀长度，一个子网的全部信息都能算出来：\n\n- **网络地址**：主机位全为 0（地址 AND 掩码）；\n- **广播地址**（定向广播）：主机位全为 1（网络地址 OR 反掩码）；\n- **第一个可用主机** = 网络地址 + 1，**最后一个可用主机** = 广播地址 − 1;\n- **可用主机数** = 2^主机位数 − 2。\n\n两个例外：`/31` 只有 2 个地址，按 RFC 3021 用于点对点链路，两个地址都给主机用，没有网络地址和广播地址；`/32` 只有一个地址，代表单独一台主机。\n\n输入时可以写前缀长度（`192.168.1.77/26`），也可以在斜杠后写掩码（`192.168.1.77/255.255.255.192`）。",
    ),
    ("subnets.reach.title", "同一子网直连，还是交给网关？"),
    (
        "subnets.reach.body",
        "两台主机用网线或交换机连在一起，能不能直接通信，要看它们是否在 **同一个子网**。发送方是这样判断的：用 **自己的掩码** 分别和自己的地址、对方的地址做 AND，比较两个结果：\n\n- 相同：对方就在本子网，直接发给它（先用 ARP 查到对方的 MAC 地址）；\n- 不同：对方在别的网络，把数据包交给 **默认网关**（路由器），由路由器转发。\n\n例如掩码都是 255.255.255.0 时，`192.168.1.1` 和 `192.168.1.2` 在同一子网，可以直连；`192.168.1.1` 和 `192.168.2.2` 不在同一子网，必须经过网关。\n\n点 **下一项判断** 跟着判断过程走一遍。也试试两边掩码不同的例子：两台主机的结论可能不一样。",
    ),
    ("subnets.split.title", "把一个网络平均分成几个子网"),
    (
        "subnets.split.body",
        "把一个网络切成 N 个一样大的子网，就是从主机部分 **借几位** 来当子网号：借 k 位，得到 2^k 个子网，前缀长度加 k。N 不是 2 的幂时，只能向上取到最近的 2 的幂。\n\n例如把 `10.0.0.0/8` 分成 4 份：借 2 位，前缀变成 /10，得到 10.0.0.0/10、10.64.0.0/10、10.128.0.0/10 和 10.192.0.0/10。\n\n下面的条形图按比例画出了每个子网在原网络中的位置。",
    ),
    ("subnets.vlsm.title", "按需划分：VLSM"),
    (
        "subnets.vlsm.body",
        "实际的网络里，各部门需要的主机数并不一样。**VLSM（可变长子网掩码）** 给每组主机分配刚好够用的块：\n\n- 每组需要“主机数 + 2”个地址（网络地址和广播地址不能用），向上取到 2 的幂，就是块的大小；\n- **从大到小** 依次分配，每个块都能落在和自己大小对齐的位置上；\n- 剩下的地址留作以后使用。\n\n输入一个网络和各组的主机数（用逗号分隔）。",
    ),
    ("subnets.tree.title", "子网树：点一点来划分与合并"),
    (
        "subnets.tree.body",
        "每个子网都可以一分为二：前缀长度加 1，得到上下两半。两个相邻的“兄弟”子网也可以重新合并回原来的网络。\n\n点 **一分为二** 和 **合并** 试试。下面的图从侧面看这棵树：每一层是前缀长度多 1 位的子网，深色的是当前正在使用的子网。\n\n划分的结果保存在页面地址里，复制地址栏的链接发给别人，打开就是同样的划分，比如老师可以用它布置作业。",
    ),
    ("subnets.practice.title", "练习"),
    (
        "subnets.practice.body",
        "最后，自己动手算一算。练习分三级：\n\n- **第 1 级**：地址的类别和特殊含义；\n- **第 2 级**：掩码、网络地址、广播地址、主机范围和主机数；\n- **第 3 级**：同一子网还是走网关，以及 VLSM 划分。\n\n每个空单独判对错，可以看提示，也可以一步一步看解答。得分保存在这个浏览器里。",
    ),
    // ----- 通用 -----
    ("ipw.examples", "示例"),
    ("ipw.bits.alt", "{addr} 的 32 个二进制位"),
    ("ipw.bits.class", "类别位"),
    ("ipw.bits.network", "网络部分"),
    ("ipw.bits.host", "主机部分"),
    ("ipw.delivery.direct", "直接发送（同一子网）"),
    ("ipw.delivery.gateway", "交给默认网关（不同子网）"),
    // 地址探索器
    ("ipw.explorer.label", "IPv4 地址"),
    ("ipw.explorer.class", "类别"),
    ("ipw.explorer.leading", "（开头是 {bits}）"),
    ("ipw.explorer.default_mask", "默认掩码"),
    ("ipw.explorer.network_part", "所在的分类网络"),
    ("ipw.explorer.hosts", "每个网络的主机数"),
    (
        "ipw.explorer.no_hosts_d",
        "D 类是组播地址：它代表一组接收者，不属于哪个网络，也没有网络部分和主机部分之分。",
    ),
    (
        "ipw.explorer.no_hosts_e",
        "E 类地址保留作实验用，不分配给主机，所以没有默认掩码。",
    ),
    ("ipw.explorer.meanings", "这个地址的含义"),
    (
        "ipw.explorer.is_network",
        "{addr} 是它所在的分类网络 {net} 的网络地址：它代表整个网络，不能分配给主机。",
    ),
    (
        "ipw.explorer.is_broadcast",
        "{addr} 是它所在的分类网络 {net} 的广播地址：发给它就是发给网络里的所有主机，不能分配给某一台主机。",
    ),
    // 分类表
    ("ipw.classes.caption", "A 到 E 类地址"),
    ("ipw.classes.class", "类别"),
    ("ipw.classes.lead", "开头的位"),
    ("ipw.classes.range", "地址范围"),
    ("ipw.classes.bytes", "网络/主机字节"),
    ("ipw.classes.mask", "默认掩码"),
    ("ipw.classes.networks", "网络数"),
    ("ipw.classes.hosts", "每个网络的主机数"),
    ("ipw.classes.usable", "可用主机地址"),
    ("ipw.classes.a_networks", "{n}（去掉 0 和 127）"),
    ("ipw.classes.multicast", "组播，不分配给主机"),
    ("ipw.classes.reserved", "保留，实验用"),
    // 浪费
    ("ipw.waste.label", "一个单位需要的主机数"),
    ("ipw.waste.bad", "请输入 1 到 16,777,214 之间的整数。"),
    (
        "ipw.waste.bar_b",
        "一个 B 类网络中 {hosts} 台主机占用的部分",
    ),
    (
        "ipw.waste.bar_cidr",
        "一个 /{len}（{usable} 个可用地址）中 {hosts} 台主机占用的部分",
    ),
    (
        "ipw.waste.b",
        "分类地址：申请一个 B 类，{hosts} 台主机只用了其中一部分，{unused} 个地址（约 {pct}%）闲置。",
    ),
    (
        "ipw.waste.b_exact",
        "分类地址：{hosts} 台主机正好占满一个 B 类，一个空余的地址都没有，再多一台主机就得申请第二个网络。",
    ),
    (
        "ipw.waste.c_fits",
        "分类地址：一个 C 类就够了，它的 254 个地址里有 {unused} 个（约 {pct}%）闲置。",
    ),
    (
        "ipw.waste.b_too_small",
        "分类地址：{hosts} 台主机连一个 B 类都放不下，只能申请 A 类或多个 B 类。",
    ),
    (
        "ipw.waste.c",
        "或者申请 {n} 个 C 类网络：每个路由表里要有 {n} 条记录，而不是一条。",
    ),
    (
        "ipw.waste.cidr",
        "CIDR：一个 /{len} 就够了，有 {usable} 个可用地址，只多出 {spare} 个。",
    ),
    // 特殊地址表
    ("ipw.special.caption", "特殊用途的地址块"),
    ("ipw.special.meaning", "含义"),
    ("ipw.special.blocks", "地址块"),
    ("ipw.special.what", "说明"),
    ("ipw.special.rfc", "定义"),
    // 掩码
    ("ipw.mask.label", "子网掩码或前缀长度"),
    ("ipw.mask.prefix", "前缀长度"),
    ("ipw.mask.dotted", "点分掩码"),
    ("ipw.mask.wildcard", "反掩码"),
    ("ipw.mask.block", "每个子网的地址数"),
    (
        "ipw.mask.explain",
        "{ones} 个 1 标出网络部分，{zeros} 个 0 标出主机部分。",
    ),
    (
        "ipw.mask.gap_hint",
        "上面是这个掩码的 32 位：1 和 0 交错出现。合法的掩码只能是“一串 1，然后一串 0”。",
    ),
    // 按位与
    ("ipw.and.addr_label", "IP 地址"),
    ("ipw.and.mask_label", "子网掩码或前缀长度"),
    ("ipw.and.grid", "IP 地址与掩码逐位相与"),
    ("ipw.and.addr", "地址"),
    ("ipw.and.mask", "掩码"),
    ("ipw.and.result", "网络地址"),
    ("ipw.and.start", "从最左边的第 1 位开始。点“下一位”。"),
    ("ipw.and.this_bit", "第 {n} 位：{a} AND {m} = {r}"),
    ("ipw.and.progress", "已算 {n} / 32 位"),
    ("ipw.and.next", "下一位"),
    ("ipw.and.play", "自动播放"),
    ("ipw.and.pause", "暂停"),
    ("ipw.and.all", "全部算完"),
    ("ipw.and.reset", "重新开始"),
    (
        "ipw.and.done",
        "32 位都算完了：网络地址是 {network}（{prefix}）。",
    ),
    // 计算器
    ("ipw.calc.label", "地址/前缀长度（或地址/掩码）"),
    ("ipw.calc.bar_alt", "{addr} 在子网 {net} 中的位置"),
    ("ipw.calc.mask", "子网掩码"),
    ("ipw.calc.network", "网络地址"),
    ("ipw.calc.broadcast", "广播地址"),
    ("ipw.calc.first", "第一个可用主机"),
    ("ipw.calc.last", "最后一个可用主机"),
    ("ipw.calc.usable", "可用主机数"),
    ("ipw.calc.total", "地址总数"),
    ("ipw.calc.wildcard", "反掩码"),
    (
        "ipw.calc.role_network",
        "{addr} 正是网络地址本身，不能分配给主机。",
    ),
    (
        "ipw.calc.role_broadcast",
        "{addr} 正是这个子网的广播地址，不能分配给主机。",
    ),
    (
        "ipw.calc.role_host",
        "{addr} 是这个子网里可以分配给主机的地址。",
    ),
    (
        "ipw.calc.note31",
        "/31 只有 2 个地址：按 RFC 3021，点对点链路两端各用一个，没有网络地址和广播地址。",
    ),
    (
        "ipw.calc.note32",
        "/32 只有 1 个地址：代表单独一台主机，常用在路由表和防火墙规则里。",
    ),
    // 直连还是网关
    ("ipw.reach.a", "主机 A（地址/前缀）"),
    ("ipw.reach.b", "主机 B（地址/前缀）"),
    ("ipw.reach.next", "下一项判断"),
    ("ipw.reach.all", "显示全部步骤"),
    ("ipw.reach.progress", "第 {n} / {total} 步"),
    (
        "ipw.reach.same_addr",
        "A 和 B 的地址都是 {addr}：同一个网络里的两台主机不能共用一个地址。",
    ),
    ("ipw.reach.host_a", "主机 A"),
    ("ipw.reach.host_b", "主机 B"),
    ("ipw.reach.gateway", "默认网关"),
    // 划分
    ("ipw.split.network", "要划分的网络"),
    ("ipw.split.count", "子网个数"),
    ("ipw.split.bad_count", "子网个数请输入一个正整数。"),
    (
        "ipw.split.host_bits",
        "{given} 的主机位不全为 0，它不是网络地址。你是不是想写 {network}？",
    ),
    ("ipw.split.zero", "子网个数至少是 1。"),
    (
        "ipw.split.too_many",
        "分不出 {n} 个子网：这个网络一共只有 {max} 个地址，最多分成 {max} 个。",
    ),
    (
        "ipw.split.summary",
        "借 {bits} 位：{old} 变成 {new}，得到 {count} 个子网，每个 {size} 个地址。",
    ),
    (
        "ipw.split.rounded",
        "{n} 不是 2 的幂，向上取到 {count} 个子网。",
    ),
    ("ipw.split.more", "还有 {n} 个子网没有列出。"),
    ("ipw.split.subnet", "子网"),
    ("ipw.split.hosts_range", "主机地址范围"),
    ("ipw.vlsm.hosts", "各组主机数（用逗号分隔）"),
    (
        "ipw.vlsm.bad_hosts",
        "请输入用逗号分隔的主机数，比如 60, 30, 10, 2。",
    ),
    ("ipw.vlsm.no_requests", "请至少输入一组主机数。"),
    (
        "ipw.vlsm.zero_hosts",
        "第 {n} 组的主机数是 0：每组至少要有 1 台主机。",
    ),
    (
        "ipw.vlsm.no_fit",
        "放不下：这些块一共需要 {needed} 个地址，而这个网络只有 {available} 个。",
    ),
    ("ipw.vlsm.group", "组"),
    ("ipw.vlsm.asked", "需要的主机数"),
    ("ipw.vlsm.spare", "多出的主机地址"),
    // 子网树
    ("ipw.tree.root", "从哪个网络开始"),
    ("ipw.tree.start", "重新开始"),
    ("ipw.tree.split", "一分为二"),
    ("ipw.tree.join", "合并"),
    ("ipw.tree.split_label", "把 {net} 一分为二"),
    ("ipw.tree.join_label", "把 {net} 和相邻的另一半合并"),
    ("ipw.tree.hosts", "{n} 个可用主机"),
    ("ipw.tree.split_into_two", "已分成两半"),
    ("ipw.tree.summary", "现在有 {n} 个子网。"),
    (
        "ipw.tree.share",
        "地址栏里的链接记录着这棵树：复制它，别人打开看到的就是同样的划分。",
    ),
    (
        "ipw.tree.bad_link",
        "链接里的子网树读不出来（可能被截断了），从默认网络重新开始。",
    ),
    ("ipw.tree.err_32", "/32 只有一个地址，不能再分。"),
    ("ipw.tree.err_many", "子网太多了，最多 256 个。"),
    (
        "ipw.tree.err_sibling",
        "相邻的另一半已经被分开了，先把它合并回来。",
    ),
    ("ipw.tree.err_other", "这个操作做不了，请换一个子网试试。"),
    ("ipw.practice.open", "开始练习"),
    // ----- 输入错误 -----
    (
        "perr.empty",
        "还没有输入。IPv4 地址是用点隔开的 4 个数（每个 0 到 255），比如 192.168.1.1。",
    ),
    (
        "perr.too_long",
        "输入太长了：有 {len} 个字符，最多 {max} 个。",
    ),
    (
        "perr.whitespace",
        "第 {pos} 个字符是空格（或其他空白字符）。地址里不能有空格，请删掉它。",
    ),
    (
        "perr.full_width",
        "第 {pos} 个字符“{ch}”是全角字符。请把输入法切换到半角（英文）再输入。",
    ),
    (
        "perr.unexpected",
        "第 {pos} 个字符“{ch}”不能出现在地址里：只能有数字 0–9 和点（前缀长度前面可以有一个斜杠）。",
    ),
    (
        "perr.octet_count",
        "IPv4 地址正好是用点隔开的 4 个数，这里有 {found} 个。",
    ),
    (
        "perr.empty_octet",
        "第 {octet} 个数是空的（在第 {pos} 个字符处）：两个点连在一起，或者点出现在开头或结尾。",
    ),
    (
        "perr.leading_zero",
        "第 {octet} 个数以 0 开头（第 {pos} 个字符）。请去掉前导 0：有些系统会把 010 当作八进制的 8。",
    ),
    (
        "perr.octet_range",
        "第 {octet} 个数是 {value}（从第 {pos} 个字符开始），但每个数是一个字节，只能是 0 到 255。",
    ),
    ("perr.huge", "一个特别大的数"),
    (
        "perr.missing_address",
        "斜杠前面要写地址，比如 192.168.1.0/24。",
    ),
    (
        "perr.missing_slash",
        "请在地址后面加上斜杠和前缀长度，比如 /24。",
    ),
    (
        "perr.missing_prefix",
        "斜杠后面是空的（第 {pos} 个字符处）：请写上前缀长度 0 到 32，或者一个掩码。",
    ),
    (
        "perr.prefix_zero",
        "前缀长度以 0 开头（第 {pos} 个字符）：请去掉前导 0。",
    ),
    (
        "perr.prefix_range",
        "前缀长度是 {value}（从第 {pos} 个字符开始），但 IPv4 地址只有 32 位，前缀长度只能是 0 到 32。",
    ),
    (
        "perr.mask_gap",
        "这不是合法的掩码：第 {zero} 位是 0，后面的第 {one} 位却是 1。掩码必须是一串 1 接一串 0，中间不能断开（255.255.255.0 可以，255.0.255.0 不行）。",
    ),
    // ----- 特殊含义 -----
    ("special.this_host.name", "本机（0.0.0.0）"),
    (
        "special.this_host.desc",
        "表示“本机”或“任意本地地址”：服务器绑定到 0.0.0.0，就在所有网卡上监听。",
    ),
    ("special.this_network.name", "本网络"),
    (
        "special.this_network.desc",
        "网络部分全为 0，表示“本网络”，只能作源地址，不能作目的地址。",
    ),
    ("special.private.name", "私有地址"),
    (
        "special.private.desc",
        "RFC 1918 私有地址：在家庭和公司内网里使用，不在互联网上路由，上网要经过 NAT。",
    ),
    ("special.shared.name", "运营商共享地址"),
    (
        "special.shared.desc",
        "运营商级 NAT（CGN）在运营商和用户之间使用的地址。",
    ),
    ("special.loopback.name", "环回地址"),
    (
        "special.loopback.desc",
        "代表这台机器自己：发往这里的数据不离开本机，比如 http://127.0.0.1 访问本机的网页服务器。",
    ),
    ("special.link_local.name", "链路本地地址"),
    (
        "special.link_local.desc",
        "没有 DHCP 服务器应答时，主机给自己分配的地址，只在本链路上有效。",
    ),
    ("special.protocol.name", "IETF 协议分配地址"),
    (
        "special.protocol.desc",
        "192.0.0.0/24：分类编址时代就被保留，至今仍然保留，留给协议本身需要的地址，不分配给普通主机。",
    ),
    ("special.documentation.name", "文档示例地址"),
    (
        "special.documentation.desc",
        "专门留给书和文档举例用的地址，不会分配给真实的主机。",
    ),
    ("special.benchmarking.name", "性能测试地址"),
    ("special.benchmarking.desc", "留给网络设备做性能测试用。"),
    ("special.multicast.name", "组播地址（D 类）"),
    (
        "special.multicast.desc",
        "发给一组接收者，而不是一台主机，比如视频直播或设备发现。",
    ),
    ("special.reserved.name", "保留地址（E 类）"),
    (
        "special.reserved.desc",
        "保留作实验和将来使用，不分配给主机。",
    ),
    ("special.limited_broadcast.name", "受限广播"),
    (
        "special.limited_broadcast.desc",
        "发给当前局域网里的所有主机，路由器不转发。不同于子网的定向广播（主机位全为 1）。",
    ),
    ("special.public.name", "公网地址"),
    (
        "special.public.desc",
        "没有任何特殊用途：可以在互联网上路由。",
    ),
    // ----- 解答步骤 -----
    ("sol.who.given", "这台主机"),
    ("sol.who.a", "主机 A"),
    ("sol.who.b", "主机 B"),
    ("sol.group", "第 {n} 组"),
    ("sol.first_octet", "把第一个数 {octet} 写成二进制：{bits}。"),
    (
        "sol.leading_bits",
        "开头的位是 {bits}，所以是 {class} 类地址。",
    ),
    ("sol.inside_block", "它落在 {block} 里：{meaning}。"),
    ("sol.no_block", "它不在任何特殊地址块里，所以是公网地址。"),
    (
        "sol.prefix_to_mask",
        "/{len} 表示前 {len} 位是 1，掩码是 {mask}。",
    ),
    (
        "sol.and",
        "{addr_of}的地址 {addr} 和{mask_of}的掩码 {mask} 按位与，得到 {network}。",
    ),
    (
        "sol.invert",
        "把掩码 {mask} 按位取反，得到反掩码 {wildcard}（标出主机位）。",
    ),
    (
        "sol.or",
        "网络地址 {network} 和反掩码 {wildcard} 按位或，主机位全变成 1，得到 {broadcast}。",
    ),
    (
        "sol.first_host",
        "第一个可用主机是网络地址 {network} 加 1：{first}。",
    ),
    (
        "sol.last_host",
        "最后一个可用主机是广播地址 {broadcast} 减 1：{last}。",
    ),
    (
        "sol.count",
        "主机位有 {bits} 位：2^{bits} = {total} 个地址，去掉网络地址和广播地址，可用主机 {usable} 个。",
    ),
    (
        "sol.count_31",
        "主机位只有 {bits} 位：共 {total} 个地址，按 RFC 3021 两个都可以用，可用主机 {usable} 个。",
    ),
    (
        "sol.count_32",
        "主机位有 {bits} 位：只有 {total} 个地址，就是这一台主机，可用 {usable} 个。",
    ),
    (
        "sol.compare_same",
        "{who}比较：自己的网络 {own} 和对方的网络 {other} 相同，所以直接发送。",
    ),
    (
        "sol.compare_differ",
        "{who}比较：自己的网络 {own} 和对方的网络 {other} 不同，所以交给默认网关。",
    ),
    ("sol.agree", "两台主机的结论一致。"),
    (
        "sol.disagree",
        "两台主机的结论不一致（掩码不同）：一方直接发送，另一方却交给网关。这是配置错误，应该改成相同的掩码。",
    ),
    (
        "sol.block_for_hosts",
        "{group}要 {hosts} 台主机，需要 {needed} 个地址，向上取到 2 的幂是 {size}，即 /{len}。",
    ),
    ("sol.sort", "从大到小分配：{order}。"),
    (
        "sol.allocate",
        "{group}分到下一个空闲且对齐的块：{network}。",
    ),
    ("sol.free", "剩下没分配的：{free}。"),
    ("sol.free_none", "整个网络正好分完，没有剩余。"),
    // ----- 练习 -----
    ("practice.title", "地址练习"),
    (
        "practice.intro",
        "选一个级别，把答案填进空格，然后点 **检查**。每个空单独判对错；写得不对的格式会告诉你哪里错了，不算答错。\n\n题目由 **种子** 生成：同一个级别和种子总是同一道题。把地址栏的链接发给同学，他们看到的就是同一道题。",
    ),
    ("practice.levels", "级别"),
    ("practice.level1", "第 1 级：类别与特殊地址"),
    ("practice.level2", "第 2 级：子网计算"),
    ("practice.level3", "第 3 级：网关与 VLSM"),
    ("practice.seed", "种子"),
    (
        "practice.score",
        "已做对 {solved} 题，共做 {tried} 题，其中 {first} 题一次做对",
    ),
    ("practice.new", "换一题"),
    ("practice.share", "地址栏里的链接就是这道题，可以分享。"),
    (
        "practice.q.classify",
        "地址 {addr} 属于哪一类？它有哪些特殊含义？（没有特殊含义就选“公网地址”）",
    ),
    (
        "practice.q.subnet",
        "主机 {cidr}：求它的子网掩码、网络地址、广播地址、第一个和最后一个可用主机，以及可用主机数。",
    ),
    (
        "practice.q.reach",
        "主机 A 是 {a}，主机 B 是 {b}。A 发给 B 时，是直接发送，还是交给默认网关？",
    ),
    (
        "practice.q.vlsm",
        "用 VLSM 划分 {network}：{groups}。写出每组分到的块（CIDR 写法，如 192.168.1.0/26）。",
    ),
    ("practice.q.group", "第 {n} 组 {hosts} 台主机"),
    ("practice.list_sep", ";"),
    ("practice.field.class", "类别"),
    ("practice.field.specials", "特殊含义（可多选）"),
    ("practice.field.mask", "子网掩码"),
    ("practice.field.network", "网络地址"),
    ("practice.field.broadcast", "广播地址"),
    ("practice.field.first", "第一个可用主机"),
    ("practice.field.last", "最后一个可用主机"),
    ("practice.field.usable", "可用主机数"),
    ("practice.field.net_a", "A 的地址 AND A 的掩码"),
    ("practice.field.net_b", "B 的地址 AND A 的掩码"),
    ("practice.field.delivery", "A 怎样发给 B"),
    ("practice.field.vlsm", "第 {n} 组（{hosts} 台主机）的块"),
    ("practice.check", "检查"),
    ("practice.right", "对"),
    ("practice.wrong", "不对"),
    ("practice.blank", "还没有填。"),
    ("practice.not_a_number", "请填一个整数。"),
    ("practice.solved", "全部正确！点“换一题”继续。"),
    ("practice.hint_button", "提示"),
    (
        "practice.hint1",
        "把第一个数写成二进制，看开头有几个 1：0 个是 A 类，1 个是 B 类，2 个是 C 类，3 个是 D 类，4 个是 E 类。再对照特殊地址表：私有、环回、组播……",
    ),
    (
        "practice.hint2",
        "先把前缀长度换成掩码；地址 AND 掩码得到网络地址；把主机位全变成 1 得到广播地址；可用主机数是 2^主机位数 − 2。",
    ),
    (
        "practice.hint3",
        "网关题：用 A 的掩码分别和两个地址做 AND，结果相同就直接发送。VLSM 题：每组需要主机数 + 2 个地址，向上取 2 的幂，从大到小依次分配。",
    ),
    ("practice.solution", "看解答"),
    ("practice.next_step", "下一步"),
    ("practice.all_steps", "显示全部步骤"),
    (
        "quiz.ip_special.q",
        "下面哪个地址是私有地址（RFC 1918），不在互联网上路由？",
    ),
    ("quiz.ip_special.a", "172.15.0.1"),
    (
        "quiz.ip_special.a.why",
        "172.16.0.0/12 从 172.16 开始：172.15.0.1 刚好在它前面，是公网地址。",
    ),
    ("quiz.ip_special.b", "172.20.1.5"),
    (
        "quiz.ip_special.b.why",
        "172.16.0.0/12 是 172.16 到 172.31，172.20 在里面。",
    ),
    ("quiz.ip_special.c", "192.169.0.1"),
    (
        "quiz.ip_special.c.why",
        "私有地址块是 192.168.0.0/16；192.169 不在里面，是公网地址。",
    ),
    ("quiz.ip_special.d", "11.0.0.1"),
    (
        "quiz.ip_special.d.why",
        "只有 10.0.0.0/8 是私有的；11.0.0.1 是公网地址。",
    ),
    (
        "practice.solved_first",
        "第一次就全部正确！点“换一题”继续。",
    ),
];
