package yoriai.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Feedback;
import me.gosimple.nbvcxz.scoring.Result;

/**
 * What makes a password acceptable: at least {@link #MIN_LENGTH} characters and not guessable by
 * nbvcxz's estimate (common passwords, dictionary words, keyboard rows, repeats, sequences,
 * dates). The estimate takes up to a few hundred milliseconds, so callers run it off the event loop.
 */
final class PasswordPolicy {
  static final int MIN_LENGTH = 12;
  /** nbvcxz's default: about 10^10 guesses, far beyond an online attack and costly offline against bcrypt. */
  private static final double MIN_ENTROPY_BITS = 35;

  private final Nbvcxz estimator = new Nbvcxz(new ConfigurationBuilder()
      .setLocale(Locale.ENGLISH)
      .setMinimumEntropy(MIN_ENTROPY_BITS)
      .setMaxLength(NewAccount.MAX_PASSWORD_BYTES)
      .setCombinationAlgorithmTimeout(200L)
      .createConfiguration());
  private final Properties japanese = load("password-feedback-ja.properties");

  /** Why {@code password} is too weak, in English and Japanese; empty when it is strong enough. */
  Optional<WeakPassword> check(String password) {
    if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return Optional.of(new WeakPassword("password", "Use at least " + MIN_LENGTH + " characters.",
          "パスワードは" + MIN_LENGTH + "文字以上にしてください。"));
    }
    Result result;
    synchronized (estimator) {
      result = estimator.estimate(password);
    }
    if (result.isMinimumEntropyMet()) {
      return Optional.empty();
    }
    Feedback feedback = result.getFeedback();
    List<String> english = new ArrayList<>(List.of("This password is easy to guess."));
    List<String> inJapanese = new ArrayList<>(List.of("このパスワードは推測されやすいです。"));
    if (feedback.getWarningKey() != null) {
      english.add(feedback.getWarning());
      inJapanese.add(japanese.getProperty(feedback.getWarningKey(), ""));
    }
    english.addAll(feedback.getSuggestion());
    feedback.getSuggestionKeys().forEach(key -> inJapanese.add(japanese.getProperty(key, "")));
    return Optional.of(new WeakPassword("password", String.join(" ", english), String.join("", inJapanese)));
  }

  private static Properties load(String name) {
    Properties properties = new Properties();
    try (InputStream in = PasswordPolicy.class.getResourceAsStream(name)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  /** One {@code details} entry of a {@code weak_password} refusal: the reason in English and in Japanese. */
  record WeakPassword(String field, String problem, String problemJa) {}
}
