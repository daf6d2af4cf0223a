package yoriai.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real SMTP server (GreenMail) in this JVM on a free loopback port. Start the test server with
 * {@link #env()} and read what it sent with {@link #awaitMailTo}; {@link #stop()} and
 * {@link #restart()} play an SMTP outage.
 */
public final class TestMail implements AutoCloseable {
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private GreenMail greenMail;
  private final int port;

  private TestMail(GreenMail greenMail) {
    this.greenMail = greenMail;
    this.port = greenMail.getSmtp().getPort();
  }

  public static TestMail start() {
    GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    greenMail.start();
    return new TestMail(greenMail);
  }

  /** The server's mail settings for this SMTP server; the outbox is polled every 100 ms. */
  public Map<String, String> env() {
    return Map.of(
        "YORIAI_SMTP_HOST", "127.0.0.1",
        "YORIAI_SMTP_PORT", String.valueOf(port),
        "YORIAI_SMTP_STARTTLS", "disabled",
        "YORIAI_MAIL_FROM", "Yoriai <no-reply@yoriai.test>",
        "YORIAI_MAIL_POLL_MS", "100");
  }

  /** Every message received so far, oldest first. */
  public List<MimeMessage> received() {
    return Arrays.asList(greenMail.getReceivedMessages());
  }

  /** The newest message to {@code address}, waiting for one to arrive. */
  public MimeMessage awaitMailTo(String address) {
    return awaitMailTo(address, 1);
  }

  /** The newest message to {@code address} once at least {@code count} have arrived there. */
  public MimeMessage awaitMailTo(String address, int count) {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (Instant.now().isBefore(deadline)) {
      List<MimeMessage> to = mailsTo(address);
      if (to.size() >= count) {
        return to.get(to.size() - 1);
      }
      greenMail.waitForIncomingEmail(200, greenMail.getReceivedMessages().length + 1);
    }
    throw new AssertionError("no mail #" + count + " to " + address + " within " + PATIENCE + "; received "
        + received().size() + " in all");
  }

  public List<MimeMessage> mailsTo(String address) {
    return received().stream().filter(m -> recipients(m).contains(address)).toList();
  }

  /** The plain-text body, decoded. */
  public static String text(MimeMessage message) {
    return part(message, "text/plain").map(TestMail::content)
        .orElseThrow(() -> new AssertionError("the mail has no text/plain part"));
  }

  /** The first part of {@code mimeType} (e.g. {@code text/calendar}), its content as UTF-8 text. */
  public static Optional<String> attachment(MimeMessage message, String mimeType) {
    return part(message, mimeType).map(TestMail::content);
  }

  /** The Content-Type header of the first part of {@code mimeType}. */
  public static Optional<String> contentType(MimeMessage message, String mimeType) {
    return parts(message).stream().filter(p -> isType(p, mimeType)).findFirst().map(p -> {
      try {
        return p.getContentType();
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  public static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  public void stop() {
    greenMail.stop();
  }

  /** Starts again on the same port, as an SMTP server coming back after an outage. */
  public void restart() {
    greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
  }

  @Override
  public void close() {
    greenMail.stop();
  }

  private static List<String> recipients(MimeMessage message) {
    try {
      return Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<jakarta.mail.Part> part(MimeMessage message, String mimeType) {
    return parts(message).stream().filter(p -> isType(p, mimeType)).findFirst();
  }

  private static List<jakarta.mail.Part> parts(MimeMessage message) {
    try {
      if (!(message.getContent() instanceof Multipart multipart)) {
        return List.of(message);
      }
      jakarta.mail.Part[] parts = new jakarta.mail.Part[multipart.getCount()];
      for (int i = 0; i < parts.length; i++) {
        BodyPart part = multipart.getBodyPart(i);
        parts[i] = part;
      }
      return Arrays.asList(parts);
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isType(jakarta.mail.Part part, String mimeType) {
    try {
      return part.isMimeType(mimeType);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String content(jakarta.mail.Part part) {
    try (InputStream in = part.getInputStream()) {
      String charset = Optional.ofNullable(new jakarta.mail.internet.ContentType(part.getContentType()).getParameter("charset"))
          .orElse("UTF-8");
      return new String(in.readAllBytes(), charset);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
