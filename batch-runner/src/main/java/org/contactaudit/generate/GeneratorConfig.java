package org.contactaudit.generate;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * What the synthetic data generator makes: how many accounts, how big their phonebooks are, how
 * many numbers belong to no account, how consents and recommendations are mixed, and over which
 * time window. Immutable; made with {@link #builder()}.
 */
public final class GeneratorConfig {
  /** The most accounts a run may ask for. */
  public static final int MAX_ACCOUNTS = 50_000_000;

  private final int accounts;
  private final long seed;
  private final String defaultRegion;
  private final boolean gzip;
  private final double meanPhonebook;
  private final int maxPhonebook;
  private final double shadowShare;
  private final ConsentMix consentMix;
  private final double recommendationsPerAccount;
  private final double junkShare;
  private final double duplicateShare;
  private final double deletedEntryShare;
  private final double deletedAccountShare;
  private final double recycledNumberShare;
  private final double preRegistrationConsentShare;
  private final double staleShare;
  private final ExplanationMix explanationMix;
  private final Instant start;
  private final Instant end;

  private GeneratorConfig(Builder b, String region) {
    this.accounts = b.accounts;
    this.seed = b.seed;
    this.defaultRegion = region;
    this.gzip = b.gzip;
    this.meanPhonebook = b.meanPhonebook;
    this.maxPhonebook = b.maxPhonebook;
    this.shadowShare = b.shadowShare;
    this.consentMix = b.consentMix;
    this.recommendationsPerAccount = b.recommendationsPerAccount;
    this.junkShare = b.junkShare;
    this.duplicateShare = b.duplicateShare;
    this.deletedEntryShare = b.deletedEntryShare;
    this.deletedAccountShare = b.deletedAccountShare;
    this.recycledNumberShare = b.recycledNumberShare;
    this.preRegistrationConsentShare = b.preRegistrationConsentShare;
    this.staleShare = b.staleShare;
    this.explanationMix = b.explanationMix;
    this.start = b.start;
    this.end = b.end;
  }

  /** A builder with the defaults: 10,000 accounts, seed 1, region CN, 2019 and 2020. */
  public static Builder builder() {
    return new Builder();
  }

  /** The number of accounts. */
  public int accounts() {
    return accounts;
  }

  /** The seed: the same seed and configuration give byte-identical files. */
  public long seed() {
    return seed;
  }

  /** The region whose numbers are generated and written without an international prefix. */
  public String defaultRegion() {
    return defaultRegion;
  }

  /** Whether the CSV files are written gzip-compressed ({@code .csv.gz}). */
  public boolean gzip() {
    return gzip;
  }

  /** The mean number of distinct people in a phonebook (the median is about 0.75 of it). */
  public double meanPhonebook() {
    return meanPhonebook;
  }

  /** The largest phonebook. */
  public int maxPhonebook() {
    return maxPhonebook;
  }

  /** The share of the numbers in uploads that belong to no account. */
  public double shadowShare() {
    return shadowShare;
  }

  /** How the consent records of each account and setting are mixed. */
  public ConsentMix consentMix() {
    return consentMix;
  }

  /** The mean number of recommendations shown to each account. */
  public double recommendationsPerAccount() {
    return recommendationsPerAccount;
  }

  /** The share of upload rows followed by a junk row (a cell that is no phone number). */
  public double junkShare() {
    return junkShare;
  }

  /** The share of upload rows written twice (the same row, or the number in another format). */
  public double duplicateShare() {
    return duplicateShare;
  }

  /** The share of phonebook entries deleted after their upload. */
  public double deletedEntryShare() {
    return deletedEntryShare;
  }

  /** The share of accounts deleted before the end of the window. */
  public double deletedAccountShare() {
    return deletedAccountShare;
  }

  /**
   * The share of deleted accounts whose number a carrier gives to a later account: one that
   * registers at or after the deletion (a quarter of them at that very instant). The entries that
   * held the number stay in other phonebooks.
   */
  public double recycledNumberShare() {
    return recycledNumberShare;
  }

  /**
   * The share of the accounts whose number someone uploaded before they registered that have a
   * {@code discoverable_by_phone} record made before registering (granted, with an unknown or an
   * earlier {@code updated_at}) instead of the usual history; half of them grant it again after
   * registering (a fifth of those at the instant of registration).
   */
  public double preRegistrationConsentShare() {
    return preRegistrationConsentShare;
  }

  /**
   * The share of recommendations that are stale: shown at or after the deletion of the only entry
   * that ever linked the viewer and the candidate (the candidate's number is held by no one else,
   * and the two phonebooks share no number).
   */
  public double staleShare() {
    return staleShare;
  }

  /** How the {@code explanation} cells of recommendations are made. */
  public ExplanationMix explanationMix() {
    return explanationMix;
  }

  /** The start of the time window: the first registration. */
  public Instant start() {
    return start;
  }

  /** The end of the time window: every time in the data is before it. */
  public Instant end() {
    return end;
  }

  /**
   * How one account's records of one consent setting are made: no record at all, only a record with
   * {@code source=default} (value {@code true}, the app's default), or an explicit choice that is
   * {@code true} with probability {@code granted}. Any record is followed by an explicit change of
   * its value with probability {@code changed}.
   *
   * @param none the share of settings with no record
   * @param defaultOnly the share of settings set by the app's default only
   * @param explicit the share of settings set explicitly; the three shares sum to 1
   * @param granted the probability that an explicit choice grants the setting
   * @param changed the probability that the value is changed later
   */
  public record ConsentMix(
      double none, double defaultOnly, double explicit, double granted, double changed) {
    /** The default mix: 10% none, 30% default only, 60% explicit; 70% granted; 15% changed. */
    public static final ConsentMix DEFAULT = new ConsentMix(0.1, 0.3, 0.6, 0.7, 0.15);

    /**
     * Validates the mix.
     *
     * @throws IllegalArgumentException naming the first bad value
     */
    public ConsentMix {
      checkRange("consent mix none", none, 0, 1);
      checkRange("consent mix defaultOnly", defaultOnly, 0, 1);
      checkRange("consent mix explicit", explicit, 0, 1);
      checkRange("consent mix granted", granted, 0, 1);
      checkRange("consent mix changed", changed, 0, 1);
      double sum = none + defaultOnly + explicit;
      if (Math.abs(sum - 1) > 1e-9) {
        throw new IllegalArgumentException(
            "consent mix none + defaultOnly + explicit must sum to 1, got "
                + text(none)
                + " + "
                + text(defaultOnly)
                + " + "
                + text(explicit));
      }
    }
  }

  /**
   * How the {@code explanation} cell of one recommendation is made: from the evidence the strategy
   * that picked the candidate knows ({@code in_contacts} for a forward pick, {@code
   * has_your_number} for a reverse one, {@code mutual_contacts:N} with the shared count for a
   * shared-contact one, {@code friend_of_friend} for a chain; a claim drawn at random for the
   * others), a claim drawn at random (any of the four forms), text the contract does not know, or
   * empty. A tenth of the non-empty cells are written in odd case or with surrounding blanks.
   *
   * @param evidence the share of explanations made from the evidence
   * @param random the share of claims drawn at random
   * @param unrecognized the share of texts that are no form of the contract
   * @param none the share of empty cells; the four shares sum to 1
   */
  public record ExplanationMix(double evidence, double random, double unrecognized, double none) {
    /** The default mix: 60% from the evidence, 15% at random, 5% unrecognized, 20% empty. */
    public static final ExplanationMix DEFAULT = new ExplanationMix(0.6, 0.15, 0.05, 0.2);

    /**
     * Validates the mix.
     *
     * @throws IllegalArgumentException naming the first bad value
     */
    public ExplanationMix {
      checkRange("explanation mix evidence", evidence, 0, 1);
      checkRange("explanation mix random", random, 0, 1);
      checkRange("explanation mix unrecognized", unrecognized, 0, 1);
      checkRange("explanation mix none", none, 0, 1);
      double sum = evidence + random + unrecognized + none;
      if (Math.abs(sum - 1) > 1e-9) {
        throw new IllegalArgumentException(
            "explanation mix evidence + random + unrecognized + none must sum to 1, got "
                + text(evidence)
                + " + "
                + text(random)
                + " + "
                + text(unrecognized)
                + " + "
                + text(none));
      }
    }
  }

  /** Collects and validates the settings of a {@link GeneratorConfig}. */
  public static final class Builder {
    private int accounts = 10_000;
    private long seed = 1;
    private String defaultRegion = "CN";
    private boolean gzip;
    private double meanPhonebook = 130;
    private int maxPhonebook = 5_000;
    private double shadowShare = 0.5;
    private ConsentMix consentMix = ConsentMix.DEFAULT;
    private double recommendationsPerAccount = 5;
    private double junkShare = 0.003;
    private double duplicateShare = 0.01;
    private double deletedEntryShare = 0.05;
    private double deletedAccountShare = 0.02;
    private double recycledNumberShare = 0.5;
    private double preRegistrationConsentShare = 0.1;
    private double staleShare = 0.005;
    private ExplanationMix explanationMix = ExplanationMix.DEFAULT;
    private Instant start = Instant.parse("2019-01-01T00:00:00Z");
    private Instant end = Instant.parse("2021-01-01T00:00:00Z");

    private Builder() {}

    /** The number of accounts, 1 to {@value GeneratorConfig#MAX_ACCOUNTS}. */
    public Builder accounts(int accounts) {
      this.accounts = accounts;
      return this;
    }

    /** The seed of the random choices. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The default region, a two-letter code that libphonenumber knows (any case). */
    public Builder defaultRegion(String defaultRegion) {
      this.defaultRegion = Objects.requireNonNull(defaultRegion, "defaultRegion");
      return this;
    }

    /** Whether to write {@code .csv.gz} files. */
    public Builder gzip(boolean gzip) {
      this.gzip = gzip;
      return this;
    }

    /** The mean phonebook size, 1 to 10,000 and at most {@link #maxPhonebook}. */
    public Builder meanPhonebook(double meanPhonebook) {
      this.meanPhonebook = meanPhonebook;
      return this;
    }

    /** The largest phonebook, 1 to 100,000. */
    public Builder maxPhonebook(int maxPhonebook) {
      this.maxPhonebook = maxPhonebook;
      return this;
    }

    /** The share of numbers in uploads that belong to no account, 0 to 0.95. */
    public Builder shadowShare(double shadowShare) {
      this.shadowShare = shadowShare;
      return this;
    }

    /** The consent mix. */
    public Builder consentMix(ConsentMix consentMix) {
      this.consentMix = Objects.requireNonNull(consentMix, "consentMix");
      return this;
    }

    /** The mean number of recommendations per account, 0 to 1,000. */
    public Builder recommendationsPerAccount(double recommendationsPerAccount) {
      this.recommendationsPerAccount = recommendationsPerAccount;
      return this;
    }

    /** The share of upload rows followed by a junk row, 0 to 0.5. */
    public Builder junkShare(double junkShare) {
      this.junkShare = junkShare;
      return this;
    }

    /** The share of upload rows written twice, 0 to 0.5. */
    public Builder duplicateShare(double duplicateShare) {
      this.duplicateShare = duplicateShare;
      return this;
    }

    /** The share of phonebook entries deleted later, 0 to 1. */
    public Builder deletedEntryShare(double deletedEntryShare) {
      this.deletedEntryShare = deletedEntryShare;
      return this;
    }

    /** The share of accounts deleted later, 0 to 1. */
    public Builder deletedAccountShare(double deletedAccountShare) {
      this.deletedAccountShare = deletedAccountShare;
      return this;
    }

    /** The share of deleted accounts whose number goes to a later account, 0 to 1. */
    public Builder recycledNumberShare(double recycledNumberShare) {
      this.recycledNumberShare = recycledNumberShare;
      return this;
    }

    /**
     * The share of accounts uploaded before registering whose {@code discoverable_by_phone} record
     * is made before registering, 0 to 1.
     */
    public Builder preRegistrationConsentShare(double preRegistrationConsentShare) {
      this.preRegistrationConsentShare = preRegistrationConsentShare;
      return this;
    }

    /** The share of recommendations that are stale, 0 to 0.1. */
    public Builder staleShare(double staleShare) {
      this.staleShare = staleShare;
      return this;
    }

    /** The explanation mix. */
    public Builder explanationMix(ExplanationMix explanationMix) {
      this.explanationMix = Objects.requireNonNull(explanationMix, "explanationMix");
      return this;
    }

    /** The start of the time window, not before 1970. */
    public Builder start(Instant start) {
      this.start = Objects.requireNonNull(start, "start");
      return this;
    }

    /** The end of the time window, after the start and before the year 10000. */
    public Builder end(Instant end) {
      this.end = Objects.requireNonNull(end, "end");
      return this;
    }

    /**
     * Validates the settings and makes the configuration.
     *
     * @throws IllegalArgumentException naming the first bad value
     */
    public GeneratorConfig build() {
      checkRange("accounts", accounts, 1, MAX_ACCOUNTS);
      String region = defaultRegion.strip().toUpperCase(Locale.ROOT);
      if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
        throw new IllegalArgumentException(
            "defaultRegion must be a region that libphonenumber knows, such as CN, US or DE, got '"
                + defaultRegion
                + "'");
      }
      checkRange("meanPhonebook", meanPhonebook, 1, 10_000);
      checkRange("maxPhonebook", maxPhonebook, 1, 100_000);
      if (maxPhonebook < meanPhonebook) {
        throw new IllegalArgumentException(
            "maxPhonebook must be at least meanPhonebook "
                + text(meanPhonebook)
                + ", got "
                + maxPhonebook);
      }
      checkRange("shadowShare", shadowShare, 0, 0.95);
      checkRange("recommendationsPerAccount", recommendationsPerAccount, 0, 1_000);
      checkRange("junkShare", junkShare, 0, 0.5);
      checkRange("duplicateShare", duplicateShare, 0, 0.5);
      checkRange("deletedEntryShare", deletedEntryShare, 0, 1);
      checkRange("deletedAccountShare", deletedAccountShare, 0, 1);
      checkRange("recycledNumberShare", recycledNumberShare, 0, 1);
      checkRange("preRegistrationConsentShare", preRegistrationConsentShare, 0, 1);
      checkRange("staleShare", staleShare, 0, 0.1);
      if (start.isBefore(Instant.EPOCH)) {
        throw new IllegalArgumentException(
            "start must not be before 1970-01-01T00:00:00Z, got " + start);
      }
      if (!end.isBefore(Instant.parse("9999-12-31T00:00:00Z"))) {
        throw new IllegalArgumentException("end must be before 9999-12-31T00:00:00Z, got " + end);
      }
      if (end.getEpochSecond() - start.getEpochSecond() < 86_400) {
        throw new IllegalArgumentException(
            "end must be at least one day after start " + start + ", got " + end);
      }
      return new GeneratorConfig(this, region);
    }
  }

  private static void checkRange(String name, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          name + " must be between " + text(min) + " and " + text(max) + ", got " + text(value));
    }
  }

  private static String text(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
