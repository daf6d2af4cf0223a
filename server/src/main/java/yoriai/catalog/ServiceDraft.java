package yoriai.catalog;

import java.util.List;
import java.util.regex.Pattern;
import yoriai.shared.Prefectures;
import yoriai.shared.Validator;

/** The body of {@code POST} and {@code PUT /api/v1/catalog/services}: everything the owner may set. */
public record ServiceDraft(
    String name,
    String provider,
    String category,
    String description,
    List<Area> areas,
    String price,
    String howToUse,
    String contactUrl) {

  static final int MAX_AREAS = 200;
  private static final Pattern MUNICIPALITY_CODE = Pattern.compile("\\d{5,6}");
  private static final Pattern WEB_URL = Pattern.compile("(?i)https?://[^\\s/?#<>\"]+[^\\s<>\"]*");

  void validate() {
    Validator v = new Validator()
        .text("name", name, 1, 100)
        .text("provider", provider, 0, 100)
        .required("category", category)
        .oneOf("category", category, Categories.NAMES)
        .text("description", description, 0, 2000)
        .required("areas", areas)
        .text("price", price, 0, 200)
        .text("howToUse", howToUse, 0, 2000)
        .text("contactUrl", contactUrl, 0, 500)
        .matches("contactUrl", contactUrl, WEB_URL, "an http:// or https:// address");
    if (areas != null) {
      v.check(!areas.isEmpty() && areas.size() <= MAX_AREAS, "areas", "1 to " + MAX_AREAS + " entries");
      for (int i = 0; i < areas.size() && i < MAX_AREAS; i++) {
        validateArea(v, "areas[" + i + "]", areas.get(i));
      }
    }
    v.orThrow();
  }

  private static void validateArea(Validator v, String field, Area area) {
    if (area == null) {
      v.required(field, null);
      return;
    }
    v.required(field + ".prefectureCode", area.prefectureCode())
        .check(area.prefectureCode() == null || Prefectures.nameOf(area.prefectureCode()).isPresent(),
            field + ".prefectureCode", "a JIS X 0401 code from 01 to 47")
        .matches(field + ".municipalityCode", area.municipalityCode(), MUNICIPALITY_CODE, "a JIS X 0402 code of 5 or 6 digits")
        .check(area.municipalityCode() == null || area.prefectureCode() == null
                || area.municipalityCode().startsWith(area.prefectureCode()),
            field + ".municipalityCode", "a municipality of prefecture " + area.prefectureCode())
        .text(field + ".name", area.name(), 1, 100);
  }
}
