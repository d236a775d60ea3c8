//! English texts of the links area: the lesson "How hosts are connected" (hub, switch,
//! router, default gateway, one real web request).

pub const TEXTS: &[(&str, &str)] = &[
    ("links.cable.title", "One cable: two hosts, directly"),
    (
        "links.cable.body",
        "The smallest network: two hosts on one cable. Every network card comes with a **MAC address** (its hardware address), and every frame carries the sender's and the receiver's MAC. Two hosts can talk directly when their addresses and masks put them in the same subnet (192.168.1.10/24 and 192.168.1.11/24 do).\n\nPick a sender and a receiver, press Send, then step forward and back through the frame.",
    ),
    ("links.hub.title", "A hub: every frame to everyone"),
    (
        "links.hub.body",
        "A hub is only a repeater: a frame coming in on one port goes out of **every other port**, whoever it is for. Hosts it was not meant for just throw it away: the counter below counts those wasted deliveries. More hosts, more waste, more congestion; that is why hubs are gone.",
    ),
    (
        "links.switch.title",
        "A switch: it learns who is on which port",
    ),
    (
        "links.switch.body",
        "A switch **learns**: for every frame it notes \"this source MAC lives on this port\" in its MAC address table. When it knows the destination it sends the frame out of that one port (unicast); only an unknown destination or a broadcast (ff:ff:ff:ff:ff:ff) is **flooded** to every other port. Entries age: a MAC not seen for a while (often 300 s) is forgotten.\n\nSend A→C, then C→A, and watch the table fill row by row.",
    ),
    ("links.router.title", "A router: across subnets"),
    (
        "links.router.body",
        "A router joins **different networks (subnets)**. A (192.168.1.0/24) sending to B (192.168.2.0/24) hands the packet to the router, which puts it into a new frame towards B. Look at the headers at each hop: **the source and destination IP stay the same**, while the MAC addresses change to the two ends of each link, and the TTL goes down by one at every router.",
    ),
    (
        "links.gateway.title",
        "Default gateway: deliver directly, or hand to the gateway?",
    ),
    (
        "links.gateway.body",
        "Before sending, a host does a little mask arithmetic: its own IP AND mask, the destination IP AND mask. Equal means the same subnet: deliver directly (ask for the destination's MAC with ARP). Different means another subnet: hand it to the **default gateway** (ask for the gateway's MAC).\n\nChange A's mask or gateway and see what a misconfiguration does: with a mask too wide, A believes B is next to it and asks for B's MAC directly; nobody answers. A wrong gateway fails the same way. A gateway outside the own subnet is not used at all.",
    ),
    ("links.web.title", "Opening a URL: a real web request"),
    (
        "links.web.body",
        "When a browser opens a URL it does four things: **DNS** resolves the name to an IP address; it opens a TCP connection (the three-way handshake); it sends an HTTP request over TCP; the **HTTP server** answers with an HTTP response over TCP.\n\nThe relay runs a tiny sample site on loopback. Press the buttons below one at a time: every step is a real system call, and the answers come from the operating system.",
    ),
    ("links.glossary.title", "Glossary"),
    (
        "links.glossary.body",
        "The words of this lesson. Each one links to the step that shows it.",
    ),
    (
        "links.pic.alt",
        "Network diagram: hosts, links and the device between them",
    ),
    ("links.pic.hub", "Hub"),
    ("links.pic.switch", "Switch"),
    ("links.pic.router", "Router R"),
    (
        "links.ctl.same_host",
        "A host does not send to itself over the network: pick another host to send to.",
    ),
    ("links.ctl.from", "From"),
    ("links.ctl.to", "To"),
    ("links.ctl.broadcast", "Broadcast (everyone)"),
    ("links.ctl.send", "Send"),
    ("links.ctl.reset", "Start over"),
    ("links.ctl.back", "◀ Step back"),
    ("links.ctl.forward", "Step forward ▶"),
    ("links.ctl.play", "▶ Play"),
    ("links.ctl.pause", "Pause"),
    ("links.ctl.speed", "Time per step (ms)"),
    ("links.ctl.step", "Step {n} of {len}"),
    (
        "links.ctl.hint",
        "Pick a sender and a receiver, then press Send.",
    ),
    ("links.hdr.src_mac", "Source MAC"),
    ("links.hdr.dst_mac", "Destination MAC"),
    ("links.hdr.src_ip", "Source IP"),
    ("links.hdr.dst_ip", "Destination IP"),
    (
        "links.hub.wasted",
        "Wasted deliveries: {n} (frames that reached hosts that did not need them)",
    ),
    ("links.switch.table", "The switch's MAC address table"),
    ("links.switch.mac", "MAC address"),
    ("links.switch.port", "Port"),
    ("links.switch.age", "Last seen"),
    (
        "links.switch.empty",
        "Empty: the switch has not seen any sender yet.",
    ),
    ("links.switch.wait", "Wait 300 s (entries age out)"),
    ("links.cfg.a_ip", "A's address/mask"),
    ("links.cfg.a_gw", "A's default gateway"),
    ("links.cfg.good", "Correct setup"),
    ("links.cfg.wrong_mask", "Wrong mask (/16)"),
    ("links.cfg.wrong_gw", "Wrong gateway (.254)"),
    ("links.cfg.off_gw", "Gateway outside the subnet"),
    (
        "links.cfg.bad_ip",
        "Write the address like 192.168.1.10/24 or 192.168.1.10/255.255.255.0.",
    ),
    (
        "links.cfg.bad_gw",
        "The gateway must be one IPv4 address, such as 192.168.1.1.",
    ),
    (
        "links.note.decide_direct",
        "{host} does the arithmetic: the destination is in its own subnet, so it delivers directly; first it asks ARP for the MAC of {ask}.",
    ),
    (
        "links.note.decide_gateway",
        "{host} does the arithmetic: the destination is in another subnet, so it goes to the default gateway; first it asks ARP for the MAC of the gateway {ask}.",
    ),
    (
        "links.note.decide_gateway_off",
        "{host} does the arithmetic: the destination is in another subnet, so the packet must go to the default gateway {ask}; but {ask} is not in {host}'s own subnet either.",
    ),
    ("links.note.on_wire", "{host} puts the frame on the cable."),
    (
        "links.note.hub_repeats",
        "The hub reads no address: it repeats the frame out of all {n} other ports.",
    ),
    (
        "links.note.learns",
        "The switch notes: {mac} is on port {port}.",
    ),
    (
        "links.note.forward",
        "It knows the destination MAC: out of port {port} only.",
    ),
    (
        "links.note.flood",
        "Unknown destination or broadcast: flooded out of {n:port|ports} {ports}.",
    ),
    (
        "links.note.filter",
        "The destination is on the port the frame came in on: nothing to forward.",
    ),
    (
        "links.note.switch_sends",
        "The frame leaves through {n:port|ports} {ports}.",
    ),
    (
        "links.note.accepted",
        "{hosts} {n:keeps|keep} the frame (its own MAC, or a broadcast).",
    ),
    (
        "links.note.dropped",
        "{hosts} {n:sees|see} it is not for {n:it|them} and {n:drops|drop} it.",
    ),
    (
        "links.note.router",
        "The router unwraps the IP packet: source and destination IP unchanged, TTL from {ttl_in} down to {ttl_out}; it wraps it in a new frame whose MACs are its outgoing port and the next hop.",
    ),
    (
        "links.note.drop.not_for_me",
        "The frame's destination MAC is not the router's: the router ignores it.",
    ),
    (
        "links.note.drop.ttl",
        "The TTL reached 0: the router drops the packet.",
    ),
    (
        "links.note.drop.no_route",
        "The router knows no way to the destination network: dropped.",
    ),
    (
        "links.note.drop.no_neighbour",
        "The router cannot learn the next hop's MAC: dropped.",
    ),
    (
        "links.note.arp_ask",
        "{host} broadcasts ARP: \"Who has {ip}? Tell me your MAC.\"",
    ),
    (
        "links.note.arp_none",
        "Nobody on this link is {ip}, so nobody answers (and routers do not forward broadcasts). The packet cannot leave: A sees \"Destination host unreachable\", as ping reports it.",
    ),
    (
        "links.note.gw_off",
        "The gateway {gw} is not in A's own subnet, so A cannot reach it at all: the system refuses that gateway and the packet does not leave (\"Network is unreachable\").",
    ),
    ("links.decide.own", "own IP"),
    ("links.decide.dst", "destination IP"),
    (
        "links.decide.same",
        "Same network number → same subnet: deliver directly.",
    ),
    (
        "links.decide.other",
        "Different network numbers → another subnet: hand it to the default gateway.",
    ),
    (
        "links.url.err.not_http",
        "This lesson speaks only http:// (https also needs TLS encryption, another subject). The URL must start with http://.",
    ),
    (
        "links.url.err.no_host",
        "The URL has no host: http:// must be followed by a name or an address, such as localhost.",
    ),
    (
        "links.url.err.bad_port",
        "The port is wrong: after the colon comes a number from 1 to 65535.",
    ),
    (
        "links.url.not_loopback",
        "This is not a loopback host. The name can still be resolved, but the relay will refuse the connection by its rules (TARGET_DENIED): the page may reach only this machine, unless the relay was started with --allow-target.",
    ),
    ("links.url.parts", "host {host}, port {port}, path {path}"),
    ("links.web.url", "URL"),
    ("links.web.resolve", "1. Resolve the name (DNS)"),
    (
        "links.web.resolved",
        "The operating system's resolver answered: {addrs} (took {us} µs)",
    ),
    ("links.web.connect", "2. Open the TCP connection"),
    (
        "links.web.connected",
        "Connected: local {local} → remote {peer}; the three-way handshake took {us} µs. The local port was given by the OS for this connection.",
    ),
    ("links.web.send", "3. Send the HTTP request"),
    ("links.web.response", "4. The HTTP response received"),
    ("links.web.waiting", "Waiting for the server's answer…"),
    ("links.web.close", "5. Close the connection"),
    (
        "links.web.peer_closed",
        "The server closed its side after the response (recv returned 0 bytes).",
    ),
    ("links.web.fail.resolve", "Resolving the name failed:"),
    ("links.web.fail.connect", "Connecting failed:"),
    ("links.web.fail.send", "Sending failed:"),
    ("links.web.fail.close", "Closing failed:"),
    (
        "links.seq.alt",
        "Sequence diagram: handshake, request, response, close",
    ),
    ("links.seq.client", "Browser (relay)"),
    ("links.seq.server", "Sample site"),
    ("links.seq.handshake", "connected after {us} µs"),
    ("links.term.mac", "MAC address"),
    (
        "links.term.mac.def",
        "The network card's hardware address; marks sender and receiver between neighbouring devices, and changes at every hop.",
    ),
    ("links.term.ip", "IP address"),
    (
        "links.term.ip.def",
        "The host's logical address; steers the packet end to end, unchanged through routers.",
    ),
    ("links.term.netmask", "Netmask"),
    (
        "links.term.netmask.def",
        "Marks which bits of an address are the network part; address AND mask gives the network.",
    ),
    ("links.term.gateway", "Default gateway"),
    (
        "links.term.gateway.def",
        "The router a host hands a packet to when the destination is outside its own subnet.",
    ),
    ("links.term.hub", "Hub"),
    (
        "links.term.hub.def",
        "A repeater that sends every frame out of every port; heavy traffic, obsolete.",
    ),
    ("links.term.switch", "Switch"),
    (
        "links.term.switch.def",
        "Learns which MAC is on which port; unicasts when it knows, floods only for unknown or broadcast.",
    ),
    ("links.term.router", "Router"),
    (
        "links.term.router.def",
        "Joins different networks and forwards packets between them.",
    ),
    ("links.term.dns", "DNS"),
    (
        "links.term.dns.def",
        "The phone book from names to addresses: turns a name like localhost into IP addresses.",
    ),
    ("links.term.http", "HTTP server"),
    (
        "links.term.http.def",
        "A program that takes HTTP requests over TCP and answers with responses (status line, headers, body).",
    ),
    ("links.goal.title", "Level: the switch never floods"),
    (
        "links.goal.intro",
        "A fresh switch, except that it has already seen frames from A and C, so it knows their ports. Goal: every host (A, B, C and D) receives a frame addressed to it, and the switch never floods. A broadcast floods, and so does a frame to a host the switch does not know yet.",
    ),
    ("links.goal.from", "From"),
    ("links.goal.to", "To"),
    ("links.goal.broadcast", "everyone (broadcast)"),
    ("links.goal.send", "Send the frame"),
    ("links.goal.restart", "Start the level again"),
    ("links.goal.known", "The switch knows: {hosts}"),
    (
        "links.goal.sent.forward",
        "{from} → {to}: the switch knew {to}'s port and sent the frame out of it only.",
    ),
    (
        "links.goal.sent.flood",
        "{from} → {to}: the switch did not know where {to} is, so it flooded the frame out of every other port.",
    ),
    (
        "links.goal.sent.flood_broadcast",
        "{from} → everyone: a broadcast always goes out of every other port.",
    ),
    (
        "links.goal.sent.same",
        "A host does not send a frame to itself.",
    ),
    (
        "links.goal.progress",
        "Hosts reached: {reached} of {of}. No flood so far.",
    ),
    (
        "links.goal.won",
        "✓ Level complete: every host got a frame, and the switch never flooded. The trick: a switch learns from the sender's address, so an unknown host has to speak first.",
    ),
    (
        "links.goal.lost",
        "✗ The switch flooded, so this level is lost. Who had the switch not heard from yet? Start again.",
    ),
];
