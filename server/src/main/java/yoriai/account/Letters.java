package yoriai.account;

import yoriai.shared.Nullable;

/** The texts of the account mails: Japanese first, the English version below a line {@code ---}. */
record Letters(String subject, String text) {
  private static final String SIGNATURE = "\n\nYoriai（よりあい）";

  /** The subject is Japanese, then " / " and the English (the notices page shows the reader's half). */
  private static Letters of(String subject, String englishSubject, String japanese, String english) {
    return new Letters("【Yoriai】" + subject + " / " + englishSubject,
        japanese + SIGNATURE + "\n\n---\n\n" + english + "\n\nYoriai");
  }

  /** To the address a sign-up named: the link that proves it is theirs, before any admin sees the request. */
  static Letters signUpReceived(String displayName, String confirmLink, long validHours) {
    return of("参加申請を受け付けました", "Your request to join was received",
        displayName + " 様\n\nYoriai への参加申請を受け付けました。次のリンクを開いて、このメールアドレスがあなたのものであることを"
            + "確認してください。確認すると申請が管理者に届き、承認されるとメールでお知らせします。"
            + "リンクは" + validHours + "時間、1回だけ使えます。\n" + confirmLink + "\n\n"
            + "このメールに心当たりがない場合は、破棄してください。リンクを開かなければ申請は管理者に届かず、取り消されます。",
        "Dear " + displayName + ",\n\nWe have received your request to join Yoriai. Open this link to confirm that this "
            + "address is yours; the request then goes to an administrator, and we will mail you once it is approved. "
            + "The link works once, for " + validHours + " hours:\n" + confirmLink + "\n\n"
            + "If you did not ask for this, ignore this mail: without the link the request never reaches an "
            + "administrator and lapses.");
  }

  /** To an address that already has an account, in {@code state}: what its owner can do. */
  static Letters alreadyRegistered(AccountState state, String resetLink) {
    String ja = "このメールアドレスで Yoriai への参加申請がありましたが、このアドレスのアカウントはすでにあります。"
        + "新しいアカウントは作成していません。\n\n";
    String en = "Someone asked to join Yoriai with this address, but an account with it already exists, so no new account "
        + "was made.\n\n";
    String jaIgnore = "\n\n申請に心当たりがない場合は、このメールを破棄してください。アカウントに変更はありません。";
    String enIgnore = "\n\nIf this was not you, ignore this mail; nothing about your account has changed.";
    return switch (state) {
      case ACTIVE -> of("このメールアドレスは登録済みです", "This address already has an account",
          ja + "パスワードを忘れた場合は、次のページから再設定できます。\n" + resetLink + jaIgnore,
          en + "If you forgot your password, you can reset it here:\n" + resetLink + enIgnore);
      case UNCONFIRMED -> of("このメールアドレスは確認待ちです", "This address awaits confirmation",
          ja + "先にお送りした「参加申請を受け付けました」のメールのリンクを開くと、申請が管理者に届きます。"
              + "リンクの期限が切れた申請は、もう一度申し込むと新しく受け付けます。" + jaIgnore,
          en + "Open the link in the earlier mail 'Your request to join was received' and the request goes to an administrator. "
              + "Once that link has expired, asking to join again starts a new request." + enIgnore);
      case PENDING -> of("このメールアドレスは承認待ちです", "This address awaits approval",
          ja + "このアドレスの参加申請は、管理者の承認を待っています。承認されるとメールでお知らせしますので、"
              + "そのままお待ちください。" + jaIgnore,
          en + "The request to join with this address is waiting for an administrator's approval. We will mail you "
              + "once it is approved." + enIgnore);
      case REJECTED, DISABLED -> of("このメールアドレスは登録済みです", "This address already has an account",
          ja + "このアドレスのアカウントは現在使えません。利用を再開したい場合は、この会の運営者（管理者）にお問い合わせください。"
              + jaIgnore,
          en + "The account of this address cannot be used at the moment. To use it again, please contact the people "
              + "who run this Yoriai (its administrators)." + enIgnore);
    };
  }

  static Letters newSignUp(Account applicant, String consoleLink) {
    String who = applicant.displayName() + "（" + applicant.organization().name() + "、"
        + applicant.organization().prefecture() + "） <" + applicant.email() + ">";
    return of("新しい参加申請", "New request to join",
        "新しい参加申請があります（メールアドレスは確認済み）。\n\n" + who + "\n\n管理画面で承認または却下してください。\n" + consoleLink,
        "There is a new request to join (its email address is confirmed).\n\n" + who + "\n\nApprove or reject it in the admin console:\n" + consoleLink);
  }

  /** The sign-in link follows at the end (the notice's link). */
  static Letters approved(String displayName) {
    return of("参加申請が承認されました", "Your request to join was approved",
        displayName + " 様\n\nYoriai への参加申請が承認されました。このメールの最後のリンクからサインインできます。",
        "Dear " + displayName + ",\n\nYour request to join Yoriai has been approved. Sign in with the link at the end of this mail.");
  }

  static Letters rejected(String displayName, @Nullable String reason) {
    boolean hasReason = reason != null && !reason.isBlank();
    return of("参加申請について", "About your request to join",
        displayName + " 様\n\nYoriai への参加申請をいただき、ありがとうございました。"
            + "申し訳ありませんが、今回は承認を見送らせていただきました。"
            + (hasReason ? "\n\n管理者からのコメント:\n" + reason.strip() : "")
            + "\n\nご不明な点は、この会の運営者にお問い合わせください。",
        "Dear " + displayName + ",\n\nThank you for your request to join Yoriai. We are sorry, but it has not been "
            + "approved this time." + (hasReason ? "\n\nThe administrator's comment:\n" + reason.strip() : "")
            + "\n\nIf you have questions, please contact the people who run this Yoriai.");
  }

  /** The link follows at the end, in the mail only (the notice's link, which the in-app list never shows). */
  static Letters resetRequested(String displayName, long validMinutes) {
    return of("パスワードの再設定", "Reset your password",
        displayName + " 様\n\nパスワードの再設定を受け付けました。このメールの最後のリンクを開いて、新しいパスワードを"
            + "設定してください。リンクは" + validMinutes + "分間、1回だけ使えます。\n"
            + "再設定を依頼していない場合は、このメールを破棄してください。パスワードは変わりません。",
        "Dear " + displayName + ",\n\nOpen the link at the end of this mail to choose a new password. It works once, for "
            + validMinutes + " minutes.\nIf you did not ask for this, ignore this mail; your password stays as it is.");
  }

  static Letters passwordChanged(String displayName) {
    return of("パスワードが再設定されました", "Your password was changed",
        displayName + " 様\n\nYoriai のパスワードが再設定されました。すべての端末でサインアウトしました。\n"
            + "心当たりがない場合は、すぐに管理者に連絡してください。",
        "Dear " + displayName + ",\n\nYour Yoriai password has been changed and every device has been signed out.\n"
            + "If this was not you, contact an administrator at once.");
  }

  static Letters invitation(String displayName, String link, long validDays) {
    return of("アカウントが作成されました", "An account was made for you",
        displayName + " 様\n\nYoriai にあなたのアカウントが作成されました。次のリンクを開いて、パスワードを設定してください。"
            + "リンクは" + validDays + "日間、1回だけ使えます。\n" + link,
        "Dear " + displayName + ",\n\nAn account on Yoriai has been made for you. Open this link to choose your password. "
            + "It works once, for " + validDays + " days:\n" + link);
  }
}
