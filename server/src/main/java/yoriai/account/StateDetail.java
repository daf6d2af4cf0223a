package yoriai.account;

/** Detail of an {@code invalid_state} refusal: the state the account is in. */
public record StateDetail(AccountState state) {}
