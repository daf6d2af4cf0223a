package yoriai.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Every CSV the API writes (archive export, needs insight): RFC 4180 through Apache Commons CSV —
 * CRLF rows, a cell quoted when it holds a quote, comma or line break — UTF-8 with a byte order
 * mark so Excel in Japan opens it as UTF-8. Public text is written by anyone who posts, so a cell
 * that a spreadsheet would run as a formula (starting with {@code = + - @}, tab or carriage return)
 * gets a leading {@code '} (OWASP, CSV injection).
 *
 * <p>Two forms of one export: {@link Form#READABLE} by default, for people (Japanese headers,
 * labels, dates as {@code 2026-12-02 09:29} in Japan time), and {@link Form#MACHINE} with
 * {@code ?format=machine} (snake_case headers, codes as the JSON API has them, ISO-8601 instants).
 */
final class Csv {
  static final String CONTENT_TYPE = "text/csv; charset=utf-8";
  private static final String BYTE_ORDER_MARK = "\uFEFF";
  private static final CSVFormat FORMAT = CSVFormat.RFC4180;
  private static final DateTimeFormatter JAPAN_MINUTES =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Tokyo"));

  enum Form {
    READABLE, MACHINE;

    /** {@code ?format=machine}, else readable. */
    static Form of(QueryParams params) {
      return "machine".equals(params.oneOf("format", Set.of("readable", "machine"))) ? MACHINE : READABLE;
    }

    String instant(Instant instant) {
      return this == MACHINE ? instant.toString() : JAPAN_MINUTES.format(instant);
    }
  }

  /** One column: its header and value for people, and for machines. */
  record Column<T>(String label, String name, Function<T, String> readable, Function<T, String> machine) {
    /** A column whose value is the same in both forms. */
    static <T> Column<T> of(String label, String name, Function<T, String> value) {
      return new Column<>(label, name, value, value);
    }
  }

  private Csv() {}

  static <T> String write(List<Column<T>> columns, List<T> rows, Form form) {
    StringBuilder out = new StringBuilder(BYTE_ORDER_MARK);
    try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
      printer.printRecord(columns.stream().map(c -> form == Form.MACHINE ? c.name() : c.label()).map(Csv::neutralized));
      for (T row : rows) {
        printer.printRecord(columns.stream()
            .map(c -> (form == Form.MACHINE ? c.machine() : c.readable()).apply(row))
            .map(Csv::neutralized));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a StringBuilder does not fail", e);
    }
    return out.toString();
  }

  static String neutralized(String cell) {
    if (cell == null || cell.isEmpty()) {
      return "";
    }
    return switch (cell.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
      default -> cell;
    };
  }
}
