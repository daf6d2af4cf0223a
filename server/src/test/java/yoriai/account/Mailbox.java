package yoriai.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import yoriai.testing.Json;
import yoriai.testing.TestMail;

/** What the account tests read from the in-process SMTP server, and the request bodies they send. */
final class Mailbox {
  private static final Pattern TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_-]+)");
  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  private final TestMail mail;

  Mailbox(TestMail mail) {
    this.mail = mail;
  }

  /** The first mail to {@code to} whose subject contains {@code subject}, waiting for it. */
  MimeMessage await(String to, String subject) {
    return await(to, subject, "");
  }

  /** The first mail to {@code to} whose subject contains {@code subject} and its text {@code inText}, waiting for it. */
  MimeMessage await(String to, String subject, String inText) {
    for (int count = 1; ; count++) {
      mail.awaitMailTo(to, count);
      for (MimeMessage message : mail.mailsTo(to)) {
        if (TestMail.subject(message).contains(subject) && TestMail.text(message).contains(inText)) {
          return message;
        }
      }
    }
  }

  /** The one-time token of the newest mail to {@code to} with that subject once {@code count} such mails came. */
  String token(String to, String subject, int count) {
    for (int seen = 1; ; seen++) {
      mail.awaitMailTo(to, seen);
      var matching = mail.mailsTo(to).stream().filter(m -> TestMail.subject(m).contains(subject)).toList();
      if (matching.size() >= count) {
        return tokenIn(TestMail.text(matching.get(count - 1)));
      }
    }
  }

  static String tokenIn(String text) {
    Matcher matcher = TOKEN.matcher(text);
    if (!matcher.find()) {
      throw new AssertionError("no token= link in the mail:\n" + text);
    }
    return matcher.group(1);
  }

  static String newAddress(String who) {
    return who + "-" + ADDRESSES.incrementAndGet() + "-" + System.nanoTime() + "@yoriai.test";
  }

  /** A company's sign-up as the sign-up page sends it. */
  static ObjectNode companySignUp(String email) {
    ObjectNode body = Json.object().put("email", email).put("password", "mise-no-kanban-4Tq")
        .put("displayName", "営業 花子").put("role", "company");
    body.putObject("organization").put("name", "株式会社まちかど商店").put("kind", "company").put("prefecture", "群馬県");
    return body;
  }

  static ObjectNode professionalSignUp(String email) {
    ObjectNode body = Json.object().put("email", email).put("password", "kusuri-no-hako-8Rw")
        .put("displayName", "薬剤 一郎").put("role", "professional").put("profession", "薬剤師");
    body.putObject("organization").put("name", "まえばし薬局").put("kind", "care_provider").put("prefecture", "群馬県");
    return body;
  }

  static String login(String email, String password) {
    return Json.object().put("email", email).put("password", password).toString();
  }
}
