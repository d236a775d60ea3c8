//! The course's programs, as the learner writes them, shown next to the lab (the same code as
//! tests/python/file_course_*.py, which the tests run against the relay), with their comments
//! in the learner's language: the code is the same in both.

use protocol::Lang;

/// The course's file client, commented in `lang`.
pub fn course_client(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhCn => COURSE_CLIENT_ZH,
        Lang::En => COURSE_CLIENT,
    }
}

/// The course's file server, commented in `lang`.
pub fn course_server(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhCn => COURSE_SERVER_ZH,
        Lang::En => COURSE_SERVER,
    }
}

pub const COURSE_CLIENT: &str = "\
from socket import socket, AF_INET, SOCK_STREAM

s = socket(AF_INET, SOCK_STREAM)
s.connect(('127.0.0.1', 7890))
name = 'poem.txt'
s.send(name.encode('utf-8'))        # 1. the file name, UTF-8

data = s.recv(1024)                 # 2. the course: ONE recv -> at most 1024 bytes!
# the fix:  data = b''
#           while chunk := s.recv(1024):   # until recv returns b'' (the server closed)
#               data += chunk              # (better: write each chunk to the file)
if data:                            # 3. save only if something arrived
    with open('[接收]' + name, 'wb') as f:
        f.write(data)
s.close()
";

pub const COURSE_SERVER: &str = "\
from socket import socket, AF_INET, SOCK_STREAM

server = socket(AF_INET, SOCK_STREAM)
server.bind(('127.0.0.1', 7890))
server.listen(128)
while True:
    conn, addr = server.accept()
    name = conn.recv(1024).decode('utf-8')   # may hold only part of the name!
    try:
        with open(name, 'rb') as f:          # opens ANY path: '../../etc/passwd' too
            conn.sendall(f.read())           # the whole file in memory
    except OSError:
        pass                                 # missing: send nothing (= an empty file)
    conn.close()
# Try it: the lab's downloader can fetch from this server (port 7890) too.
";

pub const COURSE_CLIENT_ZH: &str = "\
from socket import socket, AF_INET, SOCK_STREAM

s = socket(AF_INET, SOCK_STREAM)
s.connect(('127.0.0.1', 7890))
name = 'poem.txt'
s.send(name.encode('utf-8'))        # 1. 发送文件名（UTF-8）

data = s.recv(1024)                 # 2. 课程写法：只 recv 一次 -> 最多 1024 字节！
# 改正：    data = b''
#           while chunk := s.recv(1024):   # 直到 recv 返回 b''（服务器关闭了连接）
#               data += chunk              # （更好：每收到一块就写进文件）
if data:                            # 3. 收到了东西才保存
    with open('[接收]' + name, 'wb') as f:
        f.write(data)
s.close()
";

pub const COURSE_SERVER_ZH: &str = "\
from socket import socket, AF_INET, SOCK_STREAM

server = socket(AF_INET, SOCK_STREAM)
server.bind(('127.0.0.1', 7890))
server.listen(128)
while True:
    conn, addr = server.accept()
    name = conn.recv(1024).decode('utf-8')   # 可能只收到文件名的一部分！
    try:
        with open(name, 'rb') as f:          # 什么路径都打开：'../../etc/passwd' 也行
            conn.sendall(f.read())           # 整个文件读进内存
    except OSError:
        pass                                 # 文件不存在：什么也不发（看起来和空文件一样）
    conn.close()
# 试一试：实验里的下载器也可以从这个服务器（端口 7890）下载。
";

#[cfg(test)]
mod tests {
    use super::*;

    /// The two languages differ only in comments: the code the learner runs is the same.
    #[test]
    fn both_languages_show_the_same_code() {
        let code = |s: &str| {
            s.lines()
                .map(|l| l.split('#').next().unwrap_or("").trim_end().to_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(code(COURSE_CLIENT), code(COURSE_CLIENT_ZH));
        assert_eq!(code(COURSE_SERVER), code(COURSE_SERVER_ZH));
        // And the Chinese comments are Chinese.
        for text in [COURSE_CLIENT_ZH, COURSE_SERVER_ZH] {
            for comment in text
                .lines()
                .filter_map(|l| l.split_once('#').map(|(_, c)| c))
            {
                let comment = comment.trim();
                if comment.is_empty() || comment.starts_with("while") || comment.starts_with("data")
                {
                    continue;
                }
                assert!(
                    comment
                        .chars()
                        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                    "English comment in the Chinese program: {comment}"
                );
            }
        }
    }
}
