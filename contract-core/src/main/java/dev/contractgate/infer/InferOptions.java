package dev.contractgate.infer;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The thresholds of inference: how much evidence a constraint needs before it is written, and the bounds that
 * keep memory flat. Every value has a documented default ({@link #defaults()}, {@code docs/infer.md}).
 *
 * <pre>{@code
 * InferOptions o = InferOptions.defaults().withMinFormatSamples(10).withMinEnumSamples(50);
 * }</pre>
 *
 * @param minFormatSamples a string gets {@code format} only when at least this many values were seen and every
 *     one of them matches (default {@value #MIN_FORMAT_SAMPLES})
 * @param minEnumSamples a string gets {@code enum} only with at least this many values seen (default
 *     {@value #MIN_ENUM_SAMPLES})
 * @param maxEnumValues ... and at most this many distinct values among them (default {@value #MAX_ENUM_VALUES})
 * @param minSlugValues sibling path segments that look like slugs become one {@code {slug}} parameter when at
 *     least this many distinct values were seen (default {@value #MIN_SLUG_VALUES})
 * @param minMapKeys an object whose keys are not ids becomes a map ({@code additionalProperties}) when it had
 *     at least this many distinct keys and none of them in every sample (default {@value #MIN_MAP_KEYS})
 * @param maxProperties distinct keys kept per object place; past it the object is a map (bounded memory,
 *     default {@value #MAX_PROPERTIES})
 * @param maxPathValues distinct literal path segments kept per position; past it they become one parameter
 *     (bounded memory, default {@value #MAX_PATH_VALUES})
 * @param maxDepth bodies nested deeper are counted and skipped (default {@value #MAX_DEPTH})
 * @param maxBodyBytes larger bodies are counted and skipped (default {@value #MAX_BODY_BYTES}, 10 MiB)
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record InferOptions(
    int minFormatSamples,
    int minEnumSamples,
    int maxEnumValues,
    int minSlugValues,
    int minMapKeys,
    int maxProperties,
    int maxPathValues,
    int maxDepth,
    long maxBodyBytes) {

  /** Default of {@link #minFormatSamples()}. */
  public static final int MIN_FORMAT_SAMPLES = 5;
  /** Default of {@link #minEnumSamples()}. */
  public static final int MIN_ENUM_SAMPLES = 20;
  /** Default of {@link #maxEnumValues()}. */
  public static final int MAX_ENUM_VALUES = 8;
  /** Default of {@link #minSlugValues()}. */
  public static final int MIN_SLUG_VALUES = 3;
  /** Default of {@link #minMapKeys()}. */
  public static final int MIN_MAP_KEYS = 30;
  /** Default of {@link #maxProperties()}. */
  public static final int MAX_PROPERTIES = 500;
  /** Default of {@link #maxPathValues()}. */
  public static final int MAX_PATH_VALUES = 200;
  /** Default of {@link #maxDepth()}. */
  public static final int MAX_DEPTH = 64;
  /** Default of {@link #maxBodyBytes()}. */
  public static final long MAX_BODY_BYTES = 10L << 20;

  /**
   * @throws IllegalArgumentException when a value is out of range, naming the option
   */
  public InferOptions {
    atLeast("minFormatSamples", minFormatSamples, 1);
    atLeast("minEnumSamples", minEnumSamples, 1);
    atLeast("maxEnumValues", maxEnumValues, 0);
    atLeast("minSlugValues", minSlugValues, 2);
    atLeast("minMapKeys", minMapKeys, 2);
    atLeast("maxProperties", maxProperties, 1);
    atLeast("maxPathValues", maxPathValues, 1);
    atLeast("maxDepth", maxDepth, 1);
    if (maxDepth > 1000) {
      throw new IllegalArgumentException("maxDepth must be at most 1000, was " + maxDepth);
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be at least 1, was " + maxBodyBytes);
    }
  }

  /** The documented defaults. */
  public static InferOptions defaults() {
    return new InferOptions(MIN_FORMAT_SAMPLES, MIN_ENUM_SAMPLES, MAX_ENUM_VALUES, MIN_SLUG_VALUES, MIN_MAP_KEYS,
        MAX_PROPERTIES, MAX_PATH_VALUES, MAX_DEPTH, MAX_BODY_BYTES);
  }

  public InferOptions withMinFormatSamples(int n) {
    return new InferOptions(n, minEnumSamples, maxEnumValues, minSlugValues, minMapKeys, maxProperties,
        maxPathValues, maxDepth, maxBodyBytes);
  }

  public InferOptions withMinEnumSamples(int n) {
    return new InferOptions(minFormatSamples, n, maxEnumValues, minSlugValues, minMapKeys, maxProperties,
        maxPathValues, maxDepth, maxBodyBytes);
  }

  public InferOptions withMaxEnumValues(int n) {
    return new InferOptions(minFormatSamples, minEnumSamples, n, minSlugValues, minMapKeys, maxProperties,
        maxPathValues, maxDepth, maxBodyBytes);
  }

  public InferOptions withMinSlugValues(int n) {
    return new InferOptions(minFormatSamples, minEnumSamples, maxEnumValues, n, minMapKeys, maxProperties,
        maxPathValues, maxDepth, maxBodyBytes);
  }

  public InferOptions withMinMapKeys(int n) {
    return new InferOptions(minFormatSamples, minEnumSamples, maxEnumValues, minSlugValues, n, maxProperties,
        maxPathValues, maxDepth, maxBodyBytes);
  }

  public InferOptions withMaxProperties(int n) {
    return new InferOptions(minFormatSamples, minEnumSamples, maxEnumValues, minSlugValues, minMapKeys, n,
        maxPathValues, maxDepth, maxBodyBytes);
  }

  public InferOptions withMaxPathValues(int n) {
    return new InferOptions(minFormatSamples, minEnumSamples, maxEnumValues, minSlugValues, minMapKeys,
        maxProperties, n, maxDepth, maxBodyBytes);
  }

  public InferOptions withMaxDepth(int n) {
    return new InferOptions(minFormatSamples, minEnumSamples, maxEnumValues, minSlugValues, minMapKeys,
        maxProperties, maxPathValues, n, maxBodyBytes);
  }

  public InferOptions withMaxBodyBytes(long n) {
    return new InferOptions(minFormatSamples, minEnumSamples, maxEnumValues, minSlugValues, minMapKeys,
        maxProperties, maxPathValues, maxDepth, n);
  }

  private static void atLeast(String name, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
    }
  }
}
