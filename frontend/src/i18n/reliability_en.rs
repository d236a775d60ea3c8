//! English texts of the reliability area: the lesson "How TCP stays reliable".

pub const TEXTS: &[(&str, &str)] = &[
    ("reliability.link.title", "A link that misbehaves"),
    (
        "reliability.link.body",
        "On loopback nothing is ever lost, so real sockets cannot show TCP's reliability. Here the two hosts are joined by a **simulated** link, and you decide how bad it is: loss, duplication, reordering (one segment is held up and later ones overtake it), corruption (one bit flipped), and the one-way delay.\n\nThe same **seed** always gives the same run, so a teacher can replay one scenario for the whole class. Besides faults by chance, in the next step you can click one segment and break it by hand.",
    ),
    ("reliability.tcp.title", "TCP, one step at a time"),
    (
        "reliability.tcp.body",
        "The client sends one sentence to the server over this link. Each **Forward** adds one event to the sequence diagram; **Back** takes it away again. Watch the initial sequence numbers in the three-way handshake: each side picks a large random number (the header panel shows the real 32-bit value), and the diagram counts from it, so its seq and ack are **relative** numbers starting at 0, as Wireshark shows them. Then watch each data segment's seq and the ack that answers it, the retransmission timer firing after a loss, a duplicate thrown away, an early segment held and then delivered in order, a segment with a bad checksum dropped without a word.\n\nThe receiving program reads slowly, so its buffer fills: the window it advertises shrinks towards 0 and the sender has to **pause** (flow control). After a loss the congestion window falls back to one segment (congestion control). Click any line to see its header fields.",
    ),
    ("reliability.udp.title", "UDP over the same link"),
    (
        "reliability.udp.body",
        "The same sentence, cut into datagrams of the same size, over the same link, meeting the same faults. UDP does not acknowledge, resend or reorder: what is lost stays lost, a duplicate arrives twice, the order is whatever the link gives; a corrupted datagram fails UDP's own checksum and the receiving kernel drops it. On the left what TCP finally delivered, on the right what the UDP program really received.",
    ),
    (
        "reliability.kernel.title",
        "The kernel's view of a real connection",
    ),
    (
        "reliability.kernel.body",
        "Every name in the simulation has a real counterpart. Connect to the relay's TCP echo peer, send a few times, and the page asks the relay every second for the kernel's `TCP_INFO`: the state, the round-trip time, the retransmission timer, the congestion window, the bytes acknowledged... On loopback there are hardly ever retransmissions, but every number is real.\n\nNote that `bytes_acked` is one more than what you sent: the handshake's SYN takes one sequence number too, and the kernel counts it when it is acknowledged.",
    ),
    (
        "reliability.practice.title",
        "Practice: predict what happens next",
    ),
    (
        "reliability.practice.body",
        "One fixed-seed run: the second data segment is lost on the link, everything else goes well. Sequence numbers are **relative** (counted from the initial sequence number, as Wireshark shows them); the SYN takes 1, each data segment carries 4 bytes. Predict first, then check.",
    ),
    ("rel.controls.title", "The link"),
    ("rel.field.seed", "Seed"),
    ("rel.field.loss", "Loss %"),
    ("rel.field.duplicate", "Duplicate %"),
    ("rel.field.reorder", "Reorder %"),
    ("rel.field.corrupt", "Corrupt %"),
    ("rel.field.delay", "Delay (ms)"),
    ("rel.fault.item", "transmission #{n}: {fate}"),
    (
        "rel.fault.none",
        "No faults set by hand yet. Click a line in the sequence diagram to break it.",
    ),
    ("rel.fault.clear", "Clear hand-set faults"),
    (
        "rel.fault.hint",
        "Make the link do this to this transmission:",
    ),
    ("rel.fault.lost", "Drop it"),
    ("rel.fault.duplicated", "Duplicate it"),
    ("rel.fault.delayed", "Hold it up"),
    ("rel.fault.corrupted", "Corrupt it"),
    ("rel.fate.delivered", "delivered"),
    ("rel.fate.lost", "lost"),
    ("rel.fate.duplicated", "duplicated"),
    ("rel.fate.delayed", "reordered"),
    ("rel.fate.corrupted", "corrupted"),
    (
        "rel.fate.delivered.means",
        "The link handed it over as it was.",
    ),
    (
        "rel.fate.lost.means",
        "The link lost it; the other side received nothing. Only the sender's timer will notice.",
    ),
    (
        "rel.fate.duplicated.means",
        "The link delivered it twice; the second copy is the link's own.",
    ),
    (
        "rel.fate.delayed.means",
        "The link held it up, so later segments arrive first.",
    ),
    (
        "rel.fate.corrupted.means",
        "One bit flipped on the way; the receiver's checksum does not match, so it is dropped.",
    ),
    (
        "rel.fate.copy.means",
        "This is the link's extra copy; the sender never sent it.",
    ),
    ("rel.mark.timeout", "timeout!"),
    ("rel.mark.blocked", "window full, pause"),
    ("rel.mark.read", "app reads"),
    (
        "rel.diagram.label",
        "Sequence diagram between client and server",
    ),
    ("rel.host.client", "client"),
    ("rel.host.server", "server"),
    ("rel.hdr.src_port", "Source port"),
    ("rel.hdr.dst_port", "Destination port"),
    ("rel.hdr.seq", "Sequence number (seq)"),
    ("rel.hdr.ack", "Acknowledgement number (ack)"),
    ("rel.hdr.flags", "Flags"),
    ("rel.hdr.window", "Window"),
    ("rel.hdr.checksum", "Checksum"),
    ("rel.hdr.payload", "Data"),
    (
        "rel.hdr.corrupted",
        "It arrived carrying checksum {carried}; the receiver computed {computed}: they differ, so it is dropped.",
    ),
    (
        "rel.header.hint",
        "Click a line in the diagram to see that segment's header fields.",
    ),
    ("rel.ev.send", "Transmission #{n} leaves its sender."),
    (
        "rel.ev.resend",
        "Transmission #{n}: a **retransmission** after the timer fired.",
    ),
    ("rel.ev.lost", "Transmission #{n} is lost on the link."),
    (
        "rel.ev.accepted",
        "Transmission #{n} arrives: its data goes to the receiving program, in order.",
    ),
    (
        "rel.ev.held",
        "Transmission #{n} arrives early: there is a gap before it, so it is held.",
    ),
    (
        "rel.ev.duplicate",
        "Transmission #{n} is a duplicate: already received, thrown away (and acknowledged again).",
    ),
    (
        "rel.ev.bad_checksum",
        "Transmission #{n} fails its checksum and is dropped.",
    ),
    (
        "rel.ev.control",
        "Transmission #{n} arrives (a control segment: SYN, ACK or FIN).",
    ),
    (
        "rel.ev.timeout",
        "The {who}'s retransmission timer fires: the segment it sent with seq={seq} is still unacknowledged, so the {who} sends it again.",
    ),
    (
        "rel.ev.blocked",
        "The receive window has only {window} {window:byte|bytes} left: the sender pauses (flow control).",
    ),
    (
        "rel.ev.read",
        "The receiving program reads {bytes} {bytes:byte|bytes} from its buffer; the window opens again.",
    ),
    (
        "rel.ev.congestion",
        "A loss: the congestion window falls back to {cwnd}, the slow-start threshold becomes {ssthresh}.",
    ),
    ("rel.ev.state", "The {who} enters {state}."),
    ("rel.step.start", "Start"),
    ("rel.step.back", "Back"),
    ("rel.step.forward", "Forward"),
    ("rel.step.end", "To the end"),
    ("rel.step.progress", "event {k}/{total}, at {ms} ms"),
    (
        "rel.num.cwnd",
        "congestion window {cwnd} {cwnd:segment|segments} (threshold {ssthresh})",
    ),
    (
        "rel.num.window",
        "advertised window {window} {window:byte|bytes}",
    ),
    (
        "rel.num.buffer",
        "receive buffer {buffered}/{cap} {cap:byte|bytes}",
    ),
    (
        "rel.num.retransmits",
        "{n} {n:retransmission|retransmissions}",
    ),
    ("rel.delivered", "What the receiving program has so far: "),
    (
        "rel.udp.tcp_summary",
        "{n} transmissions, {r} of them retransmissions. Delivered:",
    ),
    (
        "rel.udp.summary",
        "{n} {n:datagram|datagrams} sent, {lost} lost, recvfrom returned {got} {got:time|times}. Received:",
    ),
    ("rel.udp.col.data", "Data"),
    ("rel.udp.col.fate", "What the link did"),
    ("rel.udp.col.arrivals", "Times received"),
    (
        "rel.kernel.hint",
        "Connects to 127.0.0.1:{port} (the relay's TCP echo peer). While the connection lives and you stay on this step, the page refreshes the kernel's numbers every second.",
    ),
    ("rel.kernel.send", "Send 14 bytes"),
    ("rel.kernel.sent", "{bytes} {bytes:byte|bytes} sent"),
    (
        "rel.kernel.none",
        "This system does not offer these numbers: {reason}",
    ),
    ("rel.kernel.waiting", "Asking the kernel..."),
    ("rel.kernel.col.field", "Kernel field"),
    ("rel.kernel.col.value", "Value"),
    ("rel.kernel.col.sim", "Its name in the simulation"),
    ("rel.kernel.state.field", "tcpi_state"),
    (
        "rel.kernel.state.sim",
        "the connection state (ESTABLISHED, FIN_WAIT_1, ...)",
    ),
    ("rel.kernel.rtt.field", "tcpi_rtt / tcpi_rttvar"),
    (
        "rel.kernel.rtt.sim",
        "round-trip time: a segment out, its ACK back (2 × delay in the simulation)",
    ),
    ("rel.kernel.rto.field", "tcpi_rto"),
    (
        "rel.kernel.rto.sim",
        "the retransmission timer: no ACK within this, resend",
    ),
    (
        "rel.kernel.retrans.field",
        "tcpi_retransmits / tcpi_total_retrans",
    ),
    (
        "rel.kernel.retrans.sim",
        "retransmissions (this segment / whole connection)",
    ),
    (
        "rel.kernel.source",
        "This system gives its own, smaller set ({source}): a number it does not give is shown as —.",
    ),
    ("rel.kernel.cwnd.field", "tcpi_snd_cwnd / tcpi_snd_ssthresh"),
    (
        "rel.kernel.cwnd.sim",
        "congestion window and slow-start threshold (in segments)",
    ),
    ("rel.kernel.mss.field", "tcpi_snd_mss / tcpi_rcv_mss"),
    (
        "rel.kernel.mss.sim",
        "the most bytes one segment carries (4 in the simulation)",
    ),
    ("rel.kernel.unacked.field", "tcpi_unacked"),
    (
        "rel.kernel.unacked.sim",
        "segments sent and not yet acknowledged (in flight)",
    ),
    ("rel.kernel.bytes_acked.field", "tcpi_bytes_acked"),
    (
        "rel.kernel.bytes_acked.sim",
        "bytes the peer acknowledged (plus 1 for the SYN)",
    ),
    ("rel.kernel.bytes_received.field", "tcpi_bytes_received"),
    (
        "rel.kernel.bytes_received.sim",
        "bytes received in order (the echo's)",
    ),
    ("rel.kernel.segs.field", "tcpi_segs_out / tcpi_segs_in"),
    (
        "rel.kernel.segs.sim",
        "segments sent and received, ACKs included",
    ),
    ("rel.kernel.rcv_space.field", "tcpi_rcv_space"),
    (
        "rel.kernel.rcv_space.sim",
        "the receive window (buffer room)",
    ),
    ("rel.q.check", "Check"),
    ("rel.q.right", "Right!"),
    ("rel.q.wrong", "Not quite."),
    (
        "rel.q.ack",
        "The server receives the first data segment (seq={seq}, {len} {len:byte|bytes}). What acknowledgement number does its ACK carry?",
    ),
    (
        "rel.q.ack.why",
        "The acknowledgement number is the **next sequence number expected**: {seq} + {len} = {answer}.",
    ),
    (
        "rel.q.resend",
        "The segment with seq={seq} ({len} {len:byte|bytes}) is lost on the link. When the retransmission timer fires, which seq is sent again?",
    ),
    (
        "rel.q.resend.why",
        "The timer guards the **oldest unacknowledged segment**, the lost one: seq={answer}. The later ones are held by the receiver and need not be resent.",
    ),
    (
        "rel.q.dupack",
        "The segment after the lost seq={seq} ({len} {len:byte|bytes}) arrives first. What acknowledgement number does the server's ACK for it carry?",
    ),
    (
        "rel.q.dupack.why",
        "ACKs are **cumulative**: everything before {seq} is in, {seq} itself is not, so the number stays {answer} (a duplicate ACK).",
    ),
    (
        "rel.goal.lose.task",
        "Try it: set the link so that at least one transmission of this run is lost.",
    ),
    (
        "rel.goal.lose.none",
        "With these settings nothing is lost: all {n} transmissions arrive.",
    ),
    (
        "rel.goal.lose.done",
        "✓ Transmission #{n} is lost on this link. The next step shows what TCP does about it.",
    ),
    (
        "rel.goal.ack.q",
        "Predict: what ack number will the server's next ACK (transmission #{n}) carry?",
    ),
    ("rel.goal.ack.check", "Check"),
    (
        "rel.goal.ack.right",
        "✓ Right: ack = {ack}, the next byte the server expects. Step forward to see it leave.",
    ),
    (
        "rel.goal.ack.wrong",
        "✗ Not {guess}. The ack is the number of the next byte the server still expects (the SYN counts as 1). Try again.",
    ),
    ("rel.goal.ack.unreadable", "Type a whole number, such as 5."),
    (
        "rel.goal.ack.none",
        "No ACK is left to predict in this run.",
    ),
    (
        "rel.goal.two.title",
        "Goal: find link settings where TCP needs exactly two retransmissions",
    ),
    (
        "rel.goal.two.status",
        "This run: {n} {n:retransmission|retransmissions}.",
    ),
    (
        "rel.goal.two.met",
        "✓ Goal met: exactly two retransmissions, and the whole message still arrived. The page's URL now holds these settings: share it.",
    ),
    (
        "rel.goal.two.undelivered",
        "The message did not all arrive: make the link a little kinder.",
    ),
    (
        "rel.goal.two.by_hand",
        "Clear the faults set by hand: this goal is about the link's settings (loss, seed, ...).",
    ),
];
