//! The Python programs of the challenges, as templates: the starter file and the solution
//! share one text. A line starting `!` is the solution's only, `?` the starter's only;
//! `#@key` becomes a comment in the learner's language (`chal.py.<key>`); `{name}` is filled
//! in from the run's setup (or the course's default before a run).

pub const UDP_SENDER: &str = r#"# -*- coding: gbk -*-
#@udp_sender_head
from socket import AF_INET, SOCK_DGRAM, socket

#@checker_addr
CHECKER_ADDR = ("{checker_host}", {checker_port})
#@sentence
TEXT = "{text}"

#@create_udp
udp_socket = socket(AF_INET, SOCK_DGRAM)
#@no_bind

#@encode_gbk
?data = b""  # TODO
!data = TEXT.encode("gbk")
#@sendto
?# TODO
!udp_socket.sendto(data, CHECKER_ADDR)
print("sent", len(data), "bytes")

#@close
udp_socket.close()
"#;

pub const UDP_RECEIVER: &str = r#"# -*- coding: gbk -*-
#@udp_receiver_head
from socket import AF_INET, SOCK_DGRAM, socket

#@create_udp
udp_socket = socket(AF_INET, SOCK_DGRAM)
#@bind_fixed
udp_socket.bind(("127.0.0.1", {program_port}))

#@loop_forever
while True:
    #@recvfrom
?    recv_data = b""  # TODO
?    sender = None    # TODO
!    try:
!        recv_data, sender = udp_socket.recvfrom(1024)
!    except OSError as e:
!        #@too_big
!        print("recvfrom:", e)
!        continue
    print("from", sender, ":", recv_data)
    #@reply_sender
?    # TODO
!    udp_socket.sendto(recv_data, sender)
"#;

pub const TCP_CLIENT: &str = r#"# -*- coding: gbk -*-
#@tcp_client_head
from socket import AF_INET, SOCK_STREAM, socket

#@checker_addr
SERVER_ADDR = ("{checker_host}", {checker_port})

#@create_tcp
tcp_client_socket = socket(AF_INET, SOCK_STREAM)
#@connect
tcp_client_socket.connect(SERVER_ADDR)

#@read_line
question = b""
?question = tcp_client_socket.recv(1024)  # TODO
!while not question.endswith(b"\n"):
!    data = tcp_client_socket.recv(1024)
!    if not data:
!        break
!    question += data
text = question.decode("gbk")
print("question:", text)

#@compute
?answer = 0  # TODO
!a, b = text.strip().replace("请计算", "").split("+")
!answer = int(a) + int(b)
#@send_line
tcp_client_socket.send((str(answer) + "\n").encode("gbk"))

#@close
tcp_client_socket.close()
"#;

pub const TCP_ECHO: &str = r#"# -*- coding: gbk -*-
#@tcp_echo_head
from socket import AF_INET, SOCK_STREAM, SOL_SOCKET, SO_REUSEADDR, socket

#@create_tcp
tcp_server_socket = socket(AF_INET, SOCK_STREAM)
#@reuse_addr
tcp_server_socket.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
#@bind_fixed
tcp_server_socket.bind(("127.0.0.1", {program_port}))
#@listen
tcp_server_socket.listen(5)

#@serve_forever
while True:
    #@accept
    client_socket, client_addr = tcp_server_socket.accept()
    print("client:", client_addr)
    #@echo_loop
?    data = client_socket.recv(1024)
?    client_socket.send(data)
?    # TODO
!    while True:
!        data = client_socket.recv(1024)
!        if not data:
!            #@recv_zero
!            break
!        client_socket.sendall(data)
    #@close_client
    client_socket.close()
"#;

pub const FILE_CLIENT: &str = r#"# -*- coding: gbk -*-
#@file_client_head
import hashlib
from socket import AF_INET, SOCK_STREAM, socket

#@checker_addr
SERVER_ADDR = ("{checker_host}", {checker_port})
FILE_NAME = "{file}"

#@create_tcp
tcp_client_socket = socket(AF_INET, SOCK_STREAM)
tcp_client_socket.connect(SERVER_ADDR)
#@send_name
tcp_client_socket.send(FILE_NAME.encode("utf-8"))

#@read_all
?content = tcp_client_socket.recv(1024)  # TODO
!chunks = []
!while True:
!    data = tcp_client_socket.recv(65536)
!    if not data:
!        break
!    chunks.append(data)
!content = b"".join(chunks)
tcp_client_socket.close()

if content:
    with open("[接收]" + FILE_NAME, "wb") as f:
        f.write(content)
#@print_sha
print(len(content), "bytes")
print(hashlib.sha256(content).hexdigest())
"#;

pub const FILE_SERVER: &str = r#"# -*- coding: gbk -*-
#@file_server_head
import os
from socket import AF_INET, SOCK_STREAM, SOL_SOCKET, SO_REUSEADDR, socket

#@folder
FOLDER = os.path.realpath(".")

#@read_name
def read_name(client_socket):
?    return client_socket.recv(1024).decode("utf-8")  # TODO
!    name = b""
!    while True:
!        data = client_socket.recv(1024)
!        if not data:
!            break
!        name += data
!    return name.decode("utf-8", errors="replace")


#@safe_path
def safe_path(name):
?    return os.path.join(FOLDER, name)  # TODO
!    path = os.path.realpath(os.path.join(FOLDER, name))
!    if os.path.dirname(path) != FOLDER or not os.path.isfile(path):
!        return None
!    return path


tcp_server_socket = socket(AF_INET, SOCK_STREAM)
#@reuse_addr
tcp_server_socket.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
tcp_server_socket.bind(("127.0.0.1", {program_port}))
tcp_server_socket.listen(5)

#@serve_forever
while True:
    client_socket, client_addr = tcp_server_socket.accept()
    name = read_name(client_socket)
    path = safe_path(name)
    print(client_addr, repr(name), "->", path)
    #@missing_nothing
    if path is not None:
        with open(path, "rb") as f:
            client_socket.sendall(f.read())
    client_socket.close()
"#;

/// The program of `slug`, starter or solution, with every marker resolved: `comment(key)` is
/// the comment's text, `value(name)` a placeholder's value.
pub fn render(
    template: &str,
    solution: bool,
    comment: impl Fn(&str) -> String,
    value: impl Fn(&str) -> String,
) -> String {
    let mut out = String::new();
    for line in template.lines() {
        let line = match line.as_bytes().first() {
            Some(b'!') if solution => &line[1..],
            Some(b'?') if !solution => &line[1..],
            Some(b'!' | b'?') => continue,
            _ => line,
        };
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        if let Some(key) = trimmed.strip_prefix("#@") {
            for text in comment(key).lines() {
                out.push_str(&format!("{indent}# {text}\n"));
            }
            continue;
        }
        out.push_str(&fill(line, &value));
        out.push('\n');
    }
    out
}

/// Replaces `{name}` by its value; other braces stay (Python has none in these programs).
fn fill(line: &str, value: &impl Fn(&str) -> String) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end)
                if after[..end]
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_') =>
            {
                out.push_str(&value(&after[..end]));
                rest = &after[end + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every comment key a template uses.
#[cfg(test)]
pub fn comment_keys(template: &str) -> Vec<&str> {
    template
        .lines()
        .filter_map(|l| {
            l.trim_start_matches(['!', '?'])
                .trim_start()
                .strip_prefix("#@")
        })
        .collect()
}

#[cfg(test)]
pub const ALL: [&str; 6] = [
    UDP_SENDER,
    UDP_RECEIVER,
    TCP_CLIENT,
    TCP_ECHO,
    FILE_CLIENT,
    FILE_SERVER,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starter_and_solution_differ_only_where_marked() {
        let value = |n: &str| format!("<{n}>");
        let comment = |k: &str| format!("c:{k}");
        let starter = render(UDP_SENDER, false, comment, value);
        let solution = render(UDP_SENDER, true, comment, value);
        assert!(starter.contains("data = b\"\"  # TODO\n"));
        assert!(!starter.contains("sendto(data"));
        assert!(solution.contains("data = TEXT.encode(\"gbk\")\n"));
        assert!(solution.contains("CHECKER_ADDR = (\"<checker_host>\", <checker_port>)\n"));
        assert!(solution.contains("# c:encode_gbk\n"));
        assert!(solution.starts_with("# -*- coding: gbk -*-\n"));
        assert!(!solution.contains('!') || !solution.lines().any(|l| l.starts_with('!')));
    }

    #[test]
    fn comments_keep_their_indentation_and_may_span_lines() {
        let out = render(
            "x\n    #@k\n",
            true,
            |_| "one\ntwo".to_owned(),
            |_| String::new(),
        );
        assert_eq!(out, "x\n    # one\n    # two\n");
    }
}
