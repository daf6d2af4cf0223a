package yoriai.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorageClientConfigTest {

  @Test
  void a_uri_without_a_socket_timeout_gets_the_servers_so_no_read_waits_forever() {
    assertThat(Storage.clientConfig("mongodb://db.example:27017/yoriai", "yoriai").getInteger("socketTimeoutMS"))
        .isEqualTo(Storage.SOCKET_TIMEOUT_MS);
  }

  @Test
  void a_socket_timeout_in_the_uri_is_left_to_the_uri() {
    assertThat(Storage.clientConfig("mongodb://db.example:27017/yoriai?socketTimeoutMS=1500", "yoriai").containsKey("socketTimeoutMS"))
        .isFalse();
  }
}
