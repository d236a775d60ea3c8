//! The course's programs, as the learner writes them, shown next to the lab (the same code as
//! tests/python/file_course_*.py, which the tests run against the relay).

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
