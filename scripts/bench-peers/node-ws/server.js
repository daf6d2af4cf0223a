// What many teams would write instead: a Node.js `ws` broadcast server speaking the subset of the
// §7 protocol the load generator uses (join, post → ack + event to every participant), with no
// storage and no auth. Used only by scripts/bench as a peer to compare against.
import { WebSocketServer } from 'ws';

const port = Number(process.argv[2] ?? 8091);
const rooms = new Map();
const server = new WebSocketServer({ host: '127.0.0.1', port });

server.on('connection', (socket) => {
  let room = null;
  socket.on('message', (raw) => {
    const frame = JSON.parse(raw.toString());
    if (frame.type === 'join') {
      room = rooms.get(frame.meetingId) ?? { id: frame.meetingId, seq: 0, sockets: new Set() };
      rooms.set(frame.meetingId, room);
      room.sockets.add(socket);
      socket.send(JSON.stringify({ type: 'joined', meetingId: room.id, seq: room.seq }));
    } else if (frame.type === 'post' && room) {
      const seq = ++room.seq;
      const event = JSON.stringify({ type: 'event', seq, meetingId: room.id, kind: 'message.posted',
        at: Date.now(), data: { text: frame.text } });
      for (const member of room.sockets) member.send(event);
      socket.send(JSON.stringify({ type: 'ack', id: frame.id, seq }));
    } else if (frame.type === 'ping') {
      socket.send('{"type":"pong"}');
    }
  });
  socket.on('close', () => room?.sockets.delete(socket));
});
console.log(`node ws broadcast server on ${port}`);
