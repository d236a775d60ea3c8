"""file_course_server.py: the course's file server, as the learner writes it (标准库 only).

课程里的文件服务器：接受一个客户端，recv(1024) 读文件名，发送文件的全部字节，然后关闭；文件不存在就什么都不发。
The course's server on port 7890: accept a client, read the file name with recv(1024), send the
file's raw bytes, close; send nothing when the file does not exist. (Like the course, it opens
whatever name it is given: run it only in a folder of its own.)

    python3 tests/python/file_course_server.py --port 0 --dir FOLDER --clients 1

It prints {"port": N} on stdout when it listens, then one JSON line per client:
{"name": "...", "sent": BYTES}. For the tests of bad servers: --stall-after N sends N bytes then
stops sending (and keeps the connection open); --reset-after N sends N bytes then resets it.
"""

import argparse
import json
import os
import struct
import sys
import time
from socket import AF_INET, SOCK_STREAM, SOL_SOCKET, SO_LINGER, SO_REUSEADDR, socket


def main():
    parser = argparse.ArgumentParser(description="The course's file server.")
    parser.add_argument("--port", type=int, default=7890)
    parser.add_argument("--dir", default=".")
    parser.add_argument("--clients", type=int, default=1, help="serve this many, then exit")
    parser.add_argument("--stall-after", type=int, default=None)
    parser.add_argument("--reset-after", type=int, default=None)
    parser.add_argument("--timeout", type=float, default=30.0)
    args = parser.parse_args()
    os.chdir(args.dir)

    tcp_server_socket = socket(AF_INET, SOCK_STREAM)
    tcp_server_socket.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
    tcp_server_socket.bind(("127.0.0.1", args.port))
    tcp_server_socket.listen(128)
    tcp_server_socket.settimeout(args.timeout)  # a test cannot wait forever
    print(json.dumps({"port": tcp_server_socket.getsockname()[1]}), flush=True)

    for _ in range(args.clients):
        client_socket, client_addr = tcp_server_socket.accept()
        # 读文件名：只 recv 一次（课程的写法）/ read the name: ONE recv, as in the course.
        file_name = client_socket.recv(1024).decode("utf-8")
        sent = 0
        try:
            with open(file_name, "rb") as f:
                content = f.read()  # the course reads it all into memory
        except OSError:
            content = None  # missing: send nothing
        if content:
            if args.stall_after is not None:
                client_socket.sendall(content[: args.stall_after])
                sent = args.stall_after
                time.sleep(args.timeout)
            elif args.reset_after is not None:
                client_socket.sendall(content[: args.reset_after])
                sent = args.reset_after
                time.sleep(0.2)
                # SO_LINGER with 0 seconds: close() sends a reset (RST) instead of a FIN.
                client_socket.setsockopt(SOL_SOCKET, SO_LINGER, struct.pack("ii", 1, 0))
            else:
                client_socket.sendall(content)
                sent = len(content)
        client_socket.close()
        print(json.dumps({"name": file_name, "sent": sent}, ensure_ascii=False), flush=True)
    tcp_server_socket.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
