"""udp_learner.py: the learner's own UDP program, as the course writes it (标准库 only).

学生自己写的 UDP 程序：绑定一个端口，给网页绑定的端口发一条消息，然后等网页回信。
The learner's own UDP program: bind a port, send one message to the port the web page
bound, then wait for the page to answer.

    python3 tests/python/udp_learner.py --to-port 7788 --bind-port 8080 \
        --message "你好" --encoding gbk

At the end it prints ONE line of JSON on stdout (the tests read it), for example:

    {"sent": {...}, "received": {"from": ["127.0.0.1", 7788], "hex": "c4e3 bac3",
     "text": "你好", "bytes": 4}}

Exit status: 0 when something came back, 2 when nothing did before the timeout.
Progress goes to stderr ("bound ...", "sent ...") so a test can wait for each step.
"""

import argparse
import ipaddress
import json
import sys
from socket import AF_INET, SOCK_DGRAM, socket, timeout as SocketTimeout


def to_hex(data):
    """b'\\xc4\\xe3\\xba\\xc3' -> 'c4 e3 ba c3' (the way the page shows bytes)."""
    return " ".join("%02x" % b for b in data)


def log(text):
    print(text, file=sys.stderr, flush=True)


def main():
    parser = argparse.ArgumentParser(description="The learner's UDP program.")
    parser.add_argument("--to-host", default="127.0.0.1", help="the page's host (only loopback)")
    parser.add_argument("--to-port", type=int, help="the port the page bound; omit to only receive")
    parser.add_argument("--bind-port", type=int, default=0, help="our own port (0 = let the OS pick)")
    parser.add_argument("--message", default="你好，网页！", help="the text to send")
    parser.add_argument("--encoding", default="utf-8", choices=["utf-8", "gbk"])
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds to wait for an answer")
    parser.add_argument("--no-receive", action="store_true", help="send and exit, wait for nothing")
    args = parser.parse_args()
    # These tests never leave this machine: refuse anything but a loopback address.
    if not ipaddress.ip_address(args.to_host).is_loopback:
        parser.error("--to-host must be a loopback address such as 127.0.0.1")

    # 1. 创建 UDP 套接字 / create a UDP socket (SOCK_DGRAM = datagrams).
    udp_socket = socket(AF_INET, SOCK_DGRAM)

    # 2. 绑定本地信息 / bind our own address. Port 0 lets the OS choose a free port.
    #    Binding first means the page can answer us at a port we know.
    udp_socket.bind(("127.0.0.1", args.bind_port))
    my_host, my_port = udp_socket.getsockname()
    log("bound %s:%d" % (my_host, my_port))

    report = {"bound": [my_host, my_port], "sent": None, "received": None}

    # 3. 发送数据 / send: text must become bytes first, in the encoding the page expects.
    if args.to_port is not None:
        data = args.message.encode(args.encoding)
        dest_addr = (args.to_host, args.to_port)
        udp_socket.sendto(data, dest_addr)
        report["sent"] = {
            "to": list(dest_addr),
            "hex": to_hex(data),
            "text": args.message,
            "encoding": args.encoding,
            "bytes": len(data),
        }
        log("sent %d bytes to %s:%d" % (len(data), args.to_host, args.to_port))

    # 4. 接收数据 / receive: recvfrom waits until one datagram arrives and says who sent it.
    if not args.no_receive:
        udp_socket.settimeout(args.timeout)
        try:
            recv_data, sender = udp_socket.recvfrom(1024)
        except SocketTimeout:
            log("nothing arrived within %.1f s" % args.timeout)
            udp_socket.close()
            print(json.dumps(report, ensure_ascii=False))
            return 2
        # 收到的是字节；用约定的编码解码 / what arrives is bytes: decode with the agreed encoding.
        report["received"] = {
            "from": [sender[0], sender[1]],
            "hex": to_hex(recv_data),
            "text": recv_data.decode(args.encoding, errors="replace"),
            "encoding": args.encoding,
            "bytes": len(recv_data),
        }
        log("received %d bytes from %s:%d" % (len(recv_data), sender[0], sender[1]))

    # 5. 关闭套接字 / close the socket.
    udp_socket.close()
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
