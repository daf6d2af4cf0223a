package yoriai.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What every workbook we hand out shares: a Japanese font throughout, wrapped text, A4 portrait
 * fitted to the page width, and the download's headers. Workbooks are written off the event loop.
 */
final class Xlsx {
  static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String FONT = "游ゴシック";
  private static final short FONT_POINTS = 10;
  /** Points per printed line of the default font, for rows whose text wraps. */
  private static final float LINE_POINTS = 15f;

  private Xlsx() {}

  /** A new workbook and its styles; every style uses {@link #FONT}. */
  static Styles workbook() {
    XSSFWorkbook workbook = new XSSFWorkbook();
    XSSFFont standard = workbook.getFontAt(0);
    standard.setFontName(FONT);
    standard.setFontHeightInPoints(FONT_POINTS);
    return new Styles(workbook);
  }

  /** The styles of one workbook: plain wrapped text, a label, a heading and the title. */
  static final class Styles {
    final XSSFWorkbook workbook;
    final CellStyle text;
    final CellStyle label;
    final CellStyle heading;
    final CellStyle title;

    private Styles(XSSFWorkbook workbook) {
      this.workbook = workbook;
      this.text = style(false, FONT_POINTS, false);
      this.label = style(true, FONT_POINTS, true);
      this.heading = style(true, (short) 12, false);
      this.title = style(true, (short) 14, false);
    }

    private CellStyle style(boolean bold, short points, boolean shaded) {
      XSSFFont font = workbook.createFont();
      font.setFontName(FONT);
      font.setFontHeightInPoints(points);
      font.setBold(bold);
      CellStyle style = workbook.createCellStyle();
      style.setFont(font);
      style.setWrapText(true);
      style.setVerticalAlignment(VerticalAlignment.TOP);
      if (shaded) {
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setBorderBottom(BorderStyle.THIN);
      }
      return style;
    }
  }

  /** Column widths in characters (a Japanese character counts two) and A4 portrait, fitted to one page wide. */
  static void layout(Sheet sheet, int... widths) {
    for (int i = 0; i < widths.length; i++) {
      sheet.setColumnWidth(i, widths[i] * 256);
    }
    PrintSetup print = sheet.getPrintSetup();
    print.setPaperSize(PrintSetup.A4_PAPERSIZE);
    print.setLandscape(false);
    print.setFitWidth((short) 1);
    print.setFitHeight((short) 0);
    sheet.setFitToPage(true);
    sheet.setAutobreaks(true);
    sheet.setHorizontallyCenter(true);
  }

  /**
   * Makes {@code row} tall enough for {@code text} wrapped into {@code widthChars}: Excel does not
   * fit the height of merged cells itself.
   */
  static void fitHeight(Row row, String text, int widthChars) {
    int lines = 0;
    for (String line : text.split("\n", -1)) {
      int width = line.codePoints().map(c -> c < 0x2E80 ? 1 : 2).sum();
      lines += Math.max(1, (width + widthChars - 1) / widthChars);
    }
    row.setHeightInPoints(Math.max(row.getHeightInPoints(), lines * LINE_POINTS));
  }

  static byte[] bytes(XSSFWorkbook workbook) {
    try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the workbook on a worker thread, then answers with it as {@code fileName} (RFC 5987, for
   * the Japanese name), {@code asciiName} for clients that read only {@code filename}.
   */
  static void send(RoutingContext ctx, String fileName, String asciiName, Callable<byte[]> write) {
    Future<byte[]> written = ctx.vertx().executeBlocking(write, false);
    written.onSuccess(body -> ctx.response()
            .putHeader("Content-Type", CONTENT_TYPE)
            .putHeader("Content-Disposition", contentDisposition(fileName, asciiName))
            .putHeader("Cache-Control", "no-store")
            .end(Buffer.buffer(body)))
        .onFailure(ctx::fail);
  }

  /** {@code attachment; filename="yoriai.xlsx"; filename*=UTF-8''…}: an ASCII fallback, then the real name. */
  static String contentDisposition(String fileName, String asciiName) {
    String ascii = asciiName.replaceAll("[^A-Za-z0-9._-]", "_");
    String safe = fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    String encoded = URLEncoder.encode(safe, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
