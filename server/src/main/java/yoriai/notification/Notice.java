package yoriai.notification;

import yoriai.shared.Nullable;

/**
 * One thing to tell one account: an entry in its in-app list and a mail to {@code email}.
 * {@code text} is the body in Japanese then English; {@code link} (absolute, from
 * {@code Mailer.link}) is appended to the mail and shown with the entry (except a reset link).
 */
public record Notice(String accountId, String email, NoticeKind kind, String subject, String text, @Nullable String link) {}
