package yoriai.mail;

/** A file sent with a mail, e.g. {@code text/calendar; method=REQUEST; charset=UTF-8}. */
public record MailAttachment(String fileName, String contentType, byte[] content) {}
