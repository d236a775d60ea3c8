"""file_course_client.py: the course's file-download client, as the learner writes it (标准库 only).

课程里的文件下载客户端：连接服务器，发送文件名（UTF-8），接收，只有收到了内容才保存为 "[接收]" + 文件名。
The course's client: connect, send the file name (UTF-8), receive, and save the data as
"[接收]" + name only if something arrived.

    python3 tests/python/file_course_client.py --port 7890 --name hello.txt          # the course: ONE recv(1024)
    python3 tests/python/file_course_client.py --port 7890 --name photo.bin --loop   # the fix: until recv returns 0

At the end it prints ONE line of JSON on stdout (the tests read it):

    {"name": "hello.txt", "received": 26, "recvs": 1, "sha256": "...", "saved_as": "[接收]hello.txt"}

"saved_as" is null when nothing arrived (a missing file and an empty file look the same).
Exit status: 0 when it finished, 2 on a timeout, 3 when the connection was refused.
"""

import argparse
import hashlib
import ipaddress
import json
import os
import sys
from socket import AF_INET, SOCK_STREAM, socket, timeout as SocketTimeout


def main():
    parser = argparse.ArgumentParser(description="The course's file-download client.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=7890)
    parser.add_argument("--name", required=True, help="the file to ask for")
    parser.add_argument("--loop", action="store_true", help="the fix: recv until it returns 0")
    parser.add_argument("--dir", default=".", help="where to save (the course saves here)")
    parser.add_argument("--timeout", type=float, default=10.0)
    args = parser.parse_args()
    if not ipaddress.ip_address(args.host).is_loopback:
        parser.error("--host must be a loopback address such as 127.0.0.1")

    # 1. 创建套接字并连接 / create the socket and connect.
    tcp_client_socket = socket(AF_INET, SOCK_STREAM)
    tcp_client_socket.settimeout(args.timeout)  # the course has none; a test cannot wait forever
    try:
        tcp_client_socket.connect((args.host, args.port))
    except ConnectionRefusedError:
        print("connection refused", file=sys.stderr)
        return 3

    # 2. 发送文件名 / send the file name.
    tcp_client_socket.send(args.name.encode("utf-8"))

    # 3. 接收 / receive: the course does ONE recv(1024); the fix loops until recv returns b"".
    count = 0
    recvs = 0
    hasher = hashlib.sha256()
    out = None
    path = os.path.join(args.dir, "[接收]" + args.name)
    try:
        while True:
            data = tcp_client_socket.recv(1024)
            recvs += 1
            if data:
                if out is None:
                    out = open(path + ".part", "wb")
                out.write(data)
                hasher.update(data)
                count += len(data)
            if not args.loop or not data:
                break
    except SocketTimeout:
        print("timed out", file=sys.stderr)
        return 2
    finally:
        tcp_client_socket.close()

    # 4. 只有收到了内容才保存 / save only if something arrived.
    saved_as = None
    if out is not None:
        out.close()
        os.replace(path + ".part", path)
        saved_as = path
    print(json.dumps({"name": args.name, "received": count, "recvs": recvs,
                      "sha256": hasher.hexdigest(), "saved_as": saved_as}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
