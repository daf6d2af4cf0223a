/**
 * PII detection for Japanese case-file text: pure functions, no I/O, no framework.
 *
 * <p>{@link yoriai.privacy.PiiDetector} is the only entry point. Text is first width-folded
 * character by character (full-width digits, letters and hyphen variants become ASCII) so that
 * every finding's offsets point into the caller's original text. Kuromoji's part-of-speech tags
 * (a library call, its dictionary read from the class path once) tell names from other words.
 * Every detector is linear in the text; callers still run it off the event loop, since a long
 * text takes on the order of a second. Measured figures and limits: docs/privacy.md.
 */
package yoriai.privacy;
