package yoriai.ws;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code yoriai_ws_commands_total{type,outcome}} and {@code yoriai_ws_open_sockets}. */
final class SocketMetrics {
  private final MeterRegistry registry;
  private final AtomicInteger open = new AtomicInteger();

  SocketMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("yoriai.ws.open.sockets", open, AtomicInteger::get).description("Open meeting sockets").register(registry);
  }

  void opened() {
    open.incrementAndGet();
  }

  void closed() {
    open.decrementAndGet();
  }

  /** {@code type} is a known command type or a fixed word, so the tag set stays small. */
  void command(String type, String outcome) {
    Counter.builder("yoriai.ws.commands").tag("type", type).tag("outcome", outcome).register(registry).increment();
  }
}
