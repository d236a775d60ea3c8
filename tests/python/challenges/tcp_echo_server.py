"""tcp_echo_server.py: challenge tcp_echo_server, the reference program (标准库 only).

挑战 4：回声服务器。一个接一个地服务客户端：循环 recv，把收到的每个字节发回去；recv 返回 0 字节
（客户端关闭了它的一端）就关闭这个连接，然后接受下一个客户端。
Challenge 4: an echo server. Serve clients one after another: recv in a loop and send every
byte back; when recv returns 0 bytes (the client closed its side) close that connection and
accept the next client.

    python3 tcp_echo_server.py --port 7788

It prints "ready" once listening. Wrong on purpose (for the tests): --one-recv (one recv and
send, then close), --ignore-eof (keeps waiting after recv returned 0), --one-client (exits
after the first client), --upper (sends back the bytes upper-cased: not an echo).
"""

import argparse
import time
from socket import AF_INET, SOCK_STREAM, SOL_SOCKET, SO_REUSEADDR, socket


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=7788)
    parser.add_argument("--one-recv", action="store_true")
    parser.add_argument("--ignore-eof", action="store_true")
    parser.add_argument("--one-client", action="store_true")
    parser.add_argument("--upper", action="store_true")
    args = parser.parse_args()

    tcp_server_socket = socket(AF_INET, SOCK_STREAM)
    tcp_server_socket.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
    tcp_server_socket.bind(("127.0.0.1", args.port))
    tcp_server_socket.listen(128)
    print("ready", flush=True)
    while True:
        client_socket, client_addr = tcp_server_socket.accept()
        while True:
            recv_data = client_socket.recv(1024)
            if not recv_data:
                if args.ignore_eof:
                    time.sleep(0.1)  # the mistake: recv() == 0 is not treated as "client left"
                    continue
                break  # 客户端关闭了 / the client closed its side
            if args.upper:
                recv_data = recv_data.upper()  # the mistake: what goes back is not what came
            client_socket.sendall(recv_data)
            if args.one_recv:
                break
        client_socket.close()
        if args.one_client:
            break
    tcp_server_socket.close()


if __name__ == "__main__":
    main()
