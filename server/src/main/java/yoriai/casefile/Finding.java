package yoriai.casefile;

/** Personal information found in a sheet, as the client highlights it: UTF-16 span in the field at {@code field}. */
public record Finding(String field, int start, int end, String kind) {}
