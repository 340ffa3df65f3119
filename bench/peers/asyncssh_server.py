#!/usr/bin/python3
"""Peer: asyncssh's SSH server with the trivial prompt-and-echo shell (admin/admin).
Usage: asyncssh_server.py <port> <host-key-file>"""
import asyncio
import logging
import sys
import warnings

warnings.filterwarnings("ignore")
import asyncssh  # noqa: E402

PROMPT = b"admin@PA-VM> "
LINE = b"x" * 79 + b"\r\n"


class Server(asyncssh.SSHServer):
    def begin_auth(self, username):
        return True

    def password_auth_supported(self):
        return True

    def validate_password(self, username, password):
        return username == "admin" and password == "admin"

    def session_requested(self):
        return Shell()


class Shell(asyncssh.SSHServerSession):
    def __init__(self):
        self.line = bytearray()
        self.chan = None

    def connection_made(self, chan):
        self.chan = chan

    def pty_requested(self, term_type, term_size, term_modes):
        return True

    def shell_requested(self):
        return True

    def session_started(self):
        self.chan.write(PROMPT)

    def data_received(self, data, datatype):
        for b in data:
            if b in (13, 10):
                self.chan.write(b"\r\n")
                line = bytes(self.line)
                self.line.clear()
                if line in (b"exit", b"quit"):
                    self.chan.exit(0)
                    return
                if line.startswith(b"bulk "):
                    self.chan.write(LINE * (int(line[5:]) // len(LINE)))
                else:
                    self.chan.write(line + b"\r\n")
                self.chan.write(PROMPT)
            else:
                self.line.append(b)
                self.chan.write(bytes((b,)))


async def main(port, key):
    await asyncssh.create_server(Server, "127.0.0.1", port, server_host_keys=[key],
                                 encoding=None, backlog=4096)
    print(f"listening on 127.0.0.1:{port}", flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    logging.getLogger("asyncssh").setLevel(logging.CRITICAL)
    asyncio.run(main(int(sys.argv[1]), sys.argv[2]))
