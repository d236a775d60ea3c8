"""file_client.py: challenge file_client, the reference program (标准库 only).

挑战 5：课程的文件下载客户端，改正版：发送文件名（UTF-8），一直 recv 到返回 0 字节，保存，
并打印收到内容的 SHA-256（把它粘贴到页面上）。
Challenge 5: the course's file client, fixed: send the name (UTF-8), recv until it returns 0
bytes, save, and print the SHA-256 of what arrived (paste it into the page).

    python3 file_client.py --port 7890 --name 课件.zip

Wrong on purpose (for the tests): --one-recv (the course's single recv(1024)).
"""

import argparse
import hashlib
import os
import tempfile
from socket import AF_INET, SOCK_STREAM, socket


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=7890)
    parser.add_argument("--name", default="课件.zip")
    parser.add_argument("--dir", default=tempfile.gettempdir())
    parser.add_argument("--one-recv", action="store_true")
    args = parser.parse_args()

    tcp_client_socket = socket(AF_INET, SOCK_STREAM)
    tcp_client_socket.settimeout(30)
    tcp_client_socket.connect(("127.0.0.1", args.port))
    tcp_client_socket.send(args.name.encode("utf-8"))

    hasher = hashlib.sha256()
    with open(os.path.join(args.dir, "[接收]" + args.name), "wb") as f:
        while True:
            recv_data = tcp_client_socket.recv(1024)
            if not recv_data:
                break  # 服务器发完并关闭了 / the server sent everything and closed
            f.write(recv_data)
            hasher.update(recv_data)
            if args.one_recv:
                break
    tcp_client_socket.close()
    print(hasher.hexdigest(), flush=True)


if __name__ == "__main__":
    main()
