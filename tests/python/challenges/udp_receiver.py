"""udp_receiver.py: challenge udp_receiver, the reference program (标准库 only).

挑战 2：绑定 7788，收到每个数据报后，把它原样发回给发送它的那个地址和端口。
Challenge 2: bind 7788 and send every datagram back to the address and port it came from.

    python3 udp_receiver.py --port 7788

It prints "ready" on stdout once bound. Wrong on purpose (for the tests): --fixed-reply
replies to the first sender's address every time; --silent never replies.
"""

import argparse
from socket import AF_INET, SOCK_DGRAM, socket


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=7788)
    parser.add_argument("--fixed-reply", action="store_true")
    parser.add_argument("--silent", action="store_true")
    args = parser.parse_args()

    udp_socket = socket(AF_INET, SOCK_DGRAM)
    # 绑定固定端口，发送方才知道往哪里发 / a fixed port, so senders know where to send.
    udp_socket.bind(("127.0.0.1", args.port))
    print("ready", flush=True)
    first_addr = None
    while True:
        # recvfrom 返回 (数据, (发送方IP, 发送方端口)) / returns (data, (sender ip, sender port)).
        recv_data, sender_addr = udp_socket.recvfrom(1024)
        if first_addr is None:
            first_addr = sender_addr
        # 回复给发送方自己的端口 / reply to the sender's own port.
        reply_to = first_addr if args.fixed_reply else sender_addr
        if not args.silent:
            udp_socket.sendto(recv_data, reply_to)


if __name__ == "__main__":
    main()
