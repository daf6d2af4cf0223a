package yoriai.catalog;

/**
 * A place a service is offered: a whole prefecture ({@code municipalityCode} null) or one
 * municipality. Codes are JIS X 0401 (prefecture, e.g. {@code "10"}) and JIS X 0402
 * (municipality, five digits or six with the check digit, e.g. {@code "10202"} / {@code "102024"}).
 */
public record Area(String prefectureCode, String municipalityCode, String name) {
  boolean wholePrefecture() {
    return municipalityCode == null;
  }

  /** The five-digit code without the check digit, so both spellings of one municipality compare equal. */
  String municipalityKey() {
    return municipalityCode.substring(0, 5);
  }
}
