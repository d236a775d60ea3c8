"""tcp_course_client.py: the course's TCP client, as the learner writes it (标准库 only).

课程里的 TCP 客户端：连接服务器，发送一条消息，recv(1024) 一次，然后关闭。
The course's TCP client: connect to the server, send one message, recv(1024) once, close.

    python3 tests/python/tcp_course_client.py --port 8080 --message "你好" --encoding gbk

At the end it prints ONE line of JSON on stdout (the tests read it), for example:

    {"local": ["127.0.0.1", 51234], "server": ["127.0.0.1", 8080],
     "sent": {"hex": "c4 e3 ba c3", "text": "你好", "bytes": 4, ...},
     "received": {"hex": "ca d5 b5 bd", "text": "收到", "bytes": 4, ...}}

Exit status: 0 when the server answered; 2 on a timeout; 3 when the connection was refused
(nothing listens on that port: ECONNREFUSED); 4 when the server closed without answering.
Progress goes to stderr so a test can follow each step.
"""

import argparse
import ipaddress
import json
import sys
from socket import AF_INET, SOCK_STREAM, socket, timeout as SocketTimeout


def to_hex(data):
    """b'\\xc4\\xe3\\xba\\xc3' -> 'c4 e3 ba c3' (the way the page shows bytes)."""
    return " ".join("%02x" % b for b in data)


def log(text):
    print(text, file=sys.stderr, flush=True)


def main():
    parser = argparse.ArgumentParser(description="The course's TCP client.")
    parser.add_argument("--host", default="127.0.0.1", help="the server's host (only loopback)")
    parser.add_argument("--port", type=int, required=True, help="the server's port")
    parser.add_argument("--message", default="你好，服务器！", help="the text to send")
    parser.add_argument("--encoding", default="utf-8", choices=["utf-8", "gbk"])
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds to wait at each step")
    args = parser.parse_args()
    # These tests never leave this machine: refuse anything but a loopback address.
    if not ipaddress.ip_address(args.host).is_loopback:
        parser.error("--host must be a loopback address such as 127.0.0.1")

    # 1. 创建 TCP 套接字 / create a TCP socket (SOCK_STREAM = a byte stream).
    tcp_client_socket = socket(AF_INET, SOCK_STREAM)
    # 课程的代码没有超时；测试不能永远等下去 / the course has no timeout; a test cannot wait forever.
    tcp_client_socket.settimeout(args.timeout)

    # 2. 连接服务器 / connect: the three-way handshake. A client does not bind:
    #    the OS picks its port here.
    server_addr = (args.host, args.port)
    try:
        tcp_client_socket.connect(server_addr)
    except ConnectionRefusedError as e:
        # 没有程序在那个端口监听 / nothing listens on that port: the other side answered RST.
        log("connect refused: %s" % e)
        print(json.dumps({"error": "ECONNREFUSED", "errno": e.errno}))
        return 3
    except SocketTimeout:
        log("connect timed out")
        return 2
    my_host, my_port = tcp_client_socket.getsockname()
    log("connected from %s:%d to %s:%d" % (my_host, my_port, args.host, args.port))

    # 3. 发送数据 / send: text must become bytes first, in the encoding the server expects.
    send_data = args.message.encode(args.encoding)
    tcp_client_socket.send(send_data)
    log("sent %d bytes" % len(send_data))

    report = {
        "local": [my_host, my_port],
        "server": list(server_addr),
        "sent": {
            "hex": to_hex(send_data),
            "text": args.message,
            "encoding": args.encoding,
            "bytes": len(send_data),
        },
        "received": None,
    }

    # 4. 接收数据 / recv(1024): at most 1024 bytes, whatever has arrived; waits until some does.
    try:
        recv_data = tcp_client_socket.recv(1024)
    except SocketTimeout:
        log("no answer within %.1f s" % args.timeout)
        tcp_client_socket.close()
        print(json.dumps(report, ensure_ascii=False))
        return 2
    if not recv_data:
        # recv 返回 0 字节 = 服务器关闭了连接 / 0 bytes: the server closed the connection.
        log("the server closed the connection without answering")
        tcp_client_socket.close()
        print(json.dumps(report, ensure_ascii=False))
        return 4
    # 收到的是字节；用约定的编码解码 / what arrives is bytes: decode with the agreed encoding.
    report["received"] = {
        "hex": to_hex(recv_data),
        "text": recv_data.decode(args.encoding, errors="replace"),
        "encoding": args.encoding,
        "bytes": len(recv_data),
    }
    log("received %d bytes" % len(recv_data))

    # 5. 关闭套接字 / close the socket.
    tcp_client_socket.close()
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
