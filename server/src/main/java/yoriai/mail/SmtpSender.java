package yoriai.mail;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import java.util.Base64;

/**
 * Hands one outbox mail to the SMTP server with the Vert.x mail client. The body is a single
 * text/plain part in UTF-8 and the subject RFC 2047-encoded, which every mail client in use in
 * Japan reads (docs/decisions.md).
 */
final class SmtpSender {
  private final MailClient client;
  private final String from;

  SmtpSender(Vertx vertx, MailSettings settings) {
    MailConfig config = new MailConfig()
        .setHostname(settings.smtpHost().orElseThrow())
        .setPort(settings.smtpPort())
        .setStarttls(switch (settings.startTls()) {
          case REQUIRED -> StartTLSOptions.REQUIRED;
          case OPTIONAL -> StartTLSOptions.OPTIONAL;
          case DISABLED -> StartTLSOptions.DISABLED;
        })
        .setKeepAlive(false);
    settings.smtpUser().ifPresent(user -> config.setUsername(user).setLogin(LoginOption.REQUIRED));
    settings.smtpPassword().ifPresent(config::setPassword);
    this.client = MailClient.createShared(vertx, config, "yoriai-mail");
    this.from = settings.from();
  }

  Future<Void> send(OutboxMail mail) {
    MailMessage message = new MailMessage()
        .setFrom(from)
        .setTo(mail.to())
        .setSubject(mail.subject())
        .setText(mail.text())
        .setAttachment(mail.attachments().stream().map(SmtpSender::attachment).toList());
    return client.sendMail(message).mapEmpty();
  }

  private static io.vertx.ext.mail.MailAttachment attachment(OutboxMail.StoredAttachment stored) {
    return io.vertx.ext.mail.MailAttachment.create()
        .setName(stored.fileName())
        .setContentType(stored.contentType())
        .setData(Buffer.buffer(Base64.getDecoder().decode(stored.base64())));
  }

  Future<Void> close() {
    return client.close();
  }
}
