package yoriai.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {
  @ParameterizedTest
  @ValueSource(strings = {"care@takasaki.example.jp", "first.last+yoriai@city.example", "o'neil@example.co.jp",
      "staff-1@mirai-mart.yoriai.example"})
  void plain_addresses_are_addresses(String address) {
    assertThat(EmailAddresses.FORMAT.matcher(address).matches()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"x<victim@corp.jp>", "\"a b\"@example.jp", "a,b@example.jp", "a@b@example.jp", "a@example",
      "a@[127.0.0.1]", "a b@example.jp", "a@exa mple.jp", "(note)a@example.jp", "a@example.jp;b@example.jp"})
  void addresses_a_mail_client_would_read_differently_are_refused(String address) {
    assertThat(EmailAddresses.FORMAT.matcher(address).matches()).isFalse();
  }
}
