package yoriai.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Every CSV the API writes (archive export, needs insight): RFC 4180 through Apache Commons CSV —
 * CRLF rows, a cell quoted when it holds a quote, comma or line break — UTF-8 with a byte order
 * mark so Excel in Japan opens it as UTF-8. Public text is written by anyone who posts, so a cell
 * that a spreadsheet would run as a formula (starting with {@code = + - @}, tab or carriage return)
 * gets a leading {@code '} (OWASP, CSV injection).
 */
final class Csv {
  static final String CONTENT_TYPE = "text/csv; charset=utf-8";
  private static final String BYTE_ORDER_MARK = "\uFEFF";
  private static final CSVFormat FORMAT = CSVFormat.RFC4180;

  private Csv() {}

  static String write(List<String> header, List<List<String>> rows) {
    StringBuilder out = new StringBuilder(BYTE_ORDER_MARK);
    try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
      printer.printRecord(header.stream().map(Csv::neutralized));
      for (List<String> row : rows) {
        printer.printRecord(row.stream().map(Csv::neutralized));
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
