package yoriai.fault;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import yoriai.testing.Json;

/**
 * A misbehaving client as an attacker would write it: the WebSocket protocol by hand on a plain
 * TCP socket, either flooding (frames encoded in blocks and written as fast as the kernel takes
 * them) or never reading what the server sends (a JDK client always reads). A JDK
 * {@code HttpClient} flooder spends about a millisecond of CPU per hundred frames in the test JVM,
 * on the same two cores as the server it is meant to measure; this one spends almost none, so it
 * offers the server many more frames while costing the machine little of its own.
 */
final class RawFlooder implements AutoCloseable {
  private static final int FRAMES_PER_BLOCK = 500;

  private final Socket socket;
  private final OutputStream out;
  private final DataInputStream in;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong rateLimited = new AtomicLong();
  private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

  private RawFlooder(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.in = new DataInputStream(socket.getInputStream());
  }

  /** Opens the socket, upgrades it and joins the meeting; returns once {@code joined} arrived. */
  static RawFlooder joined(String baseUrl, String meetingId, String token) throws IOException {
    RawFlooder flooder = joinedWithoutReading(baseUrl, meetingId, token, 0);
    Thread reader = new Thread(flooder::readUntilClosed, "raw-flooder-reader");
    reader.setDaemon(true);
    reader.start();
    return flooder;
  }

  /**
   * As {@link #joined}, but nothing reads what the server sends until {@link #eventSeqsUntilClosed};
   * a {@code receiveBuffer} above 0 keeps the kernel from taking much of it first.
   */
  static RawFlooder joinedWithoutReading(String baseUrl, String meetingId, String token, int receiveBuffer) throws IOException {
    URI uri = URI.create(baseUrl);
    Socket socket = new Socket();
    if (receiveBuffer > 0) {
      socket.setReceiveBufferSize(receiveBuffer);
    }
    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
    socket.setSoTimeout(20_000);
    RawFlooder flooder = new RawFlooder(socket);
    flooder.upgrade(uri);
    flooder.out.write(masked(Json.object().put("type", "join").put("meetingId", meetingId).put("token", token).toString()));
    while (true) {
      JsonNode frame = Json.parse(flooder.readText());
      if (frame.path("type").asText().equals("joined")) {
        break;
      }
      if (frame.path("type").asText().equals("error")) {
        throw new IOException("join refused: " + frame);
      }
    }
    socket.setSoTimeout(0);
    return flooder;
  }

  /** Reads from here on; the seq of every event frame until the connection ends, and its close code. */
  List<Long> eventSeqsUntilClosed() throws IOException {
    socket.setSoTimeout(20_000);
    List<Long> seqs = new ArrayList<>();
    try {
      while (true) {
        JsonNode frame = Json.parse(readText());
        if (frame.path("type").asText().equals("event")) {
          seqs.add(frame.get("seq").asLong());
        }
      }
    } catch (CloseFrame close) {
      closeCode.complete(close.code);
    } catch (EOFException | SocketException gone) {
      closeCode.complete(-1);
    }
    return seqs;
  }

  /** Writes blocks of posts until the server stops the connection, {@code stop} is set or the time is up. */
  void flood(AtomicBoolean stop, long deadlineNanos) {
    long n = 0;
    try {
      while (!stop.get() && System.nanoTime() < deadlineNanos && !closeCode.isDone()) {
        ByteArrayOutputStream block = new ByteArrayOutputStream(FRAMES_PER_BLOCK * 96);
        for (int i = 0; i < FRAMES_PER_BLOCK; i++, n++) {
          block.write(masked("{\"type\":\"post\",\"id\":\"flood-" + n + "\",\"text\":\"flood " + n + "\"}"));
        }
        out.write(block.toByteArray());
        sent.addAndGet(FRAMES_PER_BLOCK);
      }
    } catch (IOException closedByServer) {
      // the server closed the connection; the reader has the close code
    }
  }

  long sent() {
    return sent.get();
  }

  long rateLimited() {
    return rateLimited.get();
  }

  /** The close code the server sent, or -1 if it sent none within the timeout. */
  int awaitCloseCode(long seconds) {
    try {
      return closeCode.get(seconds, TimeUnit.SECONDS);
    } catch (Exception none) {
      return -1;
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  private void upgrade(URI uri) throws IOException {
    byte[] key = new byte[16];
    ThreadLocalRandom.current().nextBytes(key);
    String request = "GET /ws HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
        + "Sec-WebSocket-Version: 13\r\n\r\n";
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed during the upgrade: " + head);
      }
      head.append((char) b);
    }
    if (!head.toString().startsWith("HTTP/1.1 101")) {
      throw new IOException("upgrade refused: " + head);
    }
  }

  private void readUntilClosed() {
    try {
      while (true) {
        String text = readText();
        if (text.contains("\"rate_limited\"")) {
          rateLimited.incrementAndGet();
        }
      }
    } catch (CloseFrame close) {
      closeCode.complete(close.code);
    } catch (IOException gone) {
      closeCode.complete(-1);
    }
  }

  /** Reads the next text message (server frames are not masked); a close frame ends reading. */
  private String readText() throws IOException {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    while (true) {
      int first = in.readUnsignedByte();
      int second = in.readUnsignedByte();
      long length = second & 0x7f;
      if (length == 126) {
        length = in.readUnsignedShort();
      } else if (length == 127) {
        length = in.readLong();
      }
      byte[] payload = in.readNBytes((int) length);
      if (payload.length < length) {
        throw new EOFException("connection ended inside a frame");
      }
      int opcode = first & 0x0f;
      if (opcode == 8) {
        throw new CloseFrame(payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005);
      }
      if (opcode == 1 || opcode == 0) {
        message.write(payload);
        if ((first & 0x80) != 0) {
          return message.toString(StandardCharsets.UTF_8);
        }
      }
    }
  }

  private static byte[] masked(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 8);
    frame.write(0x81);
    if (payload.length < 126) {
      frame.write(0x80 | payload.length);
    } else {
      frame.write(0x80 | 126);
      frame.write(payload.length >>> 8);
      frame.write(payload.length & 0xff);
    }
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    frame.writeBytes(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i & 3]);
    }
    return frame.toByteArray();
  }

  private static final class CloseFrame extends IOException {
    private final int code;

    CloseFrame(int code) {
      super("close " + code);
      this.code = code;
    }
  }
}
