package yoriai.app;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/** One JSON object per line. Request lines are already JSON and pass through unchanged. */
public final class JsonLogFormatter extends Formatter {
  @Override
  public String format(LogRecord record) {
    String message = formatMessage(record);
    if ("yoriai.request".equals(record.getLoggerName())) {
      return message + System.lineSeparator();
    }
    JsonObject line = new JsonObject()
        .put("ts", Instant.ofEpochMilli(record.getMillis()).toString())
        .put("level", record.getLevel().getName())
        .put("logger", record.getLoggerName())
        .put("message", message);
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      line.put("error", trace.toString());
    }
    return line.encode() + System.lineSeparator();
  }
}
