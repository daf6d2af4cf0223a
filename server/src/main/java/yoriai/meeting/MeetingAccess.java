package yoriai.meeting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import yoriai.account.Account;
import yoriai.account.Permission;
import yoriai.shared.Failure;

/**
 * Who may see a meeting: the one rule behind every REST read and every socket join. An open meeting
 * is for every signed-in account; an invite meeting for its host, admins, accounts whose address
 * was invited, accounts that hold its code and accounts that joined with it before. A participant the host removed loses both, code
 * or not. A stranger to an invite meeting is told it does not exist, in the very words used for an
 * unknown id, so a guessed or leaked id confirms nothing.
 */
final class MeetingAccess {
  private MeetingAccess() {}

  static boolean isHost(Meeting meeting, Account account) {
    return account.id().equals(meeting.hostId()) || account.may(Permission.MODERATE_ANY_MEETING);
  }

  /**
   * Throws unless {@code account} may read and join. {@code admitted}: the account's address was
   * invited, or it joined before (its presence is in the log) or is connected now.
   */
  static void require(Meeting meeting, Account account, String inviteCode, boolean removed, boolean admitted) {
    if (isHost(meeting, account)) {
      return;
    }
    if (removed) {
      throw Failure.forbidden("You were removed from this meeting");
    }
    if ("invite".equals(meeting.visibility()) && !admitted && !holdsCode(meeting, inviteCode)) {
      throw Failure.notFound("Meeting");
    }
  }

  private static boolean holdsCode(Meeting meeting, String inviteCode) {
    return meeting.inviteCode() != null && inviteCode != null
        && MessageDigest.isEqual(meeting.inviteCode().getBytes(StandardCharsets.UTF_8),
            inviteCode.getBytes(StandardCharsets.UTF_8));
  }
}
