//! English texts of the lessons on IP addresses, classes, masks and subnets, and of practice.
//! Every key here must also be in `ip_zh.rs`.

pub const TEXTS: &[(&str, &str)] = &[
    // ----- table of contents -----
    ("lesson.subnets.title", "Masks, CIDR and subnets"),
    (
        "lesson.subnets.summary",
        "The bitwise AND, direct or via the gateway, splitting networks",
    ),
    // ----- lesson 2: IP addresses -----
    ("ip.what.title", "An IP address is 32 bits"),
    (
        "ip.what.body",
        "Every host on a network has an **IP address** that says who it is. Within its local network the address must be unique, or data would not know where to go.\n\nAn IPv4 address is **32 bits**, that is **4 bytes**. Thirty-two zeros and ones are hard for people to read, so each byte is written as a decimal number (0 to 255) with dots in between: **dotted decimal**, such as `192.168.1.1`.\n\nBelow is `192.168.1.1` as the machine sees it: each group of 8 bits is one of the decimal numbers.\n\nEvery address has two parts: the **network part** at the front says which network the host is on, the **host part** after it says which host on that network. Which bits belong to which part is decided by the **subnet mask** (next lesson).",
    ),
    ("ip.explorer.title", "Address explorer: type any address"),
    (
        "ip.explorer.body",
        "Type any IPv4 address and see at once:\n\n- its 32 bits in four octets, with the leading bits that decide the **class** boxed;\n- the **network part** and **host part** under the class's default mask, in two colours;\n- the class, default mask, classful network and hosts per network;\n- every **special meaning** the address has (private, loopback, multicast...).\n\nTry wrong input too, such as `256.1.1.1`, `1.2.3`, `1..2.3`, or text with spaces or letters: the page says exactly what is wrong.",
    ),
    ("ip.classes.title", "Classes A, B, C, D and E"),
    (
        "ip.classes.body",
        "The early Internet sorted addresses into five classes by their **first bits**, and the class fixed how long the network part was:\n\n- **Class A** starts with `0`: the first byte is the network part, the other 3 bytes the host part; default mask `255.0.0.0`.\n- **Class B** starts with `10`: 2 bytes of network part; default mask `255.255.0.0`.\n- **Class C** starts with `110`: 3 bytes of network part; default mask `255.255.255.0`.\n- **Class D** starts with `1110`: multicast (224.0.0.0–239.255.255.255), never given to a single host.\n- **Class E** starts with `1111`: reserved for experiments (240.0.0.0–255.255.255.255).\n\nHosts per network are 2 to the power of the host bits, minus 2: the address with all host bits 0 names the network itself and the one with all host bits 1 is the broadcast, and neither can be a host. So a class A network holds 2^24 − 2 = **16,777,214** hosts (some course notes print 1677214, a digit short: a typo), class B 65,534 and class C 254.\n\nClass A has only 126 usable networks: network 0 means \"this network\" and 127 is kept for loopback. Class B has 2^14 = 16,384 networks, class C 2^21 = 2,097,152.\n\nThe third column is the **full range** given by the leading bits; the last column is the **first and last usable host address** of the class. Some notes start class B at 128.1.0.1 and class C at 192.0.1.1 because 128.0.0.0/16 and 192.0.0.0/24 were reserved in the early days. 128.0.0.0/16 has since been released; 192.0.0.0/24 is still reserved (IETF protocol assignments, RFC 6890), as the table of special addresses shows.",
    ),
    ("ip.cidr.title", "Why CIDR replaced classes"),
    (
        "ip.cidr.body",
        "Classes come in three sizes only: 254, 65,534 and 16,777,214 hosts, nothing in between.\n\nSay an organisation needs addresses for **2,000** hosts. A class C holds 254: too small. So it had to take a class B (65,534), leaving **about 97%** of it unused, or eight class Cs, which meant eight more entries in every router's routing table. By the early 1990s class B networks were running out and routing tables kept growing.\n\nIn 1993 **CIDR (Classless Inter-Domain Routing, RFC 1519, today RFC 4632)** dropped the classes: the network part can be any number of bits from 0 to 32, written after a slash, so `/21` means the first 21 bits are the network part. A /21 (2,046 usable addresses) is enough for 2,000 hosts.\n\nChange the host count below and see how much the classes wasted.",
    ),
    ("ip.special.title", "Special addresses"),
    (
        "ip.special.body",
        "Some addresses have a fixed special use, and programs meet them all the time:\n\n- `0.0.0.0` means \"this host\". A server bound to `0.0.0.0` listens on **every interface** of the machine. Addresses whose network part is all zeros (0.0.0.0/8) mean \"this network\".\n- `127.0.0.0/8` is **loopback**, and `127.0.0.1` is \"this machine\": opening `http://127.0.0.1` in a browser reaches a web server running on your own computer, and the data never leaves it.\n- `255.255.255.255` is the **limited broadcast**: it reaches every host on the local network only, and routers never forward it. Compare the **directed broadcast**, a subnet's address with all host bits 1: `192.168.1.255` is the broadcast of 192.168.1.0/24.\n- **Private addresses** (RFC 1918): `10.0.0.0/8`, `172.16.0.0/12` (172.16 to 172.31) and `192.168.0.0/16`. Homes and offices use them inside; they are not routed on the Internet and reach it through NAT.\n\nThe table lists every special block. Go back to the explorer and try some of them.",
    ),
    // ----- lesson 3: masks and subnets -----
    ("subnets.mask.title", "Subnet masks and prefix lengths"),
    (
        "subnets.mask.body",
        "A **subnet mask** is 32 bits too: a run of 1s at the front marks the network part, the 0s after it mark the host part. `255.255.255.192` in binary is 26 ones then 6 zeros, so it can also be written as the **prefix length** `/26`.\n\nThe ones in a mask must be **together and at the front**. `255.0.255.0` is not a valid mask: bit 9 is 0 and yet 1s come after it, which would cut the network part in two.\n\nInvert a mask bit by bit and you get the **wildcard mask**: `/26` has the wildcard `0.0.0.63`, which marks exactly the host bits.\n\nType a mask or a prefix length below; each is turned into the other.",
    ),
    ("subnets.and.title", "The bitwise AND gives the network"),
    (
        "subnets.and.body",
        "How does a host find its network address? It **ANDs its IP address with its subnet mask, bit by bit**: the result is 1 only where both bits are 1, else 0.\n\nWhere the mask has a 1, the address bit passes through (the network part); where the mask has a 0, the result is 0 (the host part is cleared).\n\nPress **Next bit** to work through one bit at a time, or **Play** to watch all 32 bits from left to right.",
    ),
    ("subnets.calc.title", "Network, broadcast and usable hosts"),
    (
        "subnets.calc.body",
        "An address and its prefix length give everything about its subnet:\n\n- **network address**: host bits all 0 (address AND mask);\n- **broadcast address** (directed broadcast): host bits all 1 (network OR wildcard);\n- **first usable host** = network + 1, **last usable host** = broadcast − 1;\n- **usable hosts** = 2^(host bits) − 2.\n\nTwo exceptions: a `/31` has 2 addresses and, per RFC 3021, is used on point-to-point links where both are hosts, with no network or broadcast address; a `/32` is a single address, one host.\n\nWrite the prefix length (`192.168.1.77/26`) or a mask after the slash (`192.168.1.77/255.255.255.192`).",
    ),
    ("subnets.reach.title", "Same subnet, or via the gateway?"),
    (
        "subnets.reach.body",
        "Two hosts joined by a cable or a switch can talk directly only if they are in the **same subnet**. The sender decides by ANDing **its own mask** with its own address and with the other's address, and comparing the two results:\n\n- the same: the other host is on this subnet, so send to it directly (finding its MAC address with ARP first);\n- different: it is on another network, so hand the packet to the **default gateway** (a router), which forwards it.\n\nWith the mask 255.255.255.0 on both, `192.168.1.1` and `192.168.1.2` are in one subnet and talk directly; `192.168.1.1` and `192.168.2.2` are not, so their packets go through the gateway.\n\nPress **Next check** to walk through the decision. Try the example with different masks too: the two hosts may not agree.",
    ),
    (
        "subnets.split.title",
        "Splitting a network into equal subnets",
    ),
    (
        "subnets.split.body",
        "To cut a network into N subnets of the same size, **borrow bits** from the host part as subnet number: borrowing k bits gives 2^k subnets and adds k to the prefix length. When N is not a power of two, it is rounded up to the next one.\n\nFor example, `10.0.0.0/8` split into 4: borrow 2 bits, the prefix becomes /10, and the subnets are 10.0.0.0/10, 10.64.0.0/10, 10.128.0.0/10 and 10.192.0.0/10.\n\nThe bar shows, to scale, where each subnet lies inside the network.",
    ),
    ("subnets.vlsm.title", "Sizes that fit: VLSM"),
    (
        "subnets.vlsm.body",
        "In a real network, departments need different numbers of hosts. **VLSM (variable-length subnet masks)** gives each group a block just big enough:\n\n- a group needs hosts + 2 addresses (network and broadcast are not hosts), rounded up to a power of two: that is its block size;\n- hand out blocks **largest first**, so each lands on a boundary of its own size;\n- what is left stays free for later.\n\nType a network and each group's host count, separated by commas.",
    ),
    (
        "subnets.tree.title",
        "The subnet tree: split and join by clicking",
    ),
    (
        "subnets.tree.body",
        "Any subnet can be cut in two: one more prefix bit gives its lower and upper halves. Two neighbouring halves (siblings) can be joined back into the network they came from.\n\nPress **Split** and **Join** to try it. The picture shows the tree from the side: each row is one prefix bit longer, and the dark blocks are the subnets in use.\n\nThe division is kept in the page's address: copy the link from the address bar and whoever opens it sees the same division; a teacher can hand out an exercise this way.",
    ),
    ("subnets.practice.title", "Practice"),
    (
        "subnets.practice.body",
        "Finally, work some out yourself. Practice has three levels:\n\n- **Level 1**: the class and special meanings of an address;\n- **Level 2**: mask, network, broadcast, host range and host count;\n- **Level 3**: same subnet or via the gateway, and VLSM plans.\n\nEach box is marked right or wrong on its own; there is a hint, and a solution you can walk through step by step. Your score is kept in this browser.",
    ),
    // ----- shared -----
    ("ipw.examples", "Examples"),
    ("ipw.bits.alt", "The 32 bits of {addr}"),
    ("ipw.bits.class", "class bits"),
    ("ipw.bits.network", "network part"),
    ("ipw.bits.host", "host part"),
    ("ipw.delivery.direct", "Send directly (same subnet)"),
    (
        "ipw.delivery.gateway",
        "Hand to the default gateway (different subnet)",
    ),
    // explorer
    ("ipw.explorer.label", "IPv4 address"),
    ("ipw.explorer.class", "Class"),
    ("ipw.explorer.leading", "(starts with {bits})"),
    ("ipw.explorer.default_mask", "Default mask"),
    ("ipw.explorer.network_part", "Classful network"),
    ("ipw.explorer.hosts", "Hosts per network"),
    (
        "ipw.explorer.no_hosts_d",
        "Class D is multicast: an address names a group of receivers, not a network, so there is no network part and host part.",
    ),
    (
        "ipw.explorer.no_hosts_e",
        "Class E is reserved for experiments and never given to hosts, so it has no default mask.",
    ),
    ("ipw.explorer.meanings", "What this address means"),
    (
        "ipw.explorer.is_network",
        "{addr} is the network address of its classful network {net}: it names the network, so no host can have it.",
    ),
    (
        "ipw.explorer.is_broadcast",
        "{addr} is the broadcast address of its classful network {net}: it reaches every host there, so no single host can have it.",
    ),
    // classes table
    ("ipw.classes.caption", "Address classes A to E"),
    ("ipw.classes.class", "Class"),
    ("ipw.classes.lead", "Leading bits"),
    ("ipw.classes.range", "Range"),
    ("ipw.classes.bytes", "Network/host bytes"),
    ("ipw.classes.mask", "Default mask"),
    ("ipw.classes.networks", "Networks"),
    ("ipw.classes.hosts", "Hosts per network"),
    ("ipw.classes.usable", "Usable host addresses"),
    ("ipw.classes.a_networks", "{n} (0 and 127 excluded)"),
    ("ipw.classes.multicast", "multicast, not for hosts"),
    ("ipw.classes.reserved", "reserved, experimental"),
    // waste
    ("ipw.waste.label", "Hosts an organisation needs"),
    (
        "ipw.waste.bad",
        "Enter a whole number from 1 to 16,777,214.",
    ),
    (
        "ipw.waste.bar_b",
        "{hosts} {hosts:host|hosts} in one class B network",
    ),
    (
        "ipw.waste.bar_cidr",
        "{hosts} {hosts:host|hosts} in one /{len} ({usable} usable addresses)",
    ),
    (
        "ipw.waste.b",
        "Classful: take one class B; {hosts} {hosts:host|hosts} use part of it and {unused} {unused:address|addresses} (about {pct}%) sit unused.",
    ),
    (
        "ipw.waste.b_exact",
        "Classful: {hosts} {hosts:host|hosts} fill one class B exactly; not one address is spare, and one more host needs a second network.",
    ),
    (
        "ipw.waste.c_fits",
        "Classful: one class C is enough; {unused} of its 254 addresses (about {pct}%) sit unused.",
    ),
    (
        "ipw.waste.b_too_small",
        "Classful: {hosts} {hosts:host|hosts} do not even fit in one class B; it takes a class A or several class Bs.",
    ),
    (
        "ipw.waste.c",
        "Or take {n} class C networks: {n} {n:entry|entries} in every routing table instead of one.",
    ),
    (
        "ipw.waste.cidr",
        "CIDR: one /{len} is enough, with {usable} usable addresses, only {spare} to spare.",
    ),
    // special table
    ("ipw.special.caption", "Special-purpose address blocks"),
    ("ipw.special.meaning", "Meaning"),
    ("ipw.special.blocks", "Blocks"),
    ("ipw.special.what", "What it is for"),
    ("ipw.special.rfc", "Defined in"),
    // masks
    ("ipw.mask.label", "Subnet mask or prefix length"),
    ("ipw.mask.prefix", "Prefix length"),
    ("ipw.mask.dotted", "Dotted mask"),
    ("ipw.mask.wildcard", "Wildcard mask"),
    ("ipw.mask.block", "Addresses per subnet"),
    (
        "ipw.mask.explain",
        "{ones} {ones:one|ones} mark the network part, {zeros} {zeros:zero|zeros} the host part.",
    ),
    (
        "ipw.mask.gap_hint",
        "Above are the mask's 32 bits: ones and zeros take turns. A valid mask is a run of ones, then a run of zeros.",
    ),
    // AND
    ("ipw.and.addr_label", "IP address"),
    ("ipw.and.mask_label", "Subnet mask or prefix length"),
    (
        "ipw.and.grid",
        "The IP address ANDed with the mask, bit by bit",
    ),
    ("ipw.and.addr", "address"),
    ("ipw.and.mask", "mask"),
    ("ipw.and.result", "network"),
    (
        "ipw.and.start",
        "Start at bit 1, the leftmost. Press Next bit.",
    ),
    ("ipw.and.this_bit", "Bit {n}: {a} AND {m} = {r}"),
    ("ipw.and.progress", "{n} of 32 bits done"),
    ("ipw.and.next", "Next bit"),
    ("ipw.and.play", "Play"),
    ("ipw.and.pause", "Pause"),
    ("ipw.and.all", "All bits"),
    ("ipw.and.reset", "Start over"),
    (
        "ipw.and.done",
        "All 32 bits done: the network address is {network} ({prefix}).",
    ),
    // calculator
    ("ipw.calc.label", "Address/prefix (or address/mask)"),
    ("ipw.calc.bar_alt", "Where {addr} lies in the subnet {net}"),
    ("ipw.calc.mask", "Subnet mask"),
    ("ipw.calc.network", "Network address"),
    ("ipw.calc.broadcast", "Broadcast address"),
    ("ipw.calc.first", "First usable host"),
    ("ipw.calc.last", "Last usable host"),
    ("ipw.calc.usable", "Usable host count"),
    ("ipw.calc.total", "Addresses in all"),
    ("ipw.calc.wildcard", "Wildcard mask"),
    (
        "ipw.calc.role_network",
        "{addr} is the network address itself; it cannot be given to a host.",
    ),
    (
        "ipw.calc.role_broadcast",
        "{addr} is this subnet's broadcast address; it cannot be given to a host.",
    ),
    (
        "ipw.calc.role_host",
        "{addr} is an address of this subnet that a host may use.",
    ),
    (
        "ipw.calc.note31",
        "A /31 has 2 addresses: per RFC 3021 the two ends of a point-to-point link use one each, with no network or broadcast address.",
    ),
    (
        "ipw.calc.note32",
        "A /32 is 1 address: a single host, as used in routing tables and firewall rules.",
    ),
    // reach
    ("ipw.reach.a", "Host A (address/prefix)"),
    ("ipw.reach.b", "Host B (address/prefix)"),
    ("ipw.reach.next", "Next check"),
    ("ipw.reach.all", "Show all steps"),
    ("ipw.reach.progress", "Step {n} of {total}"),
    (
        "ipw.reach.same_addr",
        "A and B both have {addr}: two hosts on one network cannot share an address.",
    ),
    ("ipw.reach.host_a", "Host A"),
    ("ipw.reach.host_b", "Host B"),
    ("ipw.reach.gateway", "Default gateway"),
    // splitting
    ("ipw.split.network", "Network to split"),
    ("ipw.split.count", "Subnets"),
    (
        "ipw.split.bad_count",
        "Enter the number of subnets as a whole number.",
    ),
    (
        "ipw.split.host_bits",
        "{given} has host bits set, so it is not a network address. Did you mean {network}?",
    ),
    ("ipw.split.zero", "Ask for at least 1 subnet."),
    (
        "ipw.split.too_many",
        "{n} {n:subnet|subnets} do not fit: this network has only {max} {max:address|addresses}, so {max} {max:subnet|subnets} at most.",
    ),
    (
        "ipw.split.summary",
        "Borrow {bits} {bits:bit|bits}: {old} becomes {new}, giving {count} {count:subnet|subnets} of {size} {size:address|addresses} each.",
    ),
    (
        "ipw.split.rounded",
        "{n} is not a power of two, so it is rounded up to {count} {count:subnet|subnets}.",
    ),
    ("ipw.split.more", "{n} more subnets are not listed."),
    ("ipw.split.subnet", "Subnet"),
    ("ipw.split.hosts_range", "Host address range"),
    ("ipw.vlsm.hosts", "Hosts per group (comma-separated)"),
    (
        "ipw.vlsm.bad_hosts",
        "Enter host counts separated by commas, e.g. 60, 30, 10, 2.",
    ),
    (
        "ipw.vlsm.no_requests",
        "Enter at least one group's host count.",
    ),
    (
        "ipw.vlsm.zero_hosts",
        "Group {n} asks for 0 hosts: every group needs at least 1.",
    ),
    (
        "ipw.vlsm.no_fit",
        "It does not fit: the blocks need {needed} {needed:address|addresses} and the network has {available}.",
    ),
    ("ipw.vlsm.group", "Group"),
    ("ipw.vlsm.asked", "Hosts needed"),
    ("ipw.vlsm.spare", "Spare host addresses"),
    // tree
    ("ipw.tree.root", "Start from the network"),
    ("ipw.tree.start", "Start over"),
    ("ipw.tree.split", "Split"),
    ("ipw.tree.join", "Join"),
    ("ipw.tree.split_label", "Split {net} in two"),
    ("ipw.tree.join_label", "Join {net} with its other half"),
    ("ipw.tree.hosts", "{n} usable hosts"),
    ("ipw.tree.split_into_two", "split in two"),
    ("ipw.tree.summary", "{n} {n:subnet|subnets} now."),
    (
        "ipw.tree.share",
        "The link in the address bar holds this tree: copy it and whoever opens it sees the same division.",
    ),
    (
        "ipw.tree.bad_link",
        "The subnet tree in this link cannot be read (it may have been cut short); starting again from the default network.",
    ),
    (
        "ipw.tree.err_32",
        "A /32 is a single address; it cannot be split.",
    ),
    ("ipw.tree.err_many", "Too many subnets: 256 at most."),
    (
        "ipw.tree.err_sibling",
        "Its other half is split; join that back first.",
    ),
    (
        "ipw.tree.err_other",
        "That cannot be done here; try another subnet.",
    ),
    ("ipw.practice.open", "Start practising"),
    // ----- input errors -----
    (
        "perr.empty",
        "Nothing typed yet. An IPv4 address is four numbers from 0 to 255 separated by dots, such as 192.168.1.1.",
    ),
    (
        "perr.too_long",
        "Too long: {len} {len:character|characters}, {max} at most.",
    ),
    (
        "perr.whitespace",
        "Character {pos} is a space (or other blank). Addresses have no spaces: remove it.",
    ),
    (
        "perr.full_width",
        "Character {pos}, “{ch}”, is full-width. Switch the input method to half-width (English) and type it again.",
    ),
    (
        "perr.unexpected",
        "Character {pos}, “{ch}”, cannot be in an address: only digits 0–9 and dots (and one slash before a prefix length).",
    ),
    (
        "perr.octet_count",
        "An IPv4 address has exactly 4 numbers separated by dots; this has {found}.",
    ),
    (
        "perr.empty_octet",
        "Number {octet} is missing (at character {pos}): two dots in a row, or a dot at the start or end.",
    ),
    (
        "perr.leading_zero",
        "Number {octet} starts with 0 (character {pos}). Leave out leading zeros: some systems read 010 as octal 8.",
    ),
    (
        "perr.octet_range",
        "Number {octet} is {value} (from character {pos}), but each of the four numbers is one byte: 0 to 255.",
    ),
    ("perr.huge", "a huge number"),
    (
        "perr.missing_address",
        "Put the address before the slash, such as 192.168.1.0/24.",
    ),
    (
        "perr.missing_slash",
        "Add a slash and the prefix length after the address, such as /24.",
    ),
    (
        "perr.missing_prefix",
        "Nothing after the slash (character {pos}): add a prefix length from 0 to 32, or a mask.",
    ),
    (
        "perr.prefix_zero",
        "The prefix length starts with 0 (character {pos}): leave out the leading zero.",
    ),
    (
        "perr.prefix_range",
        "The prefix length is {value} (from character {pos}), but an IPv4 address has only 32 bits: 0 to 32.",
    ),
    (
        "perr.mask_gap",
        "Not a valid mask: bit {zero} is 0 but bit {one} after it is 1. A mask is a run of ones then a run of zeros with no gap (255.255.255.0 yes, 255.0.255.0 no).",
    ),
    // ----- special meanings -----
    ("special.this_host.name", "This host (0.0.0.0)"),
    (
        "special.this_host.desc",
        "\"This host\" or \"any local address\": a server bound to 0.0.0.0 listens on every interface.",
    ),
    ("special.this_network.name", "This network"),
    (
        "special.this_network.desc",
        "A network part of all zeros means \"this network\"; only ever a source, never a destination.",
    ),
    ("special.private.name", "Private"),
    (
        "special.private.desc",
        "RFC 1918 private addresses: used inside homes and offices, not routed on the Internet, which they reach through NAT.",
    ),
    ("special.shared.name", "Shared (carrier-grade NAT)"),
    (
        "special.shared.desc",
        "Used by carriers between their NAT routers and customers (CGN).",
    ),
    ("special.loopback.name", "Loopback"),
    (
        "special.loopback.desc",
        "This machine itself: data sent here never leaves it; http://127.0.0.1 reaches a local web server.",
    ),
    ("special.link_local.name", "Link-local"),
    (
        "special.link_local.desc",
        "Self-assigned when no DHCP server answers; valid on the local link only.",
    ),
    ("special.protocol.name", "IETF protocol assignments"),
    (
        "special.protocol.desc",
        "192.0.0.0/24: reserved in the classful era and still reserved today, for addresses that protocols themselves need; never given to ordinary hosts.",
    ),
    ("special.documentation.name", "Documentation"),
    (
        "special.documentation.desc",
        "Kept for examples in books and documents; never given to real hosts.",
    ),
    ("special.benchmarking.name", "Benchmarking"),
    (
        "special.benchmarking.desc",
        "Kept for performance tests of network devices.",
    ),
    ("special.multicast.name", "Multicast (class D)"),
    (
        "special.multicast.desc",
        "Sent to a group of receivers rather than one host, e.g. streaming or device discovery.",
    ),
    ("special.reserved.name", "Reserved (class E)"),
    (
        "special.reserved.desc",
        "Reserved for experiments and future use; not given to hosts.",
    ),
    ("special.limited_broadcast.name", "Limited broadcast"),
    (
        "special.limited_broadcast.desc",
        "Reaches every host on the local network; routers never forward it. Not the same as a subnet's directed broadcast (host bits all 1).",
    ),
    ("special.public.name", "Public"),
    (
        "special.public.desc",
        "No special use: routable on the Internet.",
    ),
    // ----- solution steps -----
    ("sol.who.given", "the host"),
    ("sol.who.a", "host A"),
    ("sol.who.b", "host B"),
    ("sol.group", "group {n}"),
    (
        "sol.first_octet",
        "Write the first number, {octet}, in binary: {bits}.",
    ),
    (
        "sol.leading_bits",
        "It starts with {bits}, so it is a class {class} address.",
    ),
    ("sol.inside_block", "It lies in {block}: {meaning}."),
    (
        "sol.no_block",
        "It is in no special block, so it is public.",
    ),
    (
        "sol.prefix_to_mask",
        "/{len} means the first {len} {len:bit|bits} are 1: the mask is {mask}.",
    ),
    (
        "sol.and",
        "AND {addr_of}'s address {addr} with {mask_of}'s mask {mask}: {network}.",
    ),
    (
        "sol.invert",
        "Invert the mask {mask} to get the wildcard {wildcard} (the host bits).",
    ),
    (
        "sol.or",
        "OR the network {network} with the wildcard {wildcard}, setting every host bit to 1: {broadcast}.",
    ),
    (
        "sol.first_host",
        "The first usable host is the network {network} plus 1: {first}.",
    ),
    (
        "sol.last_host",
        "The last usable host is the broadcast {broadcast} minus 1: {last}.",
    ),
    (
        "sol.count",
        "{bits} host bits: 2^{bits} = {total} {total:address|addresses}; minus the network address and the broadcast, {usable} usable hosts.",
    ),
    (
        "sol.count_31",
        "Only {bits} host bit: {total} {total:address|addresses}, and per RFC 3021 both are usable: {usable} usable hosts.",
    ),
    (
        "sol.count_32",
        "{bits} host bits: {total} address, this one host: {usable} usable.",
    ),
    (
        "sol.compare_same",
        "Compare, as {who}: its own network {own} and the other's {other} are the same, so it sends directly.",
    ),
    (
        "sol.compare_differ",
        "Compare, as {who}: its own network {own} and the other's {other} differ, so it hands the packet to the default gateway.",
    ),
    ("sol.agree", "Both hosts come to the same decision."),
    (
        "sol.disagree",
        "The hosts disagree (their masks differ): one sends directly, the other through the gateway. That is a misconfiguration; give both the same mask.",
    ),
    (
        "sol.block_for_hosts",
        "{group} needs {hosts} {hosts:host|hosts}, so {needed} {needed:address|addresses}; rounded up to a power of two that is {size}, a /{len}.",
    ),
    ("sol.sort", "Hand out blocks largest first: {order}."),
    (
        "sol.allocate",
        "{group} gets the next free aligned block: {network}.",
    ),
    ("sol.free", "Left free: {free}."),
    (
        "sol.free_none",
        "The network is used up exactly; nothing is left.",
    ),
    // ----- practice -----
    ("practice.title", "Address practice"),
    (
        "practice.intro",
        "Pick a level, fill in the boxes and press **Check**. Each box is marked on its own; an answer written in a wrong format is explained, not counted as wrong.\n\nProblems come from a **seed**: the same level and seed always give the same problem. Send the link in the address bar to a classmate and they get this very problem.",
    ),
    ("practice.levels", "Levels"),
    ("practice.level1", "Level 1: classes and special addresses"),
    ("practice.level2", "Level 2: subnet arithmetic"),
    ("practice.level3", "Level 3: gateway and VLSM"),
    ("practice.seed", "Seed"),
    (
        "practice.score",
        "{solved} solved of {tried} tried, {first} at the first try",
    ),
    ("practice.new", "New problem"),
    (
        "practice.share",
        "The link in the address bar is this problem: share it.",
    ),
    (
        "practice.q.classify",
        "Which class is {addr}, and what special meanings does it have? (Tick \"Public\" if none.)",
    ),
    (
        "practice.q.subnet",
        "Host {cidr}: find its subnet mask, network address, broadcast address, first and last usable host, and the number of usable hosts.",
    ),
    (
        "practice.q.reach",
        "Host A is {a} and host B is {b}. When A sends to B, does it send directly or through the default gateway?",
    ),
    (
        "practice.q.vlsm",
        "Split {network} with VLSM for: {groups}. Give each group's block in CIDR form, such as 192.168.1.0/26.",
    ),
    ("practice.q.group", "group {n}, {hosts} {hosts:host|hosts}"),
    ("practice.list_sep", "; "),
    ("practice.field.class", "Class"),
    (
        "practice.field.specials",
        "Special meanings (tick all that apply)",
    ),
    ("practice.field.mask", "Subnet mask"),
    ("practice.field.network", "Network address"),
    ("practice.field.broadcast", "Broadcast address"),
    ("practice.field.first", "First usable host"),
    ("practice.field.last", "Last usable host"),
    ("practice.field.usable", "Usable hosts"),
    ("practice.field.net_a", "A's address AND A's mask"),
    ("practice.field.net_b", "B's address AND A's mask"),
    ("practice.field.delivery", "How A sends to B"),
    (
        "practice.field.vlsm",
        "Block for group {n} ({hosts} {hosts:host|hosts})",
    ),
    ("practice.check", "Check"),
    ("practice.right", "right"),
    ("practice.wrong", "wrong"),
    ("practice.blank", "Not filled in yet."),
    ("practice.not_a_number", "Enter a whole number."),
    ("practice.solved", "All right! Press New problem to go on."),
    ("practice.hint_button", "Hint"),
    (
        "practice.hint1",
        "Write the first number in binary and count the 1s before the first 0: none is class A, one is B, two is C, three is D, four is E. Then look in the table of special addresses: private, loopback, multicast...",
    ),
    (
        "practice.hint2",
        "Turn the prefix length into a mask; address AND mask gives the network; set every host bit to 1 for the broadcast; usable hosts are 2^(host bits) − 2.",
    ),
    (
        "practice.hint3",
        "Gateway problems: AND both addresses with A's mask; the same result means send directly. VLSM problems: each group needs hosts + 2 addresses rounded up to a power of two; hand out the largest first.",
    ),
    ("practice.solution", "Show solution"),
    ("practice.next_step", "Next step"),
    ("practice.all_steps", "Show all steps"),
    (
        "quiz.ip_special.q",
        "Which of these addresses is private (RFC 1918), so it is not routed on the Internet?",
    ),
    ("quiz.ip_special.a", "172.15.0.1"),
    (
        "quiz.ip_special.a.why",
        "172.16.0.0/12 starts at 172.16: 172.15.0.1 is just below it, a public address.",
    ),
    ("quiz.ip_special.b", "172.20.1.5"),
    (
        "quiz.ip_special.b.why",
        "172.16.0.0/12 runs from 172.16 to 172.31, and 172.20 is inside.",
    ),
    ("quiz.ip_special.c", "192.169.0.1"),
    (
        "quiz.ip_special.c.why",
        "The private block is 192.168.0.0/16; 192.169 is outside it, a public address.",
    ),
    ("quiz.ip_special.d", "11.0.0.1"),
    (
        "quiz.ip_special.d.why",
        "Only 10.0.0.0/8 is private; 11.0.0.1 is a public address.",
    ),
    (
        "practice.solved_first",
        "All right at the first try! Press New problem to go on.",
    ),
];
