"""tcp_course_server.py: the course's TCP server, as the learner writes it (标准库 only).

课程里的 TCP 服务器：绑定、监听、接受一个客户端、recv(1024) 一次、回复、关闭。
The course's TCP server: bind, listen, accept one client, recv(1024) once, reply, close.

    python3 tests/python/tcp_course_server.py --port 8080 --reply "收到" --encoding gbk

It binds 127.0.0.1 only. Port 0 lets the OS choose; either way it prints
"listening 127.0.0.1:PORT" on stderr as soon as it listens (tests wait for that line).
At the end it prints ONE line of JSON on stdout, for example:

    {"listening": ["127.0.0.1", 8080], "client": ["127.0.0.1", 51234],
     "received": {"hex": "c4 e3 ba c3", "text": "你好", "bytes": 4, ...},
     "sent": {"hex": "ca d5 b5 bd", "text": "收到", "bytes": 4, ...}}

Exit status: 0 when a client was served; 2 when no client came (or said nothing) in time.
"""

import argparse
import json
import sys
from socket import AF_INET, SOCK_STREAM, socket, timeout as SocketTimeout


def to_hex(data):
    """b'\\xc4\\xe3\\xba\\xc3' -> 'c4 e3 ba c3' (the way the page shows bytes)."""
    return " ".join("%02x" % b for b in data)


def log(text):
    print(text, file=sys.stderr, flush=True)


def main():
    parser = argparse.ArgumentParser(description="The course's TCP server.")
    parser.add_argument("--port", type=int, default=0, help="the port to listen on (0 = any)")
    parser.add_argument("--reply", default="收到", help="the text to answer with")
    parser.add_argument("--encoding", default="utf-8", choices=["utf-8", "gbk"])
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds to wait at each step")
    args = parser.parse_args()

    # 1. 创建 TCP 套接字 / create a TCP socket.
    tcp_server_socket = socket(AF_INET, SOCK_STREAM)

    # 2. 绑定本地信息 / bind: a server binds a port its clients know. Loopback only.
    tcp_server_socket.bind(("127.0.0.1", args.port))
    my_host, my_port = tcp_server_socket.getsockname()

    # 3. 变为被动套接字 / listen(128): the socket turns passive; up to 128 clients may wait
    #    in the queue of finished handshakes until accept takes them.
    tcp_server_socket.listen(128)
    log("listening %s:%d" % (my_host, my_port))

    # 4. 等待客户端连接 / accept: returns a NEW socket for this client, plus its address.
    #    The listening socket stays as it is, ready for the next client.
    tcp_server_socket.settimeout(args.timeout)
    try:
        client_socket, client_addr = tcp_server_socket.accept()
    except SocketTimeout:
        log("no client within %.1f s" % args.timeout)
        tcp_server_socket.close()
        return 2
    log("accepted %s:%d" % client_addr)

    # 5. 接收数据 / recv(1024) on the NEW socket, never on the listening one.
    client_socket.settimeout(args.timeout)
    try:
        recv_data = client_socket.recv(1024)
    except SocketTimeout:
        log("the client said nothing within %.1f s" % args.timeout)
        client_socket.close()
        tcp_server_socket.close()
        return 2
    # 如果 recv 返回 0 字节，说明客户端已经关闭 / 0 bytes would mean the client closed.
    log("received %d bytes" % len(recv_data))

    # 6. 回复 / reply: text -> bytes in the agreed encoding.
    send_data = args.reply.encode(args.encoding)
    client_socket.send(send_data)
    log("sent %d bytes" % len(send_data))

    # 7. 关闭这个客户端的套接字，再关闭监听套接字 / close the client's socket, then the
    #    listening one: no new clients from now on.
    client_socket.close()
    tcp_server_socket.close()

    print(json.dumps({
        "listening": [my_host, my_port],
        "client": [client_addr[0], client_addr[1]],
        "received": {
            "hex": to_hex(recv_data),
            "text": recv_data.decode(args.encoding, errors="replace"),
            "encoding": args.encoding,
            "bytes": len(recv_data),
        },
        "sent": {
            "hex": to_hex(send_data),
            "text": args.reply,
            "encoding": args.encoding,
            "bytes": len(send_data),
        },
    }, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
