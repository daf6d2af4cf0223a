/**
 * PII detection for Japanese case-file text: pure functions, no I/O, no framework.
 *
 * <p>{@link yoriai.privacy.PiiDetector} is the only entry point. Text is first width-folded
 * character by character (full-width digits, letters and hyphen variants become ASCII) so that
 * every finding's offsets point into the caller's original text.
 */
package yoriai.privacy;
