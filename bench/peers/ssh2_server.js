// Peer: Node's ssh2 server (npm ssh2, installed at run time) with the trivial prompt-and-echo shell.
// Usage: node ssh2_server.js <port> <host-key-file>
'use strict';
const fs = require('fs');
const { Server } = require('ssh2');

const PROMPT = 'admin@PA-VM> ';
const LINE = 'x'.repeat(79) + '\r\n';
const [port, keyFile] = process.argv.slice(2);

const server = new Server({ hostKeys: [fs.readFileSync(keyFile)] }, (client) => {
  // No Nagle (as OpenSSH with a pty and the emulator do): otherwise each echo waits for a delayed ACK.
  if (client._sock && client._sock.setNoDelay) client._sock.setNoDelay(true);
  client.on('authentication', (ctx) => {
    if (ctx.method === 'password' && ctx.username === 'admin' && ctx.password === 'admin') ctx.accept();
    else ctx.reject(['password']);
  });
  client.on('ready', () => {
    client.on('session', (accept) => {
      const session = accept();
      session.on('pty', (acceptPty) => acceptPty && acceptPty());
      session.on('window-change', (acceptWc) => acceptWc && acceptWc());
      session.on('shell', (acceptShell) => {
        const stream = acceptShell();
        let line = '';
        stream.write(PROMPT);
        stream.on('data', (data) => {
          for (const ch of data.toString('latin1')) {
            if (ch === '\r' || ch === '\n') {
              stream.write('\r\n');
              if (line === 'exit' || line === 'quit') {
                stream.exit(0);
                stream.end();
                return;
              }
              if (line.startsWith('bulk ')) stream.write(LINE.repeat(Math.floor(Number(line.slice(5)) / LINE.length)));
              else stream.write(line + '\r\n');
              stream.write(PROMPT);
              line = '';
            } else {
              line += ch;
              stream.write(ch);
            }
          }
        });
      });
    });
  });
  client.on('error', () => {});
});
server.listen({ port: Number(port), host: '127.0.0.1', backlog: 4096 }, () => {
  console.log(`listening on 127.0.0.1:${port}`);
});
