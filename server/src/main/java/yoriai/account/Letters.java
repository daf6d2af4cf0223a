package yoriai.account;

import yoriai.shared.Nullable;

/** The texts of the account mails: Japanese first, the English version below a line {@code ---}. */
record Letters(String subject, String text) {
  private static final String SIGNATURE = "\n\nYoriai（よりあい）";

  private static Letters of(String subject, String japanese, String english) {
    return new Letters("【Yoriai】" + subject, japanese + SIGNATURE + "\n\n---\n\n" + english + "\n\nYoriai");
  }

  static Letters signUpReceived(String displayName) {
    return of("参加申請を受け付けました",
        displayName + " 様\n\nYoriai への参加申請を受け付けました。管理者が確認して承認すると、"
            + "サインインできるようになったことをメールでお知らせします。\n"
            + "このメールに心当たりがない場合は、破棄してください。",
        "Dear " + displayName + ",\n\nWe have received your request to join Yoriai. An administrator will review it; "
            + "we will mail you when you can sign in.\nIf you did not ask for this, please ignore this mail.");
  }

  static Letters alreadyRegistered(String resetLink) {
    return of("このメールアドレスは登録済みです",
        "このメールアドレスで Yoriai への参加申請がありましたが、このアドレスのアカウントはすでにあります。"
            + "新しいアカウントは作成していません。\n\n"
            + "パスワードを忘れた場合は、次のページから再設定できます。\n" + resetLink + "\n\n"
            + "申請に心当たりがない場合は、このメールを破棄してください。アカウントに変更はありません。",
        "Someone asked to join Yoriai with this address, but an account with it already exists, so no new account "
            + "was made.\n\nIf you forgot your password, you can reset it here:\n" + resetLink + "\n\n"
            + "If this was not you, ignore this mail; nothing about your account has changed.");
  }

  static Letters newSignUp(Account applicant, String consoleLink) {
    String who = applicant.displayName() + "（" + applicant.organization().name() + "、"
        + applicant.organization().prefecture() + "） <" + applicant.email() + ">";
    return of("新しい参加申請",
        "新しい参加申請があります。\n\n" + who + "\n\n管理画面で承認または却下してください。\n" + consoleLink,
        "There is a new request to join.\n\n" + who + "\n\nApprove or reject it in the admin console:\n" + consoleLink);
  }

  /** The sign-in link follows at the end (the notice's link). */
  static Letters approved(String displayName) {
    return of("参加申請が承認されました",
        displayName + " 様\n\nYoriai への参加申請が承認されました。このメールの最後のリンクからサインインできます。",
        "Dear " + displayName + ",\n\nYour request to join Yoriai has been approved. Sign in with the link at the end of this mail.");
  }

  static Letters rejected(String displayName, @Nullable String reason) {
    boolean hasReason = reason != null && !reason.isBlank();
    return of("参加申請について",
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
    return of("パスワードの再設定",
        displayName + " 様\n\nパスワードの再設定を受け付けました。このメールの最後のリンクを開いて、新しいパスワードを"
            + "設定してください。リンクは" + validMinutes + "分間、1回だけ使えます。\n"
            + "再設定を依頼していない場合は、このメールを破棄してください。パスワードは変わりません。",
        "Dear " + displayName + ",\n\nOpen the link at the end of this mail to choose a new password. It works once, for "
            + validMinutes + " minutes.\nIf you did not ask for this, ignore this mail; your password stays as it is.");
  }

  static Letters passwordChanged(String displayName) {
    return of("パスワードが再設定されました",
        displayName + " 様\n\nYoriai のパスワードが再設定されました。すべての端末でサインアウトしました。\n"
            + "心当たりがない場合は、すぐに管理者に連絡してください。",
        "Dear " + displayName + ",\n\nYour Yoriai password has been changed and every device has been signed out.\n"
            + "If this was not you, contact an administrator at once.");
  }

  static Letters invitation(String displayName, String link, long validDays) {
    return of("アカウントが作成されました",
        displayName + " 様\n\nYoriai にあなたのアカウントが作成されました。次のリンクを開いて、パスワードを設定してください。"
            + "リンクは" + validDays + "日間、1回だけ使えます。\n" + link,
        "Dear " + displayName + ",\n\nAn account on Yoriai has been made for you. Open this link to choose your password. "
            + "It works once, for " + validDays + " days:\n" + link);
  }
}
