package yoriai.meeting;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import yoriai.shared.Failure;
import yoriai.shared.FailureKind;

/** The speaking queue as the log built it: the accounts with a raised hand, first raised first. */
final class RaisedHands {
  private final Set<String> queue = new LinkedHashSet<>();

  /**
   * Folds one event: a hand goes up (keeping its place if it is up already) and comes down by its
   * owner, by the host, when its owner is called on or is removed. Leaving does not lower it: a
   * dropped connection (or leaving one node while still connected through another) is no decision
   * to give up one's turn, and the hand is still up on return.
   */
  void fold(MeetingEvent event) {
    String actorId = event.actor() == null ? null : event.actor().accountId();
    EventData data = event.data();
    if (data instanceof EventData.HandChanged hand && hand.raised()) {
      queue.add(actorId);
    } else if (data instanceof EventData.HandChanged) {
      queue.remove(actorId);
    } else if (data instanceof EventData.HandLowered lowered) {
      queue.remove(lowered.accountId());
    } else if (data instanceof EventData.SpeakerCalled called) {
      queue.remove(called.accountId());
    } else if (data instanceof EventData.ParticipantRemoved removal) {
      queue.remove(removal.accountId());
    }
  }

  boolean isRaised(String accountId) {
    return queue.contains(accountId);
  }

  /** The refusal of calling on or lowering a hand that is not raised (any more). */
  static Failure noneRaised() {
    return new Failure(FailureKind.CONFLICT, "no_raised_hand", "No such raised hand");
  }

  Optional<String> first() {
    return queue.stream().findFirst();
  }
}
