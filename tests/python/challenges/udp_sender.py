"""udp_sender.py: challenge udp_sender, the reference program (标准库 only).

挑战 1：用 GBK 编码把一句话发送到检查器的 UDP 端口。不要 bind：每次运行由操作系统选择源端口。
Challenge 1: send a sentence, encoded in GBK, to the checker's UDP port. Do not bind: the OS
chooses the source port on every run.

    python3 udp_sender.py --port 7788

The tests also run it wrong on purpose: --encoding utf-8 (the usual mistake), --bind PORT
(a sender that binds a fixed port: both runs come from the same port).
"""

import argparse
from socket import AF_INET, SOCK_DGRAM, socket


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=7788)
    parser.add_argument("--text", default="你好，网络！")
    parser.add_argument("--encoding", default="gbk")
    parser.add_argument("--bind", type=int, default=None, help="wrong on purpose: bind this port")
    args = parser.parse_args()

    # 1. 创建 UDP 套接字 / create a UDP socket.
    udp_socket = socket(AF_INET, SOCK_DGRAM)
    if args.bind is not None:
        udp_socket.bind(("127.0.0.1", args.bind))
    # 2. 编码并发送 / encode, then send to the checker.
    send_data = args.text.encode(args.encoding)
    udp_socket.sendto(send_data, ("127.0.0.1", args.port))
    # 3. 关闭 / close.
    udp_socket.close()


if __name__ == "__main__":
    main()
