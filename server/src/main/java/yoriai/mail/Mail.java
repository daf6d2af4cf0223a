package yoriai.mail;

import java.util.List;

/** One mail to one address: a plain-text body, and attachments such as a meeting's calendar entry. */
public record Mail(String to, String subject, String text, List<MailAttachment> attachments) {
  public Mail {
    attachments = List.copyOf(attachments);
  }

  public static Mail of(String to, String subject, String text) {
    return new Mail(to, subject, text, List.of());
  }
}
