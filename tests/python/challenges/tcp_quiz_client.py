"""tcp_quiz_client.py: challenge tcp_quiz_client, the reference program (标准库 only).

挑战 3：连接检查器的问答服务器，读完一整行问题（"请计算 A + B\\n"，GBK），回答和（一行），然后关闭。
TCP 是字节流：问题可能分几次到达，所以要一直 recv 到收到换行符为止。
Challenge 3: connect to the checker's quiz server, read the whole question line, answer the sum
as a line, close. TCP is a byte stream: keep calling recv until the newline has arrived.

    python3 tcp_quiz_client.py --port 7788

Wrong on purpose (for the tests): --one-recv (one recv, as if a message arrived whole),
--wrong-answer (answers A - B), --no-close (waits instead of closing).
"""

import argparse
import time
from socket import AF_INET, SOCK_STREAM, socket


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=7788)
    parser.add_argument("--one-recv", action="store_true")
    parser.add_argument("--wrong-answer", action="store_true")
    parser.add_argument("--no-close", action="store_true")
    args = parser.parse_args()

    tcp_client_socket = socket(AF_INET, SOCK_STREAM)
    tcp_client_socket.settimeout(30)
    tcp_client_socket.connect(("127.0.0.1", args.port))

    # 一直读到换行 / read until the newline.
    question = b""
    while b"\n" not in question:
        data = tcp_client_socket.recv(1024)
        if not data:
            break
        question += data
        if args.one_recv:
            break
    text = question.decode("gbk")
    # "请计算 12 + 30" -> 12, 30 (a question cut after "+" makes this fail, as it would).
    left, right = text.replace("请计算", "").split("+")
    a, b = int(left), int(right)
    answer = a - b if args.wrong_answer else a + b
    tcp_client_socket.send(("%d\n" % answer).encode("gbk"))
    if args.no_close:
        time.sleep(30)
    tcp_client_socket.close()


if __name__ == "__main__":
    main()
