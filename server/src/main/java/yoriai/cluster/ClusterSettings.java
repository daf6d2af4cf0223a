package yoriai.cluster;

import java.util.List;

/**
 * How this node finds the others: a fixed TCP/IP member list (no multicast), bound to one address.
 * An empty member list means a single node with no cluster at all.
 */
public record ClusterSettings(List<String> members, String host, int port, int eventBusPort) {
  public boolean enabled() {
    return !members.isEmpty();
  }
}
