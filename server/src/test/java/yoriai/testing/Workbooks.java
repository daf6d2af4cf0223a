package yoriai.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Downloads and uploads of .xlsx files over HTTP, and reading them back with POI. */
public final class Workbooks {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private Workbooks() {}

  /** A binary response. */
  public record Download(int status, String contentType, String disposition, byte[] body) {
    public XSSFWorkbook workbook() {
      return read(body);
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  public static Download get(Api api, String path, String token) {
    return send(api.request(path, token).GET().build());
  }

  /** {@code POST path} as multipart/form-data with one file field {@code file}. */
  public static Api.Reply upload(Api api, String path, String token, String fileName, String contentType, byte[] content) {
    String boundary = "yoriai-test-" + System.nanoTime();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    return api.send(api.request(path, token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  public static XSSFWorkbook read(byte[] bytes) {
    try {
      return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] bytes(XSSFWorkbook workbook) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each row of {@code sheet} as its cells' texts (numbers as whole numbers), blank rows left out. */
  public static List<List<String>> rows(Sheet sheet) {
    List<List<String>> rows = new ArrayList<>();
    for (Row row : sheet) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < row.getLastCellNum(); i++) {
        Cell cell = row.getCell(i);
        cells.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC
            ? String.valueOf((long) cell.getNumericCellValue()) : cell.getStringCellValue());
      }
      if (!cells.stream().allMatch(String::isEmpty)) {
        rows.add(cells);
      }
    }
    return rows;
  }

  private static Download send(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
          response.headers().firstValue("Content-Disposition").orElse(null), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
