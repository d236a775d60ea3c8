"""file_server.py: challenge file_server, the reference program (标准库 only).

挑战 6：课程的文件服务器，安全版。一直 recv 到客户端关闭它的一端（返回 0 字节）才算收完文件名；
只提供本文件夹里的文件：名字里有 "/"、"\\" 或 ".." 就什么都不发。文件不存在也什么都不发。
Challenge 6: the course's file server, made safe. The name is complete when recv returns 0
bytes (the client shut down its side); serve only files of this folder: a name with "/", "\\"
or ".." gets nothing, and so does a missing file.

    python3 file_server.py --port 7890 --dir FOLDER

It prints "ready" once listening. Wrong on purpose (for the tests): --one-recv-name (the
course's single recv for the name), --unsafe (opens whatever path it is given),
--send-for-missing (answers "not found" for a missing file), --one-client, --text-mode
(opens the file as text and sends it encoded in GBK, as open() does by default on a Chinese
Windows: the bytes change), --say-empty (answers "文件为空" for an empty file, which the
client would save as the file's content).
"""

import argparse
import os
from socket import AF_INET, SOCK_STREAM, SOL_SOCKET, SO_REUSEADDR, socket


def safe(name):
    return name and "/" not in name and "\\" not in name and ".." not in name


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=7890)
    parser.add_argument("--dir", default=".")
    parser.add_argument("--one-recv-name", action="store_true")
    parser.add_argument("--unsafe", action="store_true")
    parser.add_argument("--send-for-missing", action="store_true")
    parser.add_argument("--one-client", action="store_true")
    parser.add_argument("--text-mode", action="store_true")
    parser.add_argument("--say-empty", action="store_true")
    args = parser.parse_args()
    os.chdir(args.dir)

    tcp_server_socket = socket(AF_INET, SOCK_STREAM)
    tcp_server_socket.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
    tcp_server_socket.bind(("127.0.0.1", args.port))
    tcp_server_socket.listen(128)
    print("ready", flush=True)
    while True:
        client_socket, client_addr = tcp_server_socket.accept()
        name = b""
        while True:
            data = client_socket.recv(1024)
            if not data:
                break
            name += data
            if args.one_recv_name:
                break
        file_name = name.decode("utf-8", errors="replace")
        if (args.unsafe or safe(file_name)) and os.path.isfile(file_name):
            if args.text_mode:
                with open(file_name, "r", encoding="utf-8") as f:
                    client_socket.sendall(f.read().encode("gbk"))
            else:
                with open(file_name, "rb") as f:
                    content = f.read()
                if args.say_empty and not content:
                    content = "文件为空".encode("utf-8")  # the mistake: words become the file
                client_socket.sendall(content)
        elif args.send_for_missing:
            client_socket.sendall("文件不存在".encode("utf-8"))
        client_socket.close()
        if args.one_client:
            break
    tcp_server_socket.close()


if __name__ == "__main__":
    main()
