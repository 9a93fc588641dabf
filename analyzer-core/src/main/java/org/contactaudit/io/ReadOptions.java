package org.contactaudit.io;

import java.util.Objects;
import org.contactaudit.phone.PhoneDecoder;
import org.contactaudit.phone.PhoneMode;
import org.contactaudit.phone.PhoneNormalizer;
import org.contactaudit.phone.Pseudonymizer;
import org.contactaudit.time.Times;

/**
 * How to read a run's inputs. Immutable; made by {@link #builder()}, which validates.
 *
 * <pre>{@code
 * ReadOptions options = ReadOptions.builder().defaultRegion("CN").build();
 * }</pre>
 */
public final class ReadOptions {
  private final PhoneMode phoneMode;
  private final String defaultRegion;
  private final long asOf;
  private final Pseudonymizer numberNames;

  private ReadOptions(Builder b) {
    this.phoneMode = b.phoneMode;
    this.defaultRegion = b.defaultRegion;
    this.asOf = b.asOf;
    this.numberNames = b.numberNames;
  }

  /** A builder with the defaults: numbers, no default region, as of the end of time. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether phone columns hold numbers or tokens. */
  public PhoneMode phoneMode() {
    return phoneMode;
  }

  /** The region for numbers written without an international prefix ({@code ZZ}: none). */
  public String defaultRegion() {
    return defaultRegion;
  }

  /** The instant at which recommendations without {@code shown_at} are judged. */
  public long asOf() {
    return asOf;
  }

  /** A fresh decoder for one run. */
  /**
   * The key that names, in a reject's detail, an id cell that may be a phone number (its keyed
   * pseudonym, as numbers are named in the outputs); {@code null}: such a cell is not shown.
   */
  public Pseudonymizer numberNames() {
    return numberNames;
  }

  PhoneDecoder newDecoder() {
    if (phoneMode == PhoneMode.TOKENS) {
      return PhoneDecoder.tokens();
    }
    return PhoneDecoder.numbers(PhoneNormalizer.fast(defaultRegion));
  }

  /** Builds {@link ReadOptions}. */
  public static final class Builder {
    private PhoneMode phoneMode = PhoneMode.NUMBERS;
    private String defaultRegion = "ZZ";
    private long asOf = Times.END_OF_TIME;
    private Pseudonymizer numberNames;

    private Builder() {}

    /** Numbers (the default) or opaque tokens. */
    public Builder phoneMode(PhoneMode mode) {
      this.phoneMode = Objects.requireNonNull(mode, "phoneMode");
      return this;
    }

    /** A two-letter region code such as {@code CN}; checked when building. */
    public Builder defaultRegion(String region) {
      this.defaultRegion = Objects.requireNonNull(region, "defaultRegion");
      return this;
    }

    /** The instant at which recommendations without {@code shown_at} are judged. */
    public Builder asOf(long asOf) {
      this.asOf = asOf;
      return this;
    }

    /**
     * Builds the options.
     *
     * @throws IllegalArgumentException naming an unknown region
     */
    /** Names id cells that may be phone numbers by their keyed pseudonym in reject details. */
    public Builder numberNames(Pseudonymizer key) {
      this.numberNames = key;
      return this;
    }

    public ReadOptions build() {
      if (phoneMode == PhoneMode.NUMBERS) {
        defaultRegion = PhoneNormalizer.libphonenumber(defaultRegion).defaultRegion();
      }
      return new ReadOptions(this);
    }
  }
}
