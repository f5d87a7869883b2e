import { createServer } from 'node:http';

// The machine's baseline: the least a Node.js HTTP server can do per request.
const body = Buffer.from('{"ok":true}');

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  });
});

server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});

process.on('SIGTERM', () => server.close(() => process.exit(0)));
